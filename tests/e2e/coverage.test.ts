/**
 * End to end, the coverage view on the real seed: a coordinator picks a topic, clicks Norrbotten on the map and on the
 * tile map, sees its gaps and the organisations that could fill them; the CSV has one row per län with the table's
 * numbers; the view works by keyboard, speaks English, and axe-core finds no serious or critical violation.
 */
import { readFileSync } from "node:fs";
import Papa from "papaparse";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { seriousViolations } from "./axe";
import { appSession } from "./session";

const app = appSession();

const regionHeading = (p: Page, name: string) => p.locator(".coverage-region h3", { hasText: name });
const fillers = (p: Page) => p.locator(".filler-list > li");
const tile = (p: Page, code: string) => p.locator(`.coverage-tile[data-region="${code}"]`);

/** "1 377 827", "13,3 %", "0.4" → a number, whatever the language's separators. */
const number = (text: string) => Number(text.replace(/[\s\u00a0\u202f%]/g, "").replace(",", "."));

describe("the coverage view", () => {
  it("answers at a glance which län have no project at all", async () => {
    await app.page.goto(`${app.server.url}/?view=coverage`);
    await app.page.getByRole("heading", { level: 2, name: /^Täckning/ }).waitFor();
    const overview = app.page.locator(".coverage-overview");
    await expect.poll(() => overview.textContent()).toMatch(/\d+ län har inget projekt alls/);
    // Gotland and Halland have no project in the seed; Stockholm has many.
    await overview.getByRole("button", { name: "Gotlands län" }).waitFor();
    await overview.getByRole("button", { name: "Hallands län" }).waitFor();
    expect(await overview.getByRole("button", { name: "Stockholms län" }).count()).toBe(1); // only among the five most populous
    expect(await app.page.locator(".coverage-table tbody tr").count()).toBe(21);
  });

  it("recolours map, tiles and table when a topic is picked", async () => {
    const before = await tile(app.page, "24").textContent();
    await app.page.getByLabel("Ämne", { exact: true }).selectOption("open-data");
    await expect.poll(() => app.page.url()).toContain("topic=open-data");
    await expect.poll(() => tile(app.page, "24").textContent()).not.toBe(before);
    await expect.poll(() => app.page.locator(".coverage-national").textContent()).toMatch(/Om öppna data/);
  });

  it("shows Norrbotten's gaps and who could fill them when its circle on the map is clicked", async () => {
    await app.page.locator('.coverage-map [data-region="25"]').click();
    await expect.poll(() => app.page.url()).toContain("region=25");
    await regionHeading(app.page, "Norrbottens län").waitFor();
    await app.page
      .getByRole("heading", { level: 4, name: "Vem kan fylla luckan: öppna data i Norrbottens län" })
      .waitFor();
    await expect.poll(() => fillers(app.page).count()).toBeGreaterThan(0);
    const reasons = (await fillers(app.page).first().locator(".reasons").textContent()) ?? "";
    expect(reasons).toMatch(/öppna data/);
    expect(reasons).toMatch(/Norrbottens län/);
    expect(await app.page.locator(".coverage-region .chip-list").first().textContent()).toMatch(/Öppna data/);
  });

  it("shows the same when the Norrbotten tile is clicked, and the table marks the row", async () => {
    await app.page.getByRole("button", { name: "Stäng länet" }).click();
    await app.page.locator(".coverage-overview").waitFor();
    await tile(app.page, "25").click();
    await regionHeading(app.page, "Norrbottens län").waitFor();
    expect(await tile(app.page, "25").getAttribute("aria-pressed")).toBe("true");
    await expect.poll(() => fillers(app.page).count()).toBeGreaterThan(0);
    expect(await app.page.locator('.coverage-table tr.selected[data-region="25"]').count()).toBe(1);
  });

  it("downloads a CSV with one row per län and the table's numbers", async () => {
    const [download] = await Promise.all([
      app.page.waitForEvent("download"),
      app.page.getByRole("button", { name: "Ladda ner tabellen (CSV)" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("tackning-per-lan-open-data.csv");
    const text = readFileSync(await download.path(), "utf8").replace(/^\uFEFF/, "");
    const [header, ...rows] = Papa.parse<string[]>(text.trim()).data;
    expect(header?.[0]).toBe("Länskod");
    expect(rows).toHaveLength(21);
    const table = await app.page.locator(".coverage-table tbody tr").evaluateAll((trs) =>
      trs.map((tr) => ({
        code: tr.getAttribute("data-region"),
        cells: [...tr.children].map((c) => (c.textContent ?? "").trim()),
      })),
    );
    expect(rows.map((r) => r[0])).toEqual(table.map((r) => r.code));
    for (const [i, row] of table.entries()) {
      const csv = rows[i] as string[];
      // Columns: rank, name, then ten numbers, then the status; the CSV has the code in front.
      expect(csv[1]).toBe(row.cells[0]);
      expect(csv[2]).toBe(row.cells[1]);
      expect(csv.slice(3, 13).map(Number)).toEqual(row.cells.slice(2, 12).map(number));
      expect(csv[13]).toBe(row.cells[12]);
    }
  });

  it("works by keyboard: a tile, a matrix cell moved to with the arrow keys", async () => {
    await tile(app.page, "13").focus();
    await app.page.keyboard.press("Enter");
    await regionHeading(app.page, "Hallands län").waitFor();
    const first = app.page.locator('.coverage-matrix [data-cell="0-0"]');
    await first.focus();
    await app.page.keyboard.press("ArrowDown");
    await app.page.keyboard.press("ArrowRight");
    const focused = app.page.locator(".coverage-matrix :focus");
    expect(await focused.getAttribute("data-cell")).toBe("1-1");
    const code = (await focused.getAttribute("data-region")) as string;
    const topic = (await focused.getAttribute("data-topic")) as string;
    await app.page.keyboard.press("Enter");
    await expect.poll(() => app.page.url()).toContain(`region=${code}`);
    expect(app.page.url()).toContain(`topic=${topic}`);
    await app.page.locator(".coverage-fillers h4").waitFor();
  });

  it("has no serious or critical axe-core violations, in Swedish and in English", async () => {
    await app.page.goto(`${app.server.url}/?view=coverage`);
    await app.page.locator(".coverage-overview").waitFor();
    expect(await seriousViolations(app.page, ".coverage-view")).toEqual([]);
    await app.page.goto(`${app.server.url}/?view=coverage&lang=en&region=25&topic=open-data`);
    await regionHeading(app.page, "Norrbotten County").waitFor();
    await expect.poll(() => fillers(app.page).count()).toBeGreaterThan(0);
    expect(await seriousViolations(app.page, ".coverage-view")).toEqual([]);
  });

  it("speaks English, numbers included", async () => {
    await app.page
      .getByRole("heading", { level: 4, name: "Who could fill the gap: open data in Norrbotten County" })
      .waitFor();
    const population = await app.page.locator('.coverage-table tr[data-region="01"] td').nth(1).textContent();
    expect(population).toBe("2,377,081");
    await app.page.goto(`${app.server.url}/?view=coverage`);
    const swedish = await app.page.locator('.coverage-table tr[data-region="01"] td').nth(1).textContent();
    expect(swedish?.replace(/[\u00a0\u202f]/g, " ")).toBe("2 377 081");
  });
});
