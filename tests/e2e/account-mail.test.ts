/**
 * The mail-backed account pages in a browser: "Glömt lösenordet?" → the reset link from the mail (read in the outbox)
 * → a new password → signed in; the account settings page (digest switch, download my data, change password) and an
 * administrator's "Utkorg / Outbox"; axe-core on each, one pass in English.
 */
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { SESSION_COOKIE } from "../../server/auth/session-cookie";
import { createAccount } from "../integration/server-helpers";
import { seriousViolations } from "./axe";
import { appSession } from "./session";

const app = appSession();
let coordinator: { email: string; password: string };
let admin: { email: string; password: string };

async function signIn(
  p: Page,
  email: string,
  password: string,
  labels = { button: "Logga in", email: "E-postadress", password: "Lösenord" },
) {
  await p.getByRole("button", { name: labels.button, exact: true }).first().click();
  const dialog = p.getByRole("dialog", { name: labels.button });
  await dialog.getByLabel(labels.email).fill(email);
  await dialog.getByLabel(labels.password).fill(password);
  await dialog.getByRole("button", { name: labels.button, exact: true }).click();
  await dialog.waitFor({ state: "detached" });
}

/** The link in the newest mail to `address`, pointed at the test server. */
async function linkInMail(address: string, kind: string): Promise<string> {
  const [mail] = await app.server.store.mail.to(address);
  const link = new RegExp(`https?://\\S+#${kind}=\\S+`).exec(mail?.text ?? "")?.[0];
  if (!link) throw new Error(`no ${kind} link in the mail to ${address}`);
  return link.replace(/^https?:\/\/[^/]+/, app.server.url);
}

beforeAll(async () => {
  coordinator = await createAccount(app.server.store, "coordinator", "Samordnare Siv");
  admin = await createAccount(app.server.store, "administrator", "Anna Administratör");
});

describe("account pages reached by mail", () => {
  it("resets a forgotten password from the link in the mail, then signs in with the new one", async () => {
    const p = app.page;
    await p.goto(`${app.server.url}/?lang=sv`);
    await p.getByRole("button", { name: "Logga in", exact: true }).click();
    const dialog = p.getByRole("dialog", { name: "Logga in" });
    await dialog.getByRole("button", { name: "Glömt lösenordet?" }).click();
    const forgot = p.getByRole("dialog", { name: "Glömt lösenordet" });
    await forgot.getByLabel("E-postadress").fill(coordinator.email);
    expect(await seriousViolations(p, ".auth-dialog")).toEqual([]);
    await forgot.getByRole("button", { name: "Skicka länk" }).click();
    await p.getByText(`Om ${coordinator.email} har ett konto har vi skickat en länk dit.`, { exact: false }).waitFor();
    await p.getByRole("button", { name: "Stäng" }).click();

    await p.goto(await linkInMail(coordinator.email, "reset"));
    await p.getByRole("heading", { name: "Välj ett nytt lösenord" }).waitFor();
    expect(p.url()).not.toContain("#reset");
    const field = p.getByLabel(/^Nytt lösenord/);
    await field.waitFor();
    await field.fill("kort");
    await p.getByRole("button", { name: "Spara det nya lösenordet" }).click();
    await p.getByText("Lösenordet måste ha minst 12 tecken.").waitFor();
    expect(await seriousViolations(p, ".workspace")).toEqual([]);
    await field.fill("ett helt nytt och långt lösenord");
    await p.getByRole("button", { name: "Spara det nya lösenordet" }).click();
    await p.getByText("Lösenordet är bytt. Logga in med det nya.").waitFor();
    coordinator.password = "ett helt nytt och långt lösenord";
    await signIn(p, coordinator.email, coordinator.password);
    await expect.poll(() => p.locator(".account-button").textContent()).toContain("Samordnare Siv");
  });

  it("the settings page switches the daily digest off and downloads my data; keyboard and axe", async () => {
    const p = app.page;
    await p.locator(".account-button").click();
    await p.getByRole("button", { name: "Kontoinställningar", exact: true }).click();
    await p.getByRole("heading", { level: 2, name: "Kontoinställningar" }).waitFor();
    expect(await p.evaluate(() => document.activeElement?.id)).toBe("workspace-title");
    expect(await seriousViolations(p, ".workspace")).toEqual([]);
    const digest = p.getByLabel("Skicka mig ett brev om dagen när inlämningar väntar på granskning");
    expect(await digest.isChecked()).toBe(true);
    await digest.focus();
    await p.keyboard.press("Space");
    await p.getByRole("button", { name: "Spara e-postinställningarna" }).click();
    await p.getByText("Inställningarna är sparade.").waitFor();
    expect((await app.server.store.accounts.byEmail(coordinator.email))?.digest).toBe(false);

    const download = p.waitForEvent("download");
    await p.getByRole("button", { name: "Ladda ned mina uppgifter" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^partnerkartan-account-\d+\.json$/);

    // A wrong current password is said at its field.
    await p.getByLabel(/^Nuvarande lösenord/).fill("inte mitt lösenord alls");
    await p.getByLabel(/^Nytt lösenord/).fill("ännu ett långt lösenord");
    await p.getByRole("button", { name: "Byt lösenord" }).click();
    await p.getByText("Det är inte ditt nuvarande lösenord.").waitFor();
  });

  it("an administrator reads the outbox, in English too", async () => {
    const p = app.page;
    await p.locator(".account-button").click();
    await p.getByRole("button", { name: "Logga ut", exact: true }).click();
    await signIn(p, admin.email, admin.password);
    await p.locator(".account-button").click();
    await p.getByRole("button", { name: "Utkorg", exact: true }).click();
    await p.getByRole("heading", { level: 2, name: "Utkorg" }).waitFor();
    await p.getByText("Välj ett nytt lösenord").first().waitFor();
    expect(await seriousViolations(p, ".workspace")).toEqual([]);

    await p.goto(`${app.server.url}/?lang=en`);
    await p.locator(".account-button").click();
    await p.getByRole("button", { name: "Outbox", exact: true }).click();
    await p.getByRole("heading", { level: 2, name: "Outbox" }).waitFor();
    await p.getByText(/No SMTP server is set/).waitFor();
    expect(await seriousViolations(p, ".workspace")).toEqual([]);
    await p.locator(".account-button").click();
    await p.getByRole("button", { name: "Account settings", exact: true }).click();
    await p.getByRole("heading", { level: 2, name: "Account settings" }).waitFor();
    expect(await seriousViolations(p, ".workspace")).toEqual([]);
  });

  it("deleting the account lands on a page that says so, its heading focused, in Swedish and English", async () => {
    for (const [lang, texts] of [
      [
        "sv",
        {
          settings: "Kontoinställningar",
          password: "Lösenord",
          confirm: "Jag förstår att kontot tas bort för gott",
          button: "Ta bort mitt konto",
          heading: "Ditt konto är borttaget",
          body: "Kontot är borttaget med din e-postadress",
        },
      ],
      [
        "en",
        {
          settings: "Account settings",
          password: "Password",
          confirm: "I understand that the account is removed for good",
          button: "Delete my account",
          heading: "Your account was deleted",
          body: "The account was deleted with your e-mail address",
        },
      ],
    ] as const) {
      const leaver = await createAccount(app.server.store, "member", `Lämnar ${lang}`);
      const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
      const url = new URL(app.server.url);
      const token = (await app.server.store.sessions.create(leaver.id)).token;
      await context.addCookies([{ name: SESSION_COOKIE, value: token, domain: url.hostname, path: "/" }]);
      const q = await context.newPage();
      await q.goto(`${app.server.url}/?lang=${lang}`);
      await q.locator(".account-button").click();
      await q.getByRole("button", { name: texts.settings, exact: true }).click();
      const part = q.locator(".account-part").last();
      await part.getByLabel(texts.password).fill(leaver.password);
      await part.getByLabel(texts.confirm).check();
      await part.getByRole("button", { name: texts.button }).click();
      const heading = q.getByRole("heading", { level: 2, name: texts.heading });
      await heading.waitFor();
      await expect.poll(() => q.evaluate(() => document.activeElement?.textContent)).toBe(texts.heading);
      await q.getByRole("status").filter({ hasText: texts.body }).waitFor();
      expect(await app.server.store.accounts.byEmail(leaver.email)).toBeUndefined();
      await context.close();
    }
  });
});
