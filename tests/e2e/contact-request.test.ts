/**
 * End to end (#18 item 4): a project's owner sends a contact request from a partner suggestion, with the reasons the
 * server attaches shown first; the organisation's owner, in another browser context, accepts it on "Kontaktförfrågningar";
 * both then see the other's address there. For an organisation nobody has claimed the dialog says so and points to
 * its website, with no form. axe-core on the open dialog.
 */
import type { Browser, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { SESSION_COOKIE } from "../../server/auth/session-cookie";
import { createAccount } from "../integration/server-helpers";
import { seriousViolations } from "./axe";
import { appSession } from "./session";

const app = appSession();
const PROJECT = "egenmakt";
let sender: { id: number; email: string; password: string };
let recipient: { id: number; email: string; password: string };

const partners = (p: Page) => p.locator('[data-suggestions="partners"]');
const suggestions = (p: Page) => partners(p).locator(".suggestion-list > li");

async function signIn(p: Page, account: { email: string; password: string }) {
  await p.getByRole("button", { name: "Logga in", exact: true }).click();
  const dialog = p.getByRole("dialog", { name: "Logga in" });
  await dialog.getByLabel("E-postadress").fill(account.email);
  await dialog.getByLabel("Lösenord").fill(account.password);
  await dialog.getByRole("button", { name: "Logga in", exact: true }).click();
  await dialog.waitFor({ state: "detached" });
}

async function openContacts(p: Page) {
  await p.locator(".account-button").click();
  await p.getByRole("button", { name: "Kontaktförfrågningar", exact: true }).click();
  await p.getByRole("heading", { name: "Kontaktförfrågningar", level: 2 }).waitFor();
}

const orgIdNamed = async (name: string) =>
  (await app.server.store.readDataset()).organisations.find((o) => o.name === name)?.id as string;

let names: string[] = [];
let other: Browser;

beforeAll(async () => {
  sender = await createAccount(app.server.store, "member", "Sara Sändare");
  await app.server.store.accounts.addOwner(sender.id, { kind: "project", id: PROJECT });
  recipient = await createAccount(app.server.store, "member", "Rut Mottagare");
  other = app.browser;
});

describe("contact requests, in a browser", () => {
  it("sends a request from a suggestion to an owned organisation, the reasons shown first", async () => {
    const p = app.page;
    await p.goto(`${app.server.url}/?lang=sv&node=project%3A${PROJECT}`);
    await signIn(p, sender);
    await expect.poll(() => suggestions(p).count(), { timeout: 10_000 }).toBeGreaterThan(3);
    names = (await suggestions(p).locator(".suggestion-name").allTextContents()).map((n) => n.trim());
    const [first = ""] = names;
    await app.server.store.accounts.addOwner(recipient.id, { kind: "organisation", id: await orgIdNamed(first) });

    await suggestions(p)
      .first()
      .getByRole("button", { name: `Kontakta ${first}`, exact: true })
      .click();
    const dialog = p.getByRole("region", { name: `Kontakta ${first}` });
    await dialog.getByText("Skälen bifogas automatiskt").waitFor();
    expect(await dialog.locator(".reasons li").count()).toBeGreaterThan(0);
    expect(await seriousViolations(p, "[data-contact-dialog]")).toEqual([]);
    // An empty message is named at the field.
    await dialog.getByRole("button", { name: "Skicka förfrågan" }).click();
    const box = dialog.getByLabel("Meddelande");
    expect(await box.getAttribute("aria-invalid")).toBe("true");
    // Hidden and bidi characters never enter the box, and the removal is named at the field.
    await box.fill("Hej\u200B \u202Eigen");
    await expect.poll(() => box.inputValue()).toBe("Hej igen");
    await dialog.getByText("U+200B", { exact: false }).waitFor();
    // An over-long text is kept, not cut: the counter and the field say how much too long, and nothing is sent.
    await box.fill("a".repeat(1003));
    expect((await box.inputValue()).length).toBe(1003);
    await dialog.getByText("1003 av 1000 tecken").waitFor();
    await dialog.getByText("Meddelandet är 3 tecken för långt: högst 1000 tecken går att skicka.").waitFor();
    await dialog.getByRole("button", { name: "Skicka förfrågan" }).click();
    expect(await box.evaluate((el) => el === document.activeElement)).toBe(true);
    expect((await app.server.store.contacts.figures()).sent).toBe(0);
    await box.fill("Hej! Vill ni vara med i Egenmakt?");
    await dialog.getByRole("button", { name: "Skicka förfrågan" }).click();
    // Sent: the dialog closes, focus is back on the button that opened it, and a live region beside it says so.
    await dialog.waitFor({ state: "detached" });
    const opener = suggestions(p)
      .first()
      .getByRole("button", { name: `Kontakta ${first}`, exact: true });
    expect(await opener.evaluate((el) => el === document.activeElement)).toBe(true);
    await expect
      .poll(() => suggestions(p).first().locator(".contact-announcement[role=status]").textContent())
      .toBe(`Förfrågan till ${first} är skickad.`);
    await opener.click();
    await dialog.getByText(`En förfrågan till ${first} väntar redan på svar.`).waitFor();
    await dialog.getByRole("button", { name: "Avbryt" }).click();
    expect((await app.server.store.contacts.figures()).sent).toBe(1);
  });

  it("for an organisation nobody has claimed, says so and points to its website, with no form", async () => {
    const p = app.page;
    const data = (await app.server.store.readDataset()).organisations;
    const index = names.findIndex((n, i) => i > 0 && data.find((o) => o.name === n)?.website);
    const name = names[index] as string;
    const website = data.find((o) => o.name === name)?.website as string;
    await suggestions(p)
      .nth(index)
      .getByRole("button", { name: `Kontakta ${name}`, exact: true })
      .click();
    const dialog = p.getByRole("region", { name: `Kontakta ${name}` });
    await dialog.getByText(`${name} har inte gjort anspråk på sin profil`, { exact: false }).waitFor();
    expect(await dialog.getByRole("link").getAttribute("href")).toBe(website);
    expect(await dialog.getByLabel("Meddelande").count()).toBe(0);
  });

  it("lets the organisation's owner accept, and then both see the other's address", async () => {
    const q = await other.newPage({ viewport: { width: 1280, height: 900 } });
    await q.goto(`${app.server.url}/?lang=sv`);
    await signIn(q, recipient);
    await openContacts(q);
    const project = q.locator("[data-contact-request]").first();
    await project.getByText("Hej! Vill ni vara med i Egenmakt?").waitFor();
    // Each answer names the request it answers, so a screen reader's list of buttons tells them apart.
    const projectName = (await app.server.store.entities.get({ kind: "project", id: PROJECT }))?.name as string;
    const [first = ""] = names;
    await project
      .getByRole("button", { name: `Tacka ja till förfrågan från ${projectName} till ${first}`, exact: true })
      .click();
    await project.getByText(`Kontakt: Sara Sändare, ${sender.email}`).waitFor();
    await q.getByText("Du tackade ja. Ni har fått varandras adresser.").waitFor();
    await q.close();

    const p = app.page;
    await openContacts(p);
    await p.getByText(`Kontakt: Rut Mottagare, ${recipient.email}`).waitFor();
    expect(await app.server.store.contacts.figures()).toMatchObject({ sent: 1, accepted: 1 });
  });

  it("asks before reporting a request, and focus comes back to Report on cancel", async () => {
    const [, second = ""] = names;
    const organisationId = await orgIdNamed(second);
    await app.server.store.accounts.addOwner(recipient.id, { kind: "organisation", id: organisationId });
    await app.server.store.contacts.create(
      {
        projectId: PROJECT,
        organisationId,
        senderId: sender.id,
        message: "Köp våra tjänster!",
        reasons: { score: null, sv: [], en: [] },
      },
      5,
    );
    const q = await other.newPage({ viewport: { width: 1280, height: 900 } });
    await q.goto(`${app.server.url}/?lang=sv`);
    await signIn(q, recipient);
    await openContacts(q);
    const projectName = (await app.server.store.entities.get({ kind: "project", id: PROJECT }))?.name as string;
    const report = q.getByRole("button", {
      name: `Anmäl som missbruk: förfrågan från ${projectName} till ${second}`,
      exact: true,
    });
    await report.click();
    const yes = q.getByRole("button", { name: "Ja, anmäl", exact: true });
    await expect.poll(() => yes.evaluate((el) => el === document.activeElement)).toBe(true);
    await q.getByRole("group", { name: /^Anmäla förfrågan från/ }).waitFor();
    await q.getByRole("button", { name: "Avbryt anmälan" }).click();
    await expect.poll(() => report.evaluate((el) => el === document.activeElement)).toBe(true);
    expect((await app.server.store.contacts.figures()).reported).toBe(0);
    await report.click();
    await yes.click();
    await q.getByText("Förfrågan är anmäld till samordnarna.").waitFor();
    expect((await app.server.store.contacts.figures()).reported).toBe(1);
    await q.close();

    // The sender is not told of the report: to them the request is declined.
    const p = app.page;
    await p.goto(`${app.server.url}/?lang=sv`);
    await openContacts(p);
    const sent = p.locator("[data-contact-request]").filter({ hasText: "Köp våra tjänster!" });
    await sent.getByText("Avböjd").waitFor();
    expect(await sent.getByText("Anmäld").count()).toBe(0);
    // The page survives a reload: its address keeps #contacts while it is open.
    expect(new URL(p.url()).hash).toBe("#contacts");
    await p.reload();
    await p.getByRole("heading", { name: "Kontaktförfrågningar", level: 2 }).waitFor();
    await p.locator("[data-contact-request]").filter({ hasText: "Köp våra tjänster!" }).waitFor();
  });

  it("at the daily limit the dialog offers no Send and says when the project can send again", async () => {
    const now = new Date().toISOString();
    for (let i = 0; i < 5; i++) {
      await app.server.store.db.run(
        `INSERT INTO contact_request (project_id, organisation_id, sender_id, message, reasons, status, created_at)
         VALUES (?, ?, ?, 'Hej', '{"score":null,"sv":[],"en":[]}', 'declined', ?)`,
        PROJECT,
        await orgIdNamed(names[0] as string),
        sender.id,
        now,
      );
    }
    const [, , third = ""] = names;
    await app.server.store.accounts.addOwner(recipient.id, { kind: "organisation", id: await orgIdNamed(third) });
    const p = app.page;
    await p.goto(`${app.server.url}/?lang=sv&node=project%3A${PROJECT}`);
    await expect.poll(() => suggestions(p).count(), { timeout: 10_000 }).toBeGreaterThan(3);
    await suggestions(p)
      .nth(2)
      .getByRole("button", { name: `Kontakta ${third}`, exact: true })
      .click();
    const dialog = p.getByRole("region", { name: `Kontakta ${third}` });
    const limit = dialog.locator("[data-contact-limit]");
    await limit.waitFor();
    expect(await limit.textContent()).toMatch(
      /^Projektet har skickat 5 förfrågningar det senaste dygnet, så många som går\. Du kan skicka igen .*\d{2}:\d{2}\.$/,
    );
    expect(await dialog.getByRole("button", { name: "Skicka förfrågan" }).count()).toBe(0);
    // In English too.
    await p.goto(`${app.server.url}/?lang=en&node=project%3A${PROJECT}`);
    await expect.poll(() => suggestions(p).count(), { timeout: 10_000 }).toBeGreaterThan(3);
    await suggestions(p)
      .nth(2)
      .getByRole("button", { name: `Contact ${third}`, exact: true })
      .click();
    await p
      .getByRole("region", { name: `Contact ${third}` })
      .getByText(/^The project has sent 5 requests in the last 24 hours, the most allowed\. You can send again /)
      .waitFor();
    await p.goto(`${app.server.url}/?lang=sv&node=project%3A${PROJECT}`);
  });

  it("keeps one contact dialog open at a time: opening a second closes the first", async () => {
    const p = app.page;
    await expect.poll(() => suggestions(p).count(), { timeout: 10_000 }).toBeGreaterThan(3);
    const [, second = "", third = ""] = names;
    await suggestions(p)
      .nth(1)
      .getByRole("button", { name: `Kontakta ${second}`, exact: true })
      .click();
    await p.getByRole("region", { name: `Kontakta ${second}` }).waitFor();
    await suggestions(p)
      .nth(2)
      .getByRole("button", { name: `Kontakta ${third}`, exact: true })
      .click();
    await p.getByRole("region", { name: `Kontakta ${third}` }).waitFor();
    await expect.poll(() => p.locator("[data-contact-dialog]").count()).toBe(1);
    expect(
      await suggestions(p)
        .nth(1)
        .getByRole("button", { name: `Kontakta ${second}` })
        .getAttribute("aria-expanded"),
    ).toBe("false");
    await p
      .getByRole("region", { name: `Kontakta ${third}` })
      .getByRole("button", { name: "Avbryt" })
      .click();
  });

  it("fits the phone's bottom sheet (390 px): the dialog opens inside the screen's width", async () => {
    const context = await other.newContext({ viewport: { width: 390, height: 844 } });
    const url = new URL(app.server.url);
    const token = (await app.server.store.sessions.create(sender.id)).token;
    await context.addCookies([{ name: SESSION_COOKIE, value: token, domain: url.hostname, path: "/" }]);
    const q = await context.newPage();
    await q.goto(`${app.server.url}/?lang=sv&node=project%3A${PROJECT}`);
    await expect.poll(() => suggestions(q).count(), { timeout: 10_000 }).toBeGreaterThan(3);
    const name = names[1] as string;
    const button = suggestions(q)
      .nth(1)
      .getByRole("button", { name: `Kontakta ${name}`, exact: true });
    await button.scrollIntoViewIfNeeded();
    await button.click();
    const dialog = q.getByRole("region", { name: `Kontakta ${name}` });
    await dialog.waitFor();
    const box = await dialog.boundingBox();
    expect(box?.x).toBeGreaterThanOrEqual(0);
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(390);
    await context.close();
  });

  it("names each claim's Approve and Reject by claimant and organisation, and says when no claims wait", async () => {
    const coordinator = await createAccount(app.server.store, "coordinator", "Cora Samordnare");
    const claimants = [
      await createAccount(app.server.store, "member", "Klara Anspråk"),
      await createAccount(app.server.store, "member", "Kalle Anspråk"),
    ];
    const organisations = (await app.server.store.readDataset()).organisations.slice(-2);
    for (const [i, o] of organisations.entries())
      await app.server.store.claims.create(o.id, claimants[i]?.id as number, "Jag leder organisationen.");
    const context = await other.newContext({ viewport: { width: 1280, height: 900 } });
    const url = new URL(app.server.url);
    const token = (await app.server.store.sessions.create(coordinator.id)).token;
    await context.addCookies([{ name: SESSION_COOKIE, value: token, domain: url.hostname, path: "/" }]);
    const q = await context.newPage();
    await q.goto(`${app.server.url}/?lang=sv`);
    await q.locator(".account-button").click();
    await q.getByRole("button", { name: "Granska", exact: true }).click();
    const [first, second] = organisations.map((o) => ({ name: o.name })) as [{ name: string }, { name: string }];
    const approve = q.getByRole("button", {
      name: `Godkänn anspråket från Klara Anspråk på ${first.name}`,
      exact: true,
    });
    const reject = q.getByRole("button", { name: `Avslå anspråket från Kalle Anspråk på ${second.name}`, exact: true });
    await approve.waitFor();
    expect(await q.getByRole("button", { name: /^Godkänn anspråket från / }).count()).toBe(2);
    await approve.click();
    await q.getByText("Anspråket är godkänt.").waitFor();
    await q.getByLabel(`Skäl att avslå anspråket från Kalle Anspråk på ${second.name}`).fill("Kan inte styrkas.");
    await reject.click();
    await q.getByText("Anspråket är avslaget.").waitFor();
    await q.getByText("Inga anspråk väntar.").waitFor();
    expect(await q.getByText("Inga förfrågningar.").count()).toBe(0);
    // A coordinator who does not own the project is offered no "Kontakta" (the server refuses it too).
    await q.goto(`${app.server.url}/?lang=sv&node=project%3A${PROJECT}`);
    await expect.poll(() => suggestions(q).count(), { timeout: 10_000 }).toBeGreaterThan(3);
    expect(
      await partners(q)
        .getByRole("button", { name: /^Kontakta / })
        .count(),
    ).toBe(0);
    await context.close();
  });
});
