/**
 * One language at a time: every view of the Swedish UI is visited (the graph with a project selected and its
 * suggestions, the list, coverage, the export and settings menus, sign-up, registration, the account menu, review as a
 * coordinator, accounts as an administrator, an organisation's contact and claim region signed in) and its visible text, labels and titles must hold no word that only the
 * English catalogue uses. Key parity alone would not catch a hard-coded English string or English in sv.ts.
 */
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { englishOnlyWords, wordsOf } from "../fixtures/catalogue-words";
import { createAccount } from "../integration/server-helpers";
import { appSession } from "./session";

const app = appSession();
const english = englishOnlyWords();
let admin: { email: string; password: string };

/** What a sighted reader sees and a screen reader says: text, plus accessible names, titles and placeholders. */
async function pageText(p: Page): Promise<string> {
  return p.evaluate(() => {
    const attributes = [...document.querySelectorAll("[aria-label],[title],[placeholder],[alt],[aria-valuetext]")]
      .flatMap((el) => ["aria-label", "title", "placeholder", "alt", "aria-valuetext"].map((a) => el.getAttribute(a)))
      .filter(Boolean);
    // innerText, not textContent: what is rendered, line by line, without scripts and hidden elements.
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what this test reads
    return [document.title, document.body.innerText, ...attributes].join("\n");
  });
}

/** The English-only words on the page, each with the line it stands in (to find the string). */
async function englishOn(p: Page): Promise<string[]> {
  const found: string[] = [];
  for (const line of (await pageText(p)).split("\n")) {
    // Addresses (a source's URL) are shown as they are.
    const text = line.replace(/\S+\.[a-z]{2,}\/\S*/gi, " ");
    const hits = wordsOf(text).filter((w) => english.has(w));
    if (hits.length > 0) found.push(`${hits.join(",")}: ${line.trim().slice(0, 120)}`);
  }
  return [...new Set(found)];
}

async function signIn(p: Page, email: string, password: string) {
  await p.getByRole("button", { name: "Logga in", exact: true }).click();
  const dialog = p.getByRole("dialog", { name: "Logga in" });
  await dialog.getByLabel("E-postadress").fill(email);
  await dialog.getByLabel("Lösenord").fill(password);
  await dialog.getByRole("button", { name: "Logga in", exact: true }).click();
  await dialog.waitFor({ state: "detached" });
}
async function openAccountMenu(p: Page, item: string) {
  await p.locator(".account-button").click();
  await p.getByRole("button", { name: item, exact: true }).click();
}

beforeAll(async () => {
  admin = await createAccount(app.server.store, "administrator", "Anna Administratör");
});

describe("the Swedish UI speaks only Swedish", () => {
  it("finds English words when the page is in English (the check can fail)", async () => {
    const p = app.page;
    await p.goto(`${app.server.url}/?lang=en&node=project%3Aegenmakt`);
    await p.getByRole("heading", { level: 3, name: "Suggested partners" }).waitFor();
    expect((await englishOn(p)).length).toBeGreaterThan(10);
  });

  it("the graph with a project selected, its details, weights and suggestions", async () => {
    const p = app.page;
    await p.goto(`${app.server.url}/?node=project%3Aegenmakt`);
    await p.getByRole("heading", { level: 3, name: "Föreslagna partners" }).waitFor();
    await p.locator(".suggestion-list > li").first().waitFor();
    await p.getByRole("heading", { level: 3, name: "Liknande projekt" }).waitFor();
    await p.locator(".term-notices").first().waitFor();
    expect(await englishOn(p)).toEqual([]);
  });

  it("an organisation's details with its projects to join, and a region's facts", async () => {
    const p = app.page;
    await p.goto(`${app.server.url}/?node=organisation%3Adigidem-lab`);
    await p.getByRole("heading", { level: 3, name: "Projekt att gå med i" }).waitFor();
    await p.locator(".suggestion-list > li").first().waitFor();
    expect(await englishOn(p)).toEqual([]);
    await p.goto(`${app.server.url}/?node=region%3A25&size=betweenness`);
    await p.getByRole("heading", { level: 2, name: "Norrbottens län" }).waitFor();
    await p.locator(".facts").getByText("Mellanhetscentralitet").waitFor();
    expect(await englishOn(p)).toEqual([]);
  });

  it("the export and settings menus", async () => {
    const p = app.page;
    await p.getByRole("button", { name: "Exportera", exact: true }).click();
    await p.getByRole("heading", { level: 2, name: "Exportera grafen" }).waitFor();
    expect(await englishOn(p)).toEqual([]);
    await p.getByRole("button", { name: "Inställningar" }).click();
    await p.getByRole("checkbox", { name: /WebGL/ }).waitFor();
    expect(await englishOn(p)).toEqual([]);
  });

  it("the list and the coverage views", async () => {
    const p = app.page;
    await p.goto(`${app.server.url}/?view=list`);
    await p.locator("table").first().waitFor();
    expect(await englishOn(p)).toEqual([]);
    await p.goto(`${app.server.url}/?view=coverage&region=25`);
    await p.locator(".coverage-region h3").first().waitFor();
    await p.locator(".filler-list > li").first().waitFor({ timeout: 10_000 });
    expect(await englishOn(p)).toEqual([]);
  });

  it("a search that finds nothing, and a link to a node that does not exist, are in Swedish", async () => {
    const p = app.page;
    await p.goto(app.server.url);
    const box = p.getByRole("combobox", { name: /^Sök / });
    await box.fill("zzzxxq");
    await p.getByText("Inga träffar för ”zzzxxq”").first().waitFor();
    expect(await englishOn(p)).toEqual([]);
    // A link to a node that does not exist: the server's 404 is said in Swedish.
    await p.goto(`${app.server.url}/?node=project%3Afinns-inte`);
    await p.getByText("Den här noden finns inte (längre) i kartan.").waitFor();
    expect(await englishOn(p)).toEqual([]);
  });

  it("sign-up from “Registrera ert projekt”, which says why an account is needed, and the forgotten password", async () => {
    const p = app.page;
    await p.goto(app.server.url);
    await p.getByRole("button", { name: "Registrera ert projekt", exact: true }).click();
    const dialog = p.getByRole("dialog", { name: "Skapa konto" });
    await dialog.getByText(/behöver du ett konto/).waitFor();
    expect(await englishOn(p)).toEqual([]);
    await dialog.getByRole("button", { name: "Har du redan ett konto? Logga in" }).click();
    await p.getByRole("dialog", { name: "Logga in" }).getByRole("button", { name: "Glömt lösenordet?" }).click();
    const forgot = p.getByRole("dialog", { name: "Glömt lösenordet" });
    await forgot.getByText(/skickar vi en länk/).waitFor();
    expect(await englishOn(p)).toEqual([]);
    await forgot.getByRole("button", { name: "Avbryt" }).click();
  });

  it("registration, the account menu, review and accounts, signed in as an administrator", async () => {
    const p = app.page;
    await p.goto(app.server.url);
    await signIn(p, admin.email, admin.password);
    await p.locator(".account-button").click();
    await p.getByRole("button", { name: "Granska", exact: true }).waitFor();
    expect(await englishOn(p)).toEqual([]);
    await p.getByRole("button", { name: "Registrera ert projekt", exact: true }).first().click();
    await p.locator("form").first().waitFor();
    expect(await englishOn(p)).toEqual([]);
    await openAccountMenu(p, "Granska");
    await p.getByRole("heading", { level: 2, name: "Granska inlämningar" }).waitFor();
    expect(await englishOn(p)).toEqual([]);
    await openAccountMenu(p, "Konton");
    await p.getByRole("heading", { level: 2, name: "Konton" }).waitFor();
    expect(await englishOn(p)).toEqual([]);
    await openAccountMenu(p, "Kontoinställningar");
    await p.getByRole("heading", { level: 2, name: "Kontoinställningar" }).waitFor();
    expect(await englishOn(p)).toEqual([]);
    await openAccountMenu(p, "Utkorg");
    await p.getByRole("heading", { level: 2, name: "Utkorg" }).waitFor();
    expect(await englishOn(p)).toEqual([]);
  });

  it("an organisation's details signed in: the contact and claim region, the claim form and its errors", async () => {
    const p = app.page;
    // Whether the session carried over shows only once auth.me has answered: until then the header offers
    // "Logga in", which is replaced (detached) the moment the answer comes.
    const me = p.waitForResponse((r) => r.url().includes("auth.me"));
    await p.goto(`${app.server.url}/?node=organisation%3Adigidem-lab`);
    await me;
    const signedIn = await p
      .locator(".account-button")
      .waitFor({ timeout: 3_000 })
      .then(
        () => true,
        () => false,
      );
    if (!signedIn) await signIn(p, admin.email, admin.password);
    const region = p.locator(".organisation-contact");
    await region.getByRole("button", { name: "Gör anspråk på profilen", exact: true }).click();
    await region.getByRole("button", { name: "Skicka anspråket", exact: true }).click();
    await region.locator(".field-error").waitFor();
    expect(await englishOn(p)).toEqual([]);
    await region.locator("textarea").fill("Hej\u200B");
    await region.getByText("U+200B", { exact: false }).waitFor();
    expect(await englishOn(p)).toEqual([]);
  });
});
