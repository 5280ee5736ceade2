/**
 * End to end on a 390 × 844 phone (touch, mobile viewport): a project looking for partners searches for itself,
 * opens its suggestions in the bottom sheet, reads the reasons, and changes a weight, which re-ranks the suggestions.
 * Every step is checked as seen on the screen: inside the viewport, not under another panel, the page never wider
 * than the phone.
 */
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { searchBox } from "./browser";
import { layoutOf } from "./layout-checks";
import { appSession } from "./session";

const app = appSession();
const PHONE = { width: 390, height: 844 };
let context: BrowserContext;
let page: Page;

const sheet = (p: Page) => p.locator("#details");
const suggestions = (p: Page) => p.locator(".suggestions").first().locator(".suggestion-list > li");
const firstName = async (p: Page) => (await suggestions(p).first().locator(".suggestion-name").textContent()) ?? "";

/** The element is on the phone's screen: inside the viewport, and the topmost thing at its centre. */
async function onScreen(locator: Locator) {
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.boundingBox();
  expect(box).not.toBeNull();
  const { x, y, width, height } = box as NonNullable<typeof box>;
  expect(x).toBeGreaterThanOrEqual(0);
  expect(x + width).toBeLessThanOrEqual(PHONE.width + 1);
  expect(y).toBeGreaterThanOrEqual(0);
  expect(y + height / 2).toBeLessThanOrEqual(PHONE.height);
  const topmost = await locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + Math.min(r.width / 2, 20), r.top + Math.min(r.height / 2, 8));
    return hit !== null && (el.contains(hit) || hit.contains(el));
  });
  expect(topmost).toBe(true);
}

beforeAll(async () => {
  context = await (app.browser as Browser).newContext({ viewport: PHONE, hasTouch: true, isMobile: true });
  page = await context.newPage();
});
afterAll(async () => {
  await context?.close();
});

describe("the partner journey on a phone", () => {
  it("searches a project and opens it in a sheet over the lower half, the graph still in view above", async () => {
    await page.goto(`${app.server.url}/?lang=sv`);
    await onScreen(searchBox(page));
    await searchBox(page).tap();
    await searchBox(page).fill("digifysiska");
    await page
      .getByRole("option", { name: /Digifysiska vårdkontakter/ })
      .first()
      .tap();
    const heading = page.getByRole("heading", { level: 2, name: "Digifysiska vårdkontakter" });
    await heading.waitFor();
    await onScreen(heading);
    const sheetBox = await sheet(page).boundingBox();
    const graphBox = await page.locator(".graph-area").boundingBox();
    expect(sheetBox?.height).toBeGreaterThan(PHONE.height * 0.35);
    expect(graphBox?.height).toBeGreaterThan(PHONE.height * 0.2);
    expect((await layoutOf(page)).overflowX).toBe(0);
  });

  it("opens the sheet full screen and reads the suggested partners' reasons", async () => {
    await page.getByRole("button", { name: "Visa i helskärm" }).tap();
    expect(await page.getByRole("button", { name: "Visa i helskärm" }).getAttribute("aria-pressed")).toBe("true");
    const sheetBox = await sheet(page).boundingBox();
    expect(sheetBox?.height).toBeGreaterThanOrEqual(PHONE.height - 1);
    await onScreen(page.getByRole("heading", { level: 3, name: "Föreslagna partners" }));
    await expect.poll(() => suggestions(page).count(), { timeout: 10_000 }).toBeGreaterThan(3);
    const reasons = suggestions(page).first().locator(".reasons");
    await onScreen(reasons);
    expect(await reasons.textContent()).toMatch(/Arbetar med|Har arbetat med|Delar (ett ämne|\d+ ämnen)/);
    expect((await layoutOf(page)).overflowX).toBe(0);
  });

  it("changes a weight and the suggestions re-rank", async () => {
    const before = await firstName(page);
    const skills = page.getByRole("slider", { name: "Kompetenser" }).first();
    await onScreen(skills);
    for (const name of ["Ämnen", "Geografi", "Nätverk"]) {
      await page.getByRole("slider", { name }).first().focus();
      await page.keyboard.press("Home");
    }
    await skills.focus();
    await page.keyboard.press("End");
    await expect.poll(() => firstName(page), { timeout: 10_000 }).not.toBe(before);
    await onScreen(suggestions(page).first().locator(".reasons"));
    expect((await layoutOf(page)).overflowX).toBe(0);
  });

  it("returns to the half sheet with Escape, and the filters open as a drawer that Escape closes", async () => {
    await page.keyboard.press("Escape");
    expect(await page.getByRole("button", { name: "Visa i helskärm" }).getAttribute("aria-pressed")).toBe("false");
    const opener = page.getByRole("button", { name: /^Filter och vy/ });
    await opener.tap();
    const drawer = page.getByRole("dialog", { name: "Filter och vy" });
    await drawer.waitFor();
    await onScreen(drawer.getByRole("checkbox", { name: /^Projekt/ }));
    await page.keyboard.press("Escape");
    await drawer.waitFor({ state: "hidden" });
    expect(await opener.evaluate((el) => el === document.activeElement)).toBe(true);
  });
});
