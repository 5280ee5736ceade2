/**
 * End to end, the list view by keyboard (WAI-ARIA APG data grid): one Tab stop into the table, the arrow keys,
 * Home/End and Page Up/Down move a roving tab stop, Enter or Space opens the row's details as a click does, the sort
 * buttons are the grid's first row, focus is visible, the selected row says so (aria-selected), and axe-core finds no
 * serious or critical violation, in Swedish and English.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { seriousViolations } from "./axe";
import { appSession } from "./session";

const app = appSession();

const grid = (p: Page) => p.getByRole("grid");

/** Where the focus is, in grid terms: row 0 is the header; column 0 the name. */
const focused = (p: Page) =>
  p.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const cell = el?.closest<HTMLTableCellElement>("th, td");
    const row = cell?.parentElement as HTMLTableRowElement | undefined;
    const style = el ? getComputedStyle(el) : undefined;
    return {
      inGrid: Boolean(el?.closest("[role=grid]")),
      row: row?.rowIndex ?? -1,
      column: cell?.cellIndex ?? -1,
      key: row?.dataset.key ?? "",
      text: (el?.textContent ?? "").trim(),
      tag: el?.tagName ?? "",
      outline: style ? `${style.outlineStyle} ${style.outlineWidth}` : "",
    };
  });

/** Elements of the grid in the page's Tab order: a roving tab stop means exactly one. */
const tabStops = (p: Page) => grid(p).locator('[tabindex="0"], button:not([tabindex="-1"])').count();

const press = async (p: Page, ...keys: string[]) => {
  for (const key of keys) await p.keyboard.press(key);
};

/** Presses Tab until the focus is in the grid; returns how many presses it took, or -1. */
async function tabIntoGrid(p: Page, limit = 80): Promise<number> {
  for (let i = 1; i <= limit; i++) {
    await p.keyboard.press("Tab");
    if ((await focused(p)).inGrid) return i;
  }
  return -1;
}

/** Whether a row is inside the list's scrolled area (not hidden under the sticky header or below the fold). */
const inView = (p: Page, key: string) =>
  p.evaluate((k) => {
    const scroller = document.querySelector(".list-view")?.getBoundingClientRect();
    const header = document.querySelector(".list-view thead")?.getBoundingClientRect();
    const row = document.querySelector(`tr[data-key="${k}"]`)?.getBoundingClientRect();
    return Boolean(scroller && header && row && row.top >= header.bottom - 1 && row.bottom <= scroller.bottom + 1);
  }, key);

const rowName = (p: Page, row: number) =>
  p.evaluate((i) => {
    const table = document.querySelector<HTMLTableElement>("[role=grid]");
    return (table?.rows[i]?.cells[0]?.textContent ?? "").trim();
  }, row);

describe("the list view by keyboard", () => {
  it("is one Tab stop, entered at the first row's name", async () => {
    await app.page.goto(`${app.server.url}/?view=list`);
    await grid(app.page).locator("tbody tr").first().waitFor();
    expect(await grid(app.page).getAttribute("aria-describedby")).toBeTruthy();
    expect(await tabStops(app.page)).toBe(1);
    expect(await tabIntoGrid(app.page)).toBeGreaterThan(0);
    const first = await focused(app.page);
    expect(first).toMatchObject({ row: 1, column: 0, tag: "BUTTON" });
    expect(first.text).toBe(await rowName(app.page, 1));
    // Visible focus: the site's 3 px outline.
    expect(first.outline).toBe("solid 3px");
    // One more Tab leaves the grid; Shift+Tab comes back to the same cell.
    await press(app.page, "Tab");
    expect((await focused(app.page)).inGrid).toBe(false);
    await press(app.page, "Shift+Tab");
    expect(await focused(app.page)).toMatchObject({ inGrid: true, row: 1, column: 0 });
  });

  it("moves with the arrows, Home/End and Ctrl+Home/Ctrl+End, keeping one tab stop", async () => {
    await press(app.page, "ArrowDown", "ArrowDown");
    expect(await focused(app.page)).toMatchObject({ row: 3, column: 0, tag: "BUTTON" });
    await press(app.page, "ArrowRight");
    const cell = await focused(app.page);
    expect(cell).toMatchObject({ row: 3, column: 1, tag: "TD" });
    expect(cell.outline).toBe("solid 3px");
    await press(app.page, "ArrowUp");
    expect(await focused(app.page)).toMatchObject({ row: 2, column: 1 });
    await press(app.page, "End");
    expect(await focused(app.page)).toMatchObject({ row: 2, column: 4 });
    await press(app.page, "Home");
    expect(await focused(app.page)).toMatchObject({ row: 2, column: 0 });
    await press(app.page, "ArrowLeft"); // at the edge: stays
    expect(await focused(app.page)).toMatchObject({ row: 2, column: 0 });
    expect(await tabStops(app.page)).toBe(1);

    const rows = await grid(app.page).locator("tbody tr").count();
    await press(app.page, "Control+End");
    expect(await focused(app.page)).toMatchObject({ row: rows, column: 4 });
    await press(app.page, "ArrowDown"); // the last row: stays
    expect(await focused(app.page)).toMatchObject({ row: rows, column: 4 });
    // The focused last row is scrolled into view.
    expect(await inView(app.page, (await focused(app.page)).key)).toBe(true);
    await press(app.page, "Control+Home");
    expect(await focused(app.page)).toMatchObject({ row: 0, column: 0, tag: "BUTTON" });
    expect(await tabStops(app.page)).toBe(1);
  });

  it("pages with Page Up/Down by about a screenful", async () => {
    await press(app.page, "ArrowDown", "PageDown");
    const down = (await focused(app.page)).row;
    // A screenful of the seed's rows: fewer when tall rows (a hub's many topics and län) come first.
    expect(down).toBeGreaterThan(3);
    expect(await inView(app.page, (await focused(app.page)).key)).toBe(true);
    await press(app.page, "PageDown");
    expect((await focused(app.page)).row).toBeGreaterThan(down);
    await press(app.page, "PageUp");
    expect(await inView(app.page, (await focused(app.page)).key)).toBe(true);
    await press(app.page, "PageUp");
    expect((await focused(app.page)).row).toBe(1);
    await press(app.page, "PageUp"); // paging stops at the first row; the header is one Arrow Up away
    expect((await focused(app.page)).row).toBe(1);
  });

  it("opens the details with Enter on any cell or Space on the name, and marks the row selected", async () => {
    await press(app.page, "ArrowDown", "ArrowRight");
    const at = await focused(app.page);
    expect(at).toMatchObject({ row: 2, column: 1, tag: "TD" });
    const name = await rowName(app.page, 2);
    await press(app.page, "Enter");
    await app.page.getByRole("heading", { level: 2, name }).waitFor();
    expect(app.page.url()).toContain(`node=${encodeURIComponent(at.key)}`);
    const selected = grid(app.page).locator('tbody tr[aria-selected="true"]');
    expect(await selected.count()).toBe(1);
    expect(await selected.getAttribute("data-key")).toBe(at.key);
    expect(await grid(app.page).locator('tbody tr[aria-selected="false"]').count()).toBeGreaterThan(10);
    // The focus stays where it was, and the selection is announced.
    expect(await focused(app.page)).toMatchObject({ row: 2, column: 1 });
    await app.page.locator("[aria-live=polite]", { hasText: `Vald: ${name}` }).waitFor({ state: "attached" });

    await press(app.page, "ArrowDown", "Home");
    const next = await rowName(app.page, 3);
    await press(app.page, "Space");
    await app.page.getByRole("heading", { level: 2, name: next }).waitFor();
    expect(await grid(app.page).locator('tbody tr[aria-selected="true"]').textContent()).toContain(next);
  });

  it("sorts from the header row, reached with the arrows, and keeps the focus on the sort button", async () => {
    await press(app.page, "Control+Home", "End");
    const header = await focused(app.page);
    expect(header).toMatchObject({ row: 0, column: 4, tag: "BUTTON" });
    const th = grid(app.page).locator("thead th").nth(4);
    expect(await th.getAttribute("aria-sort")).toBe("descending");
    await press(app.page, "Enter");
    await expect.poll(() => th.getAttribute("aria-sort")).toBe("ascending");
    expect(await focused(app.page)).toMatchObject({ row: 0, column: 4, tag: "BUTTON" });
    await press(app.page, "Home", "Space");
    await expect.poll(() => grid(app.page).locator("thead th").first().getAttribute("aria-sort")).toBe("ascending");
    const names = await grid(app.page).locator("tbody th").allTextContents();
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "sv")));
    expect(await tabStops(app.page)).toBe(1);
  });

  it("enters at the selected row when a node was selected elsewhere, and a click on a row selects it", async () => {
    await app.page.goto(`${app.server.url}/?view=list&node=organisation%3Adigidem-lab`);
    await app.page.getByRole("heading", { level: 2, name: "Digidem Lab" }).waitFor();
    const row = grid(app.page).locator('tr[data-key="organisation:digidem-lab"]');
    expect(await row.getAttribute("aria-selected")).toBe("true");
    expect(await inView(app.page, "organisation:digidem-lab")).toBe(true);
    await grid(app.page).locator("tbody tr").first().waitFor();
    expect(await tabIntoGrid(app.page)).toBeGreaterThan(0);
    expect(await focused(app.page)).toMatchObject({ key: "organisation:digidem-lab", column: 0 });

    const other = grid(app.page).locator("tbody tr").nth(0);
    const name = ((await other.locator("th").textContent()) ?? "").trim();
    await other.locator("td").nth(1).click();
    await app.page.getByRole("heading", { level: 2, name }).waitFor();
    expect(await other.getAttribute("aria-selected")).toBe("true");
    expect(await row.getAttribute("aria-selected")).toBe("false");
  });

  it("has no serious or critical axe-core violations, and explains its keys, in Swedish and English", async () => {
    for (const lang of ["sv", "en"]) {
      await app.page.goto(`${app.server.url}/?view=list&lang=${lang}&node=project%3Aegenmakt`);
      await app.page.locator(".suggestion-name").first().waitFor();
      expect(await seriousViolations(app.page, ".list-view"), lang).toEqual([]);
      const hint = await app.page.locator(".list-hint").textContent();
      expect(hint).toMatch(lang === "sv" ? /piltangenterna/ : /arrow keys/);
    }
  });
});
