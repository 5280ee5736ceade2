/**
 * End to end (#16 item 6): a project's owner signs in, saves a partner suggestion to the shortlist with the toggle
 * (aria-pressed, announced in a live region), writes a note, sees both in "Kortlista", and downloads the CSV, whose row
 * holds the organisation, the score shown in the panel and the note. Signed out, no shortlist control is shown. On a
 * phone (390 px) the section fits the bottom sheet. axe-core on the panel with the list.
 */
import { readFileSync } from "node:fs";
import Papa from "papaparse";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "../integration/server-helpers";
import { seriousViolations } from "./axe";
import { appSession } from "./session";

const app = appSession();
const PROJECT = "egenmakt";
let owner: { email: string; password: string };

const partners = (p: Page) => p.locator('[data-suggestions="partners"]');
const firstSuggestion = (p: Page) => partners(p).locator(".suggestion-list > li").first();
const shortlist = (p: Page) => p.getByRole("region", { name: "Kortlista" });

beforeAll(async () => {
  const account = await createAccount(app.server.store, "member", "Olle Ägare");
  await app.server.store.accounts.addOwner(account.id, { kind: "project", id: PROJECT });
  owner = account;
});

describe("the shortlist, in a browser", () => {
  it("shows no shortlist controls to a visitor who is not an owner", async () => {
    const p = app.page;
    await p.goto(`${app.server.url}/?lang=sv&node=project%3A${PROJECT}`);
    await expect
      .poll(() => partners(p).locator(".suggestion-list > li").count(), { timeout: 10_000 })
      .toBeGreaterThan(3);
    expect(await p.getByRole("button", { name: /^Spara i kortlistan/ }).count()).toBe(0);
    expect(await shortlist(p).count()).toBe(0);
  });

  it("lets the owner save a suggestion with a note, see it in the shortlist and download the CSV", async () => {
    const p = app.page;
    await p.getByRole("button", { name: "Logga in", exact: true }).click();
    const dialog = p.getByRole("dialog", { name: "Logga in" });
    await dialog.getByLabel("E-postadress").fill(owner.email);
    await dialog.getByLabel("Lösenord").fill(owner.password);
    await dialog.getByRole("button", { name: "Logga in", exact: true }).click();
    await dialog.waitFor({ state: "detached" });

    await shortlist(p).getByText("Inga sparade organisationer än").waitFor();
    const name = ((await firstSuggestion(p).locator(".suggestion-name").textContent()) ?? "").trim();
    const shownScore = ((await firstSuggestion(p).locator(".suggestion-score").textContent()) ?? "").match(/\d+/)?.[0];
    const toggle = firstSuggestion(p).getByRole("button", { name: `Spara i kortlistan: ${name}`, exact: true });
    expect(await toggle.getAttribute("aria-pressed")).toBe("false");
    // By keyboard: focus and Enter.
    await toggle.focus();
    await p.keyboard.press("Enter");
    await expect.poll(() => toggle.getAttribute("aria-pressed")).toBe("true");
    await expect.poll(() => shortlist(p).getByRole("status").textContent()).toBe(`Sparad i kortlistan: ${name}`);
    expect(await p.evaluate(() => document.activeElement?.textContent)).toContain("Spara i kortlistan");

    const note = shortlist(p).getByLabel(`Anteckning om ${name}`);
    await note.fill("Ring Anna om en workshop i vår; fråga om =avgift");
    await shortlist(p)
      .getByRole("button", { name: `Spara anteckningen: ${name}` })
      .click();
    await expect.poll(() => shortlist(p).getByRole("status").textContent()).toBe(`Anteckningen om ${name} är sparad`);
    expect((await app.server.store.shortlists.list(PROJECT))[0]).toMatchObject({
      name,
      note: "Ring Anna om en workshop i vår; fråga om =avgift",
    });
    // Hidden and bidi characters never enter the box: removed as pasted, and named at the note, in Swedish.
    await note.fill("Ring\u200B Anna \u202Eigen");
    await expect.poll(() => note.inputValue()).toBe("Ring Anna igen");
    const describedBy = (await note.getAttribute("aria-describedby")) ?? "";
    expect(await p.locator(`[id="${describedBy}"]`).textContent()).toBe(
      "2 osynliga tecken eller styrtecken togs bort (U+200B på plats 5, U+202E på plats 12): de syns inte men kan ändra hur texten läses.",
    );
    expect(await note.getAttribute("dir")).toBe("auto");
    expect(await note.evaluate((el) => getComputedStyle(el).unicodeBidi)).toBe("plaintext");
    expect(await shortlist(p).getByRole("alert").count()).toBe(0);
    await note.fill("Ring Anna om en workshop i vår; fråga om =avgift");
    await expect.poll(() => note.getAttribute("aria-describedby")).toBe(null);
    expect(await shortlist(p).getByText("1 av högst 100 organisationer").count()).toBe(1);
    expect(await seriousViolations(p, '[data-suggestions="partners"]')).toEqual([]);

    const [download] = await Promise.all([
      p.waitForEvent("download"),
      shortlist(p).getByRole("link", { name: "Ladda ned CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^kortlista-${PROJECT}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    const bytes = readFileSync(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const parsed = Papa.parse<string[]>(bytes.toString("utf8").slice(1), {
      delimiter: ";",
      newline: "\r\n",
      skipEmptyLines: true,
    });
    expect(parsed.errors).toEqual([]);
    const [header, row] = parsed.data;
    expect(header?.slice(0, 8)).toEqual([
      "Organisations-id",
      "Namn",
      "Webbplats",
      "Typ",
      "Län",
      "Poäng (%)",
      "Skäl",
      "Anteckning",
    ]);
    expect(row?.[1]).toBe(name);
    expect(row?.[5]).toBe(shownScore);
    expect(row?.[6]).toMatch(/^(Arbetar med|Har arbetat med|Verkar|Erbjuder|Ni har båda)/);
    expect(row?.[7]).toBe("Ring Anna om en workshop i vår; fråga om =avgift");
    expect(parsed.data).toHaveLength(2);
  });

  it("speaks English after the switch, and the download follows the language and the weights", async () => {
    const p = app.page;
    await p.getByRole("button", { name: "In English" }).click();
    const section = p.getByRole("region", { name: "Shortlist" });
    await section.waitFor();
    const name = ((await section.locator(".shortlist-entry .suggestion-name").first().textContent()) ?? "").trim();
    expect(await section.getByLabel(`Note on ${name}`).inputValue()).toMatch(/^Ring Anna/);
    const toggle = partners(p).getByRole("button", { name: `Save to shortlist: ${name}`, exact: true });
    expect(await toggle.first().getAttribute("aria-pressed")).toBe("true");
    const href = (await section.getByRole("link", { name: "Download CSV" }).getAttribute("href")) ?? "";
    expect(href).toMatch(new RegExp(`^/api/shortlist/${PROJECT}\\.csv\\?lang=en&w=1%2C0\\.5%2C0\\.5%2C0\\.25&geo=`));
    await p.getByRole("button", { name: "På svenska" }).click();
    await shortlist(p).waitFor();
  });

  it("fits a phone's bottom sheet at 390 px, and the toggle takes the entry off the list again", async () => {
    const p = app.page;
    await p.setViewportSize({ width: 390, height: 844 });
    const section = shortlist(p);
    await section.scrollIntoViewIfNeeded();
    const fits = await section.evaluate((el) => {
      const inside = [el, ...el.querySelectorAll("*")].filter((e) => e.getBoundingClientRect().width > 0);
      return inside.every((e) => e.getBoundingClientRect().right <= window.innerWidth + 1);
    });
    expect(fits).toBe(true);
    const name = ((await section.locator(".shortlist-entry .suggestion-name").first().textContent()) ?? "").trim();
    await firstSuggestion(p)
      .getByRole("button", { name: `Spara i kortlistan: ${name}` })
      .click();
    await expect.poll(() => section.getByRole("status").textContent()).toBe(`Borttagen ur kortlistan: ${name}`);
    await section.getByText("Inga sparade organisationer än").waitFor();
    expect(await app.server.store.shortlists.list(PROJECT)).toEqual([]);
    await p.setViewportSize({ width: 1280, height: 900 });
  });
});
