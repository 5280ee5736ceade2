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
    await box.fill("Hej! Vill ni vara med i Egenmakt?");
    await dialog.getByRole("button", { name: "Skicka förfrågan" }).click();
    await expect.poll(() => dialog.getByRole("status").textContent()).toBe(`Förfrågan till ${first} är skickad.`);
    await dialog.getByText(`En förfrågan till ${first} väntar redan på svar.`).waitFor();
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
    await project.getByRole("button", { name: /^Tacka ja till / }).click();
    await project.getByText(`Kontakt: Sara Sändare, ${sender.email}`).waitFor();
    await q.getByText("Du tackade ja. Ni har fått varandras adresser.").waitFor();
    await q.close();

    const p = app.page;
    await openContacts(p);
    await p.getByText(`Kontakt: Rut Mottagare, ${recipient.email}`).waitFor();
    expect(await app.server.store.contacts.figures()).toMatchObject({ sent: 1, accepted: 1 });
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
});
