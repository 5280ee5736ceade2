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

/** "1 377 827", "13,3 %" (Swedish), "1,377,827", "0.4" (English) → a number. */
const number = (lang: "sv" | "en") => (text: string) =>
  Number(lang === "en" ? text.replace(/[\s,%]/g, "") : text.replace(/[\s\u00a0\u202f%]/g, "").replace(",", "."));

/** The bytes of a downloaded CSV: BOM first, the language's separator, parsed with that separator only. */
async function downloadCsv(p: Page, button: string) {
  const [download] = await Promise.all([p.waitForEvent("download"), p.getByRole("button", { name: button }).click()]);
  const bytes = readFileSync(await download.path());
  // A UTF-8 byte-order mark, so that Excel shows å, ä and ö.
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString("utf8").slice(1);
  const delimiter = p.url().includes("lang=en") ? "," : ";";
  const parsed = Papa.parse<string[]>(text.trim(), { delimiter });
  expect(parsed.errors).toEqual([]);
  const [header, ...rows] = parsed.data as [string[], ...string[][]];
  expect(header).toHaveLength(14);
  return { filename: download.suggestedFilename(), text, header, rows };
}

/** One row per län, in the table's order, with the table's numbers; decimals written as the language writes them. */
async function expectTableNumbers(p: Page, rows: string[][], lang: "sv" | "en") {
  const decimal = lang === "sv" ? /^\d+,\d$/ : /^\d+\.\d$/;
  expect(rows).toHaveLength(21);
  const table = await p.locator(".coverage-table tbody tr").evaluateAll((trs) =>
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
    expect(csv.slice(3, 13).map(number(lang))).toEqual(row.cells.slice(2, 12).map(number(lang)));
    expect(csv[13]).toBe(row.cells[12]);
    // Per-capita figures, shares and the gap: one decimal, as the language writes it; counts ungrouped.
    for (const column of [5, 7, 9, 10, 11, 12]) expect(csv[column], `row ${i} column ${column}`).toMatch(decimal);
    for (const column of [3, 4, 6, 8]) expect(csv[column], `row ${i} column ${column}`).toMatch(/^\d+$/);
  }
}

describe("the coverage view", () => {
  it("answers at a glance which län have nothing at all", async () => {
    await app.page.goto(`${app.server.url}/?view=coverage`);
    await app.page.getByRole("heading", { level: 2, name: /^Täckning/ }).waitFor();
    const overview = app.page.locator(".coverage-overview");
    await expect.poll(() => overview.textContent()).toMatch(/\d+ län har inget projekt och ingen organisation alls/);
    // Gotland and Halland have no project and no organisation in the seed; Stockholm has many.
    // The first chip list is the län with nothing; the network-never-met list (events) may name them again.
    const nothing = overview.locator(".chip-list").first();
    await nothing.getByRole("button", { name: "Gotlands län" }).waitFor();
    await nothing.getByRole("button", { name: "Hallands län" }).waitFor();
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

  it("downloads a CSV with one row per län and the table's numbers, Swedish style (decimal comma, semicolons)", async () => {
    const csv = await downloadCsv(app.page, "Ladda ned tabellen (CSV)");
    expect(csv.filename).toBe("tackning-per-lan-open-data.csv");
    expect(csv.header[0]).toBe("Länskod");
    expect(csv.header[10]).toBe("Andel av befolkningen (%)");
    await expectTableNumbers(app.page, csv.rows, "sv");
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

  it("downloads the CSV in English with decimal points, commas between fields, and the same numbers", async () => {
    await app.page.goto(`${app.server.url}/?view=coverage&lang=en&topic=open-data`);
    await app.page.locator(".coverage-overview").waitFor();
    const csv = await downloadCsv(app.page, "Download the table (CSV)");
    expect(csv.filename).toBe("coverage-by-county-open-data.csv");
    expect(csv.header[0]).toBe("County code");
    // A header with a comma in it is quoted, not split.
    expect(csv.header[5]).toBe("Projects per 100,000");
    expect(csv.text.split("\r\n")[0]).toContain('"Projects per 100,000"');
    await expectTableNumbers(app.page, csv.rows, "en");
  });

  it("shows every tile's whole name on a phone (390 px), in Swedish and English", async () => {
    const p = app.page;
    await p.setViewportSize({ width: 390, height: 844 });
    for (const [lang, long] of [
      ["sv", "Västernorrland"],
      ["en", "Södermanland"],
    ] as const) {
      await p.goto(`${app.server.url}/?view=coverage&lang=${lang}`);
      await tile(p, "22").waitFor();
      const names = await p.locator(".coverage-tile .tile-name").evaluateAll((spans) =>
        spans.map((span) => {
          const box = span.getBoundingClientRect();
          const tileBox = (span.closest(".coverage-tile") as HTMLElement).getBoundingClientRect();
          return {
            text: span.textContent ?? "",
            cut:
              span.scrollWidth > span.clientWidth + 1 || box.left < tileBox.left - 1 || box.right > tileBox.right + 1,
          };
        }),
      );
      expect(names).toHaveLength(21);
      expect(names.filter((n) => n.cut).map((n) => n.text)).toEqual([]);
      expect(names.map((n) => n.text)).toContain(long);
    }
    await p.setViewportSize({ width: 1280, height: 900 });
  });
});
