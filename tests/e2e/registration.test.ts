/**
 * End to end, in Swedish (one check in English): a member signs up, confirms the address with the link in the mail, and registers a project with topics, skills, län
 * and partners; a coordinator approves it, it enters the graph and gets partner suggestions; an edit shows in the
 * history, and restoring the earlier version brings the earlier value back; the submitter owns it (edit, history, no
 * restore). axe-core on the forms, the queue and the history.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "../integration/server-helpers";
import { seriousViolations } from "./axe";
import { appSession } from "./session";

const app = appSession();
let coordinator: { email: string; password: string };

const PROJECT = "Öppna väljardata Gävleborg";
const PROJECT_ID = "oppna-valjardata-gavleborg";
/** The seed's projects, counted from the file the server loads, so a seed edit does not break the count below. */
const SEED_PROJECTS = (
  JSON.parse(readFileSync(join(import.meta.dirname, "..", "..", "data", "projects.json"), "utf8")) as unknown[]
).length;
const MAJA_PASSWORD = "en lång och lätt fras att minnas";
/** Set REGISTRATION_SHOTS to a folder to keep screenshots of each step (to look at, not compared). */
const shots = process.env.REGISTRATION_SHOTS;
const shot = async (p: Page, name: string) => {
  if (!shots) return;
  // The page scrolls inside its main area, so a tall viewport shows the whole form.
  await p.setViewportSize({ width: 1280, height: 2600 });
  await p.screenshot({ path: `${shots}/${name}.png` });
  await p.setViewportSize({ width: 1280, height: 900 });
};

const accountButton = (p: Page) => p.locator(".account-button");
async function openAccountMenu(p: Page, item: string) {
  await accountButton(p).click();
  await p.getByRole("button", { name: item, exact: true }).click();
}
async function pick(p: Page, field: string, text: string) {
  const box = p.getByRole("combobox", { name: `${field}: sök och lägg till` });
  await box.fill(text);
  await p.getByRole("option").first().waitFor();
  await box.press("Enter");
  await box.fill("");
}
async function signIn(p: Page, email: string, password: string) {
  await p.getByRole("button", { name: "Logga in", exact: true }).click();
  const dialog = p.getByRole("dialog", { name: "Logga in" });
  await dialog.getByLabel("E-postadress").fill(email);
  await dialog.getByLabel("Lösenord").fill(password);
  await dialog.getByRole("button", { name: "Logga in", exact: true }).click();
  await dialog.waitFor({ state: "detached" });
}

beforeAll(async () => {
  coordinator = await createAccount(app.server.store, "coordinator", "Samordnare Sara");
});

describe("self-registration with moderation, editing and history, in a browser", () => {
  it("a member signs up, is told what is wrong, and registers a project that waits for review", async () => {
    const p = app.page;
    await p.goto(`${app.server.url}/?lang=sv`);
    await p.getByRole("button", { name: "Skapa konto", exact: true }).click();
    const dialog = p.getByRole("dialog", { name: "Skapa konto" });
    await dialog.getByLabel("Namn som visas för andra").fill("Medlem Maja");
    await dialog.getByLabel("E-postadress").fill("maja@example.org");
    await dialog.getByLabel("Lösenord").fill("kort");
    await dialog.getByRole("button", { name: "Skapa kontot" }).click();
    // The error is tied to the field and the field has the focus.
    await dialog.getByText("Lösenordet måste ha minst 12 tecken.").waitFor();
    expect(await p.evaluate(() => document.activeElement?.getAttribute("aria-describedby"))).toMatch(/-error/);
    await shot(p, "signup-dialog-sv");
    expect(await seriousViolations(p, ".auth-dialog")).toEqual([]);
    await dialog.getByLabel("Lösenord").fill(MAJA_PASSWORD);
    await dialog.getByRole("button", { name: "Skapa kontot" }).click();
    // No session yet: the address must be confirmed first, with the link in the mail (read from the outbox).
    await p.getByRole("heading", { name: "Kolla din e-post" }).waitFor();
    expect(await seriousViolations(p, ".auth-dialog")).toEqual([]);
    await p.getByRole("button", { name: "Stäng" }).click();
    const [mail] = await app.server.store.mail.to("maja@example.org");
    const link = /https?:\/\/\S+#verify=\S+/.exec(mail?.text ?? "")?.[0];
    expect(link).toBeDefined();
    await p.goto((link as string).replace(/^https?:\/\/[^/]+/, app.server.url));
    await p.getByText("Adressen är bekräftad. Nu kan du logga in.").waitFor();
    expect(p.url()).not.toContain("#verify");
    expect(await seriousViolations(p, ".workspace")).toEqual([]);
    await p.getByRole("button", { name: "Logga in", exact: true }).first().click();
    const signInDialog = p.getByRole("dialog", { name: "Logga in" });
    await signInDialog.getByLabel("E-postadress").fill("maja@example.org");
    await signInDialog.getByLabel("Lösenord").fill(MAJA_PASSWORD);
    await signInDialog.getByRole("button", { name: "Logga in", exact: true }).click();
    await expect.poll(() => accountButton(p).textContent()).toBe("Medlem MajaMedlem");

    await p.getByRole("button", { name: "Registrera ert projekt", exact: true }).first().click();
    await p.getByRole("heading", { level: 2, name: "Registrera ert projekt" }).waitFor();
    // Sending the empty form: a summary is announced and the first invalid field (the name) gets the focus.
    await p.getByRole("button", { name: "Skicka in för granskning" }).click();
    await p.getByRole("alert").filter({ hasText: "Formuläret har" }).waitFor();
    expect(await p.evaluate(() => (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent)).toBe(
      "Namn *",
    );
    await shot(p, "register-errors-sv");
    expect(await seriousViolations(p, ".workspace")).toEqual([]);

    const name = p.getByRole("textbox", { name: "Namn", exact: true });
    await name.fill("Egenmakt");
    await p.getByLabel("Sammanfattning på svenska").fill("Öppna data om val och väljare i Gävleborgs län.");
    await p.getByLabel("Sammanfattning på engelska").fill("Open data on elections and voters in Gävleborg County.");
    await p.getByLabel("Startår").fill("2025");
    await pick(p, "Ämnen", "öppna data");
    await pick(p, "Ämnen", "delaktighet");
    await pick(p, "Kompetenser som projektet behöver", "dataanalys");
    await pick(p, "Län", "gävleborg");
    await p.getByLabel("Huvudorganisation (leder projektet)").selectOption("digidem-lab");
    await pick(p, "Partnerorganisationer", "open knowledge");
    await p.getByLabel("Källor").fill("https://example.org/valjardata");
    // The server refuses a name whose id is taken, and the form says so at the name field.
    await p.getByRole("button", { name: "Skicka in för granskning" }).click();
    await p.getByText("Det finns redan en post med id ”egenmakt”. Välj ett annat namn.").first().waitFor();
    expect(await p.evaluate(() => document.activeElement?.getAttribute("aria-invalid"))).toBe("true");
    await name.fill(PROJECT);
    await p.getByText(`Id i kartan: ${PROJECT_ID}`).waitFor();
    await shot(p, "register-filled-sv");
    await p.getByRole("button", { name: "Skicka in för granskning" }).click();
    await p.getByRole("heading", { name: "Tack! Inskickat för granskning" }).waitFor();

    await p.getByRole("button", { name: "Mina inlämningar" }).click();
    const row = p.getByRole("row").filter({ hasText: PROJECT });
    await expect.poll(() => row.textContent()).toContain("Väntar på granskning");
    await shot(p, "mine-sv");
    await openAccountMenu(p, "Logga ut");
    await p.getByRole("button", { name: "Logga in", exact: true }).waitFor();
  });

  it("a coordinator approves it: it enters the graph with partner suggestions at once", async () => {
    const p = app.page;
    await signIn(p, coordinator.email, coordinator.password);
    await openAccountMenu(p, "Granska");
    await p.getByRole("heading", { level: 2, name: "Granska inlämningar" }).waitFor();
    const submission = p.getByRole("article", { name: PROJECT });
    await submission.getByText("Digidem Lab").waitFor();
    await shot(p, "review-sv");
    expect(await seriousViolations(p, ".workspace")).toEqual([]);
    await submission.getByRole("button", { name: `Godkänn ${PROJECT}` }).click();
    await p.getByText(`${PROJECT} är godkänd och finns nu i kartan.`).waitFor();
    await p.getByRole("button", { name: "Visa i kartan" }).click();

    await p.getByRole("heading", { level: 2, name: PROJECT }).waitFor();
    expect(p.url()).toContain(`node=project%3A${PROJECT_ID}`);
    await p.getByRole("heading", { level: 3, name: "Föreslagna partners" }).waitFor();
    await expect
      .poll(() => p.locator(".suggestions").first().locator(".suggestion-list > li").count())
      .toBeGreaterThan(0);
    // The graph the page draws has it too: the seed's projects and this one.
    await expect.poll(() => p.locator(".data-summary").textContent()).toContain(`${SEED_PROJECTS + 1} projekt`);
    await shot(p, "details-sv");
  });

  it("an edit is logged with before and after, and restoring the earlier version brings it back", async () => {
    const p = app.page;
    await p.getByRole("region", { name: "Redigera posten" }).getByRole("button", { name: "Redigera" }).click();
    await p.getByRole("heading", { level: 2, name: `Redigera ${PROJECT}` }).waitFor();
    await pick(p, "Ämnen", "transparens");
    await p.getByRole("button", { name: "Spara ändringarna" }).click();
    await p.getByText("Sparat.").waitFor();
    await p.getByRole("status").getByRole("button", { name: "Historik" }).click();

    await p.getByRole("heading", { level: 2, name: `Historik: ${PROJECT}` }).waitFor();
    const entries = p.locator(".change");
    await expect.poll(() => entries.count()).toBe(2);
    const edit = entries.first();
    expect(await edit.locator(".change-head").textContent()).toMatch(/^Ändrad .* av Samordnare Sara/);
    const topics = edit.getByRole("row", { name: /^Ämnen/ });
    expect(await topics.locator(".diff-before").textContent()).not.toContain("Transparens");
    expect(await topics.locator(".diff-after").textContent()).toContain("Transparens och insyn");
    await shot(p, "history-sv");
    expect(await seriousViolations(p, ".workspace")).toEqual([]);

    await entries
      .nth(1)
      .getByRole("button", { name: /^Återställ den här versionen/ })
      .click();
    await p.getByText(/^Återställd till versionen från/).waitFor();
    await expect.poll(() => entries.count()).toBe(3);
    expect(await entries.first().locator(".change-head").textContent()).toMatch(/^Återställd/);
    expect(await entries.first().locator(".change-note").textContent()).toMatch(/^Återställde versionen från \d/);
    expect(await entries.last().locator(".change-note").textContent()).toBe("Godkänd inlämning från Medlem Maja");
    await p.getByRole("status").getByRole("button", { name: "Visa i kartan" }).click();
    const topicGroup = p.locator(".neighbour-group").filter({ has: p.getByRole("heading", { name: /^Ämnen/ }) });
    await expect.poll(() => topicGroup.textContent()).toContain("Delaktighet och demokrati");
    expect(await topicGroup.textContent()).not.toContain("Transparens och insyn");
  });

  it("a deleted project leaves the map; its history shows the deletion and a coordinator restores it", async () => {
    const p = app.page;
    const actions = p.getByRole("region", { name: "Redigera posten" });
    await actions.getByRole("button", { name: "Ta bort" }).click();
    await actions.getByLabel("Skäl (valfritt)").fill("Dubblett");
    await actions.getByRole("button", { name: "Ja, ta bort" }).click();
    await p.getByRole("heading", { level: 2, name: `Historik: ${PROJECT}` }).waitFor();
    await p.getByText(/^Posten är borttagen ur kartan/).waitFor();
    const inGraph = () =>
      p.evaluate(
        async (key) => (await (await fetch("/trpc/graph.snapshot")).text()).includes(key),
        `project:${PROJECT_ID}`,
      );
    expect(await inGraph()).toBe(false);
    const entries = p.locator(".change");
    expect(await entries.first().locator(".change-head").textContent()).toMatch(/^Borttagen .* av Samordnare Sara/);
    await entries
      .nth(1)
      .getByRole("button", { name: /^Återställ den här versionen/ })
      .click();
    await p.getByText(/^Återställd till versionen från/).waitFor();
    expect(await inGraph()).toBe(true);
    await p.getByRole("status").getByRole("button", { name: "Visa i kartan" }).click();
    await p.getByRole("heading", { level: 2, name: PROJECT }).waitFor();
  });

  it("speaks English after the switch, in the history and the account control", async () => {
    const p = app.page;
    await p.getByRole("button", { name: "In English" }).click();
    await p.getByRole("region", { name: "Edit the record" }).getByRole("button", { name: "History" }).click();
    await p.getByRole("heading", { level: 2, name: `History: ${PROJECT}` }).waitFor();
    await p
      .getByRole("button", { name: /^Restore this version/ })
      .first()
      .waitFor();
    expect(await accountButton(p).textContent()).toBe("Samordnare SaraCoordinator");
    await shot(p, "history-en");
    expect(await seriousViolations(p, ".workspace")).toEqual([]);
  });

  it("the member who registered it owns it now: she may edit it and read its history, but not restore", async () => {
    const p = app.page;
    await p.getByRole("button", { name: "På svenska" }).click();
    await openAccountMenu(p, "Logga ut");
    await signIn(p, "maja@example.org", MAJA_PASSWORD);
    const actions = p.getByRole("region", { name: "Redigera posten" });
    await actions.getByRole("button", { name: "Redigera" }).waitFor();
    await actions.getByRole("button", { name: "Historik" }).click();
    await p.getByRole("heading", { level: 2, name: `Historik: ${PROJECT}` }).waitFor();
    await expect.poll(() => p.locator(".change").count()).toBe(5);
    expect(await p.getByRole("button", { name: /^Återställ/ }).count()).toBe(0);
  });

  it("the owner deletes it; a coordinator finds it under Granska's deleted list and restores it", async () => {
    const p = app.page;
    await p.getByRole("button", { name: "Tillbaka till kartan", exact: false }).first().click();
    const actions = p.getByRole("region", { name: "Redigera posten" });
    await actions.getByRole("button", { name: "Ta bort" }).click();
    await actions.getByRole("button", { name: "Ja, ta bort" }).click();
    await p.getByText(/^Posten är borttagen ur kartan/).waitFor();
    await openAccountMenu(p, "Logga ut");
    await signIn(p, coordinator.email, coordinator.password);
    await openAccountMenu(p, "Granska");
    const deleted = p.getByRole("region", { name: "Borttagna projekt och organisationer" });
    await deleted.getByText(/borttagen .* av Medlem Maja/).waitFor();
    expect(await seriousViolations(p, ".workspace")).toEqual([]);
    await deleted.getByRole("button", { name: `Återställ ${PROJECT}` }).click();
    await deleted.getByText(`${PROJECT} är återställd och finns i kartan igen.`).waitFor();
    await deleted.getByText("Inget är borttaget.").waitFor();
    expect(
      await p.evaluate(
        async (key) => (await (await fetch("/trpc/graph.snapshot")).text()).includes(key),
        `project:${PROJECT_ID}`,
      ),
    ).toBe(true);
  });
});
