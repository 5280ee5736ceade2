/**
 * End to end: at 1024 × 768 the count line and the legend cover no control of the graph, in both languages; embedded,
 * the "Öppna i Partnerkartan" link covers none of the image buttons; and axe-core finds no serious or critical
 * violation on a phone (390 px: sheet, list, coverage, the header menu and the filters drawer open) or a desktop
 * (1440 px), in Swedish and in English.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { seriousViolations } from "./axe";
import { boxesOf, overlaps } from "./layout-checks";
import { appSession } from "./session";

const app = appSession({ width: 1024, height: 768 });

/** Every control a notice could cover: the graph's own buttons and the toolbar's. */
const CONTROLS = ".graph-area button, .graph-area select, .graph-area input, .toolbar button, .toolbar select";

async function coveredControls(p: Page, notices: string): Promise<string[]> {
  const covered: string[] = [];
  const noticeBoxes = await boxesOf(p.locator(notices));
  expect(noticeBoxes.length).toBeGreaterThan(0);
  for (const control of await p.locator(CONTROLS).all()) {
    if (!(await control.isVisible())) continue;
    const box = await control.boundingBox();
    if (box && noticeBoxes.some((n) => overlaps(n, box)))
      covered.push((await control.textContent()) || ((await control.getAttribute("aria-label")) ?? "?"));
  }
  return covered;
}

describe("nothing covers a control", () => {
  for (const lang of ["sv", "en"]) {
    it(`at 1024 × 768 the count line and the legend leave every button free (${lang})`, async () => {
      await app.page.setViewportSize({ width: 1024, height: 768 });
      await app.page.goto(`${app.server.url}/?lang=${lang}&node=project%3Aegenmakt`);
      await app.page.locator(".data-summary").waitFor();
      await app.page.locator(".legend").waitFor();
      expect(await coveredControls(app.page, ".data-summary, .legend, .graph-budget")).toEqual([]);
    });
  }

  for (const width of [390, 1024]) {
    it(`embedded at ${width} px, the link back covers no image button`, async () => {
      await app.page.setViewportSize({ width, height: width < 600 ? 844 : 768 });
      await app.page.goto(`${app.server.url}/?embed=1`);
      const link = app.page.getByRole("link", { name: "Öppna i Partnerkartan" });
      await link.waitFor();
      expect(await coveredControls(app.page, ".embed-credit")).toEqual([]);
      // Nor does the legend cover the link.
      const [linkBox] = await boxesOf(link);
      const legend = await boxesOf(app.page.locator(".legend"));
      expect(legend.some((b) => overlaps(b, linkBox as NonNullable<typeof linkBox>))).toBe(false);
    });
  }
});

describe("axe-core on a phone and a desktop, in both languages", () => {
  for (const width of [390, 1440]) {
    for (const lang of ["sv", "en"] as const) {
      it(`${width} px, ${lang}: details and suggestions, list, coverage${width < 900 ? ", menu and drawer" : ""}`, async () => {
        const p = app.page;
        await p.setViewportSize({ width, height: width < 900 ? 844 : 900 });
        const found: string[] = [];
        await p.goto(`${app.server.url}/?lang=${lang}&node=project%3Aegenmakt`);
        await p.locator(".suggestion-list > li").first().waitFor();
        found.push(...(await seriousViolations(p)).map((v) => `details: ${v}`));
        if (width < 900) {
          await p.locator(".menu-button").click();
          await p.locator(".account-panel").waitFor();
          found.push(...(await seriousViolations(p)).map((v) => `menu: ${v}`));
          await p.keyboard.press("Escape");
          await p.locator(".drawer-open").click();
          await p.locator(".filters-drawer").waitFor();
          found.push(...(await seriousViolations(p)).map((v) => `drawer: ${v}`));
          await p.keyboard.press("Escape");
        }
        await p.goto(`${app.server.url}/?lang=${lang}&view=list`);
        await p.locator(".list-view tbody tr").first().waitFor();
        found.push(...(await seriousViolations(p)).map((v) => `list: ${v}`));
        await p.goto(`${app.server.url}/?lang=${lang}&view=coverage&region=25&topic=open-data`);
        await p.locator(".coverage-table").waitFor();
        found.push(...(await seriousViolations(p)).map((v) => `coverage: ${v}`));
        expect(found).toEqual([]);
      });
    }
  }
});
