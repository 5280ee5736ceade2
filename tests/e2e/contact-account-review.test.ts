/**
 * End to end, the last review defects of #18: the claim form names its field in every error (sv, en) and removes and
 * names hidden characters as the contact message does, in a region named in Swedish; the report of a contact request
 * carries an optional note (counter, hidden characters removed and named) that coordinators see; changing the e-mail
 * address clears the last answer on a new attempt and names a U+200B by code point and position; the advice for a
 * verification mail that never came names "Glömt lösenordet?", which exists and, followed, makes sign-in work.
 */
import type { BrowserContext, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../../server/auth/password";
import { SESSION_COOKIE } from "../../server/auth/session-cookie";
import { createAccount } from "../integration/server-helpers";
import { seriousViolations } from "./axe";
import { appSession } from "./session";

const app = appSession();
const ORGANISATION = "digidem-lab";
let member: { id: number; email: string; password: string };

/** A fresh context signed in as `accountId` (its own cookie jar, so the shared page's session is untouched). */
async function signedInPage(accountId: number): Promise<{ page: Page; context: BrowserContext }> {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const token = (await app.server.store.sessions.create(accountId)).token;
  await context.addCookies([
    { name: SESSION_COOKIE, value: token, domain: new URL(app.server.url).hostname, path: "/" },
  ]);
  return { page: await context.newPage(), context };
}

const nameOf = async (kind: "organisation" | "project", id: string) =>
  (await app.server.store.entities.get({ kind, id }))?.name as string;

beforeAll(async () => {
  member = await createAccount(app.server.store, "member", "Maja Medlem");
});

describe("the claim form", () => {
  it("names its field in every error, removes and names hidden characters, in a region named in Swedish", async () => {
    const { page: p, context } = await signedInPage(member.id);
    const name = await nameOf("organisation", ORGANISATION);
    await p.goto(`${app.server.url}/?lang=sv&node=organisation%3A${ORGANISATION}`);
    const region = p.getByRole("region", { name: `Kontakt och anspråk: ${name}`, exact: true });
    await region.waitFor();
    await region.getByRole("button", { name: "Gör anspråk på profilen", exact: true }).click();
    const box = region.getByLabel(/^Vem är du på organisationen\?/);
    // Empty: the field is named and told what to write, before anything is sent.
    await region.getByRole("button", { name: "Skicka anspråket" }).click();
    await region
      .getByText(
        "”Vem är du på organisationen?” är tomt: skriv vem du är på organisationen, så att en samordnare kan kontrollera det.",
      )
      .waitFor();
    expect(await box.getAttribute("aria-invalid")).toBe("true");
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
    // Hidden and bidi characters never enter the box, and each is named by code point and position.
    await box.fill("Jag\u200B är\u202E ordförande");
    await expect.poll(() => box.inputValue()).toBe("Jag är ordförande");
    await region.getByText("U+200B på plats 4, U+202E på plats 8", { exact: false }).waitFor();
    // Over-long: kept as typed, and the field is named with how much too long.
    await box.fill("a".repeat(1002));
    await region
      .getByText("”Vem är du på organisationen?” är 2 tecken för långt: högst 1000 tecken går att skicka.")
      .waitFor();
    expect(await seriousViolations(p, ".organisation-contact")).toEqual([]);
    await box.fill("Jag är ordförande i föreningen.");
    await region.getByRole("button", { name: "Skicka anspråket" }).click();
    await region.getByText("Anspråket är skickat till samordnarna.").waitFor();

    // English: the same field named in English.
    const other = await createAccount(app.server.store, "member", "Erik English");
    const { page: q, context: englishContext } = await signedInPage(other.id);
    await q.goto(`${app.server.url}/?lang=en&node=organisation%3A${ORGANISATION}`);
    const english = q.getByRole("region", { name: `Contact and claim: ${name}`, exact: true });
    await english.getByRole("button", { name: "Claim this profile", exact: true }).click();
    await english.getByRole("button", { name: "Send the claim" }).click();
    await english
      .getByText(
        "“Who are you at the organisation?” is empty: say who you are at the organisation, so a coordinator can check it.",
      )
      .waitFor();
    await english.getByLabel(/^Who are you at the organisation\?/).fill("Hi\u200B");
    await english.getByText("U+200B at position 3", { exact: false }).waitFor();
    await englishContext.close();
    await context.close();
  });
});

describe("reporting a contact request", () => {
  it("sends the reporter's optional note, hidden characters removed and named, and coordinators see it", async () => {
    const store = app.server.store;
    const sender = await createAccount(store, "member", "Sixten Sändare");
    const owner = await createAccount(store, "member", "Olga Ägare");
    const organisations = (await store.readDataset()).organisations;
    const organisationId = organisations[3]?.id as string;
    const projectId = (await store.readDataset()).projects[0]?.id as string;
    await store.accounts.addOwner(sender.id, { kind: "project", id: projectId });
    await store.accounts.addOwner(owner.id, { kind: "organisation", id: organisationId });
    await store.contacts.create(
      {
        projectId,
        organisationId,
        senderId: sender.id,
        message: "Köp våra kurser nu!",
        reasons: { score: null, sv: [], en: [] },
      },
      5,
    );
    const { page: p, context } = await signedInPage(owner.id);
    await p.goto(`${app.server.url}/?lang=sv#contacts`);
    await p.getByRole("heading", { name: "Kontaktförfrågningar", level: 2 }).waitFor();
    const request = p.locator("[data-contact-request]").filter({ hasText: "Köp våra kurser nu!" });
    await request.getByRole("button", { name: /^Anmäl som missbruk/ }).click();
    const note = request.getByLabel("Anteckning till samordnarna (valfri)");
    await request.getByText("0 av 1000 tecken").waitFor();
    await note.fill("Reklam\u200B, inte samarbete");
    await expect.poll(() => note.inputValue()).toBe("Reklam, inte samarbete");
    await request.getByText("U+200B på plats 7", { exact: false }).waitFor();
    await request.getByText("22 av 1000 tecken").waitFor();
    expect(await seriousViolations(p, "[data-contact-request]")).toEqual([]);
    // Over the limit nothing is sent, and the note says how much too long.
    await note.fill("x".repeat(1005));
    await request.getByRole("button", { name: "Ja, anmäl" }).click();
    await request.getByText("Anteckningen är 5 tecken för lång: högst 1000 tecken går att skicka.").waitFor();
    expect((await store.contacts.figures()).reported).toBe(0);
    await note.fill("Reklam, inte samarbete");
    await request.getByRole("button", { name: "Ja, anmäl" }).click();
    await p.getByText("Förfrågan är anmäld till samordnarna.").waitFor();
    expect((await store.contacts.reports()).map((r) => r.note)).toContain("Reklam, inte samarbete");
    await context.close();

    const coordinator = await createAccount(store, "coordinator", "Cilla Samordnare");
    const { page: q, context: coordinatorContext } = await signedInPage(coordinator.id);
    await q.goto(`${app.server.url}/?lang=sv`);
    await q.locator(".account-button").click();
    await q.getByRole("button", { name: "Granska", exact: true }).click();
    await q.getByText("anmäld av Olga Ägare: Reklam, inte samarbete", { exact: false }).waitFor();
    await coordinatorContext.close();
  });
});

describe("changing the e-mail address", () => {
  it("clears the last answer on a new attempt and names a U+200B by code point and position", async () => {
    const account = await createAccount(app.server.store, "member", "Bodil Byter");
    const { page: p, context } = await signedInPage(account.id);
    await p.goto(`${app.server.url}/?lang=sv`);
    await p.locator(".account-button").click();
    await p.getByRole("button", { name: "Kontoinställningar", exact: true }).click();
    await p.getByRole("heading", { level: 2, name: "Kontoinställningar" }).waitFor();
    const address = p.getByLabel(/^Ny e-postadress/);
    await address.fill("bodil.ny@example.org");
    await p
      .getByLabel(/^Ditt lösenord/)
      .first()
      .fill(account.password);
    await p.getByRole("button", { name: "Skicka bekräftelse till den nya adressen" }).click();
    const sent = p.getByText("Följ länken i brevet till bodil.ny@example.org", { exact: false });
    await sent.waitFor();

    await address.fill("bo\u200Bdil@example.org");
    await p
      .getByLabel(/^Ditt lösenord/)
      .first()
      .fill(account.password);
    await p.getByRole("button", { name: "Skicka bekräftelse till den nya adressen" }).click();
    await p.getByText("(U+200B) på plats 3", { exact: false }).waitFor();
    expect(await address.getAttribute("aria-invalid")).toBe("true");
    // The success of the first attempt no longer stands beside the new error.
    expect(await sent.count()).toBe(0);
    await context.close();
  });
});

describe("a verification mail that never came", () => {
  it("the advice names “Glömt lösenordet?”, which exists, and its link confirms the address so sign-in works", async () => {
    const store = app.server.store;
    const password = "ett långt lösenord för Vera";
    const account = await store.accounts.create({
      email: "vera.overifierad@example.org",
      displayName: "Vera Overifierad",
      role: "member",
      passwordHash: await hashPassword(password),
      emailVerified: false,
    });
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const p = await context.newPage();

    // English first: the advice names the button the dialog really has.
    await p.goto(`${app.server.url}/?lang=en`);
    await p.getByRole("button", { name: "Sign in", exact: true }).click();
    const en = p.getByRole("dialog", { name: "Sign in" });
    await en.getByLabel("E-mail address").fill(account.email);
    await en.getByLabel("Password").fill(password);
    await en.getByRole("button", { name: "Sign in", exact: true }).click();
    await en
      .getByText("No message? Look in your spam folder, or choose “Forgot password?” below", { exact: false })
      .waitFor();
    await en.getByRole("button", { name: "Forgot password?", exact: true }).waitFor();

    await p.goto(`${app.server.url}/?lang=sv`);
    await p.getByRole("button", { name: "Logga in", exact: true }).click();
    const dialog = p.getByRole("dialog", { name: "Logga in" });
    await dialog.getByLabel("E-postadress").fill(account.email);
    await dialog.getByLabel("Lösenord").fill(password);
    await dialog.getByRole("button", { name: "Logga in", exact: true }).click();
    await dialog
      .getByText("Inget brev? Titta i skräpposten, eller välj ”Glömt lösenordet?” nedan", { exact: false })
      .waitFor();
    await dialog.getByRole("button", { name: "Glömt lösenordet?", exact: true }).click();
    const forgot = p.getByRole("dialog", { name: "Glömt lösenordet" });
    await forgot.getByLabel("E-postadress").fill(account.email);
    await forgot.getByRole("button", { name: "Skicka länk" }).click();
    await p.getByText(`Om ${account.email} har ett konto har vi skickat en länk dit.`, { exact: false }).waitFor();
    await p.getByRole("button", { name: "Stäng" }).click();

    const [mail] = await store.mail.to(account.email);
    const link = /https?:\/\/\S+#reset=\S+/.exec(mail?.text ?? "")?.[0] as string;
    expect(link).toBeTruthy();
    await p.goto(link.replace(/^https?:\/\/[^/]+/, app.server.url));
    const field = p.getByLabel(/^Nytt lösenord/);
    await field.fill("ett nytt långt lösenord för Vera");
    await p.getByRole("button", { name: "Spara det nya lösenordet" }).click();
    await p.getByText("Lösenordet är bytt. Logga in med det nya.").waitFor();
    expect((await store.accounts.byId(account.id))?.emailVerified).toBe(true);

    await p.getByRole("button", { name: "Logga in", exact: true }).first().click();
    const again = p.getByRole("dialog", { name: "Logga in" });
    await again.getByLabel("E-postadress").fill(account.email);
    await again.getByLabel("Lösenord").fill("ett nytt långt lösenord för Vera");
    await again.getByRole("button", { name: "Logga in", exact: true }).click();
    await again.waitFor({ state: "detached" });
    await expect.poll(() => p.locator(".account-button").textContent()).toContain("Vera Overifierad");
    await context.close();
  });
});
