/**
 * End to end, the explorer: search with and without diacritics, filters that the graph and the list agree on, a deep
 * link that reproduces the view, a partner-finding path by keyboard only, and axe-core on every view in both languages.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { seriousViolations } from "./axe";
import { searchBox } from "./browser";
import { appSession } from "./session";

const app = appSession();

const summary = async (p: Page) => {
  const text = (await p.locator(".data-summary").textContent()) ?? "";
  const [organisations, projects] = (text.match(/\d+/g) ?? []).map(Number);
  return { organisations, projects };
};

describe("the explorer", () => {
  it("finds Civic Tech Göteborg typed with or without diacritics", async () => {
    await app.page.goto(app.server.url);
    for (const q of ["göteborg", "GOTEBORG"]) {
      await searchBox(app.page).fill(q);
      await app.page.getByRole("option", { name: /Civic Tech Göteborg/ }).waitFor();
    }
    await searchBox(app.page).fill("");
  });

  it("filters by län and topic, and the graph and the list agree", async () => {
    await app.page.locator("summary", { hasText: /^Län$/ }).click();
    await app.page.getByRole("checkbox", { name: /^Västra Götalands län/ }).check();
    await app.page.locator("summary", { hasText: /^Ämnen$/ }).click();
    await app.page.getByRole("checkbox", { name: /^Delaktighet och demokrati/ }).check();
    await expect.poll(() => app.page.url()).toContain("regions=14");
    expect(app.page.url()).toContain("topics=participation-and-democracy");
    const graph = await summary(app.page);
    expect(graph.projects).toBeGreaterThan(0);
    await app.page.getByRole("button", { name: "Lista" }).click();
    const kinds = await app.page.locator(".list-view tbody td:nth-child(2)").allTextContents();
    expect(kinds.filter((k) => k === "Projekt")).toHaveLength(graph.projects as number);
    const orgKinds = new Set(["Projekt", "Ämne", "Kompetens", "Län"]);
    // An event's kind cell reads "Hackathon, 2018-03-10": kind and date.
    const isEvent = (k: string) => /, \d{4}-\d{2}-\d{2}$/.test(k);
    expect(kinds.filter((k) => !orgKinds.has(k) && !isEvent(k))).toHaveLength(graph.organisations as number);
    expect(kinds.some(isEvent)).toBe(true);
    await app.page.getByRole("button", { name: "Graf" }).click();
  });

  it("reproduces the view from a deep link in a new page", async () => {
    await searchBox(app.page).fill("digidem");
    await app.page
      .getByRole("option", { name: /Digidem Lab/ })
      .first()
      .waitFor();
    await searchBox(app.page).press("Enter");
    await app.page.getByRole("heading", { level: 2, name: "Digidem Lab" }).waitFor();
    await app.page.getByLabel("Layout").selectOption("geographic");
    const link = app.page.url();
    expect(link).toMatch(/node=organisation%3Adigidem-lab/);
    expect(link).toContain("layout=geographic");
    const fresh = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await fresh.goto(link);
    await fresh.getByRole("heading", { level: 2, name: "Digidem Lab" }).waitFor();
    expect(await fresh.getByRole("checkbox", { name: /^Delaktighet och demokrati/ }).isChecked()).toBe(true);
    expect(await fresh.getByLabel("Layout").inputValue()).toBe("geographic");
    expect(await summary(fresh)).toEqual(await summary(app.page));
    await fresh.close();
  });

  it("finds a partner by keyboard only: search, pick, tab to a suggestion, open it", async () => {
    await app.page.bringToFront(); // the deep-link test opened another page, which took the focus
    await app.page.goto(`${app.server.url}/?lang=en`);
    // Tab until the search box has the focus (the skip link comes first).
    const tabTo = async (isTarget: () => boolean, limit: number) => {
      for (let i = 0; i < limit; i++) {
        await app.page.keyboard.press("Tab");
        if (await app.page.evaluate(isTarget)) return true;
      }
      return false;
    };
    expect(await tabTo(() => document.activeElement?.getAttribute("role") === "combobox", 5)).toBe(true);
    await app.page.keyboard.type("egenmakt");
    await app.page
      .getByRole("option", { name: /Egenmakt/ })
      .first()
      .waitFor();
    await app.page.keyboard.press("ArrowDown");
    await app.page.keyboard.press("Enter");
    await app.page.getByRole("heading", { level: 2, name: /Egenmakt/ }).waitFor();
    await app.page.locator(".suggestion-name").first().waitFor();
    const target = (await app.page.locator(".suggestion-name").first().textContent()) as string;
    expect(await tabTo(() => document.activeElement?.classList.contains("suggestion-name") ?? false, 80)).toBe(true);
    await app.page.keyboard.press("Enter");
    await app.page.getByRole("heading", { level: 2, name: target }).waitFor();
  });

  it("has no serious or critical accessibility violations in the graph, list and details, in Swedish and English", async () => {
    for (const lang of ["sv", "en"]) {
      for (const view of ["graph", "list"]) {
        await app.page.goto(`${app.server.url}/?lang=${lang}&view=${view}&node=project%3Aegenmakt`);
        await app.page.locator(".suggestion-name").first().waitFor();
        expect(await seriousViolations(app.page), `${lang} ${view}`).toEqual([]);
      }
    }
  });
});
