/** End to end: a project sees explained partner suggestions in Swedish and English, and the sliders re-rank them. */
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../server/http/server";
import { tempDatabasePath } from "../fixtures/dataset";
import { startTestServer } from "../integration/server-helpers";
import { launchBrowser } from "./browser";

const root = join(import.meta.dirname, "..", "..");
let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startTestServer(join(root, "data"), tempDatabasePath(), join(root, "dist", "client"));
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const suggestions = (p: Page) => p.locator(".suggestions").first().locator(".suggestion-list > li");
const firstReasons = async (p: Page) => (await suggestions(p).first().locator(".reasons").textContent()) ?? "";

describe("partner suggestions in a browser", () => {
  it("lists ranked partners with reasons for a project, in Swedish", async () => {
    await page.goto(`${server.url}/?node=project%3Aegenmakt`);
    await page.getByRole("heading", { level: 3, name: "Föreslagna partners" }).waitFor();
    await expect.poll(() => suggestions(page).count(), { timeout: 10_000 }).toBeGreaterThan(3);
    expect(await firstReasons(page)).toMatch(/Delar (ett ämne|\d+ ämnen): /);
    await page.getByRole("heading", { level: 3, name: "Liknande projekt" }).waitFor();
  });

  it("re-ranks when the sliders move: skills alone puts a provider of a needed skill first", async () => {
    const before = await suggestions(page).first().locator(".suggestion-name").textContent();
    for (const name of ["Ämnen", "Geografi", "Nätverk"]) {
      await page.getByRole("slider", { name }).first().focus();
      await page.keyboard.press("Home");
    }
    await page.getByRole("slider", { name: "Kompetenser" }).first().focus();
    await page.keyboard.press("End");
    await expect.poll(() => firstReasons(page), { timeout: 10_000 }).toMatch(/^Erbjuder .*, som ni behöver$/);
    const after = await suggestions(page).first().locator(".suggestion-name").textContent();
    expect(after).not.toBe(before);
  });

  it("speaks English after the switch", async () => {
    await page.getByRole("button", { name: "In English" }).click();
    await page.getByRole("heading", { level: 3, name: "Suggested partners" }).waitFor();
    await expect.poll(() => firstReasons(page), { timeout: 10_000 }).toMatch(/^Offers .*, which you need$/);
  });

  it("shows projects to join for an organisation, and opens a suggestion with the keyboard", async () => {
    await page.goto(`${server.url}/?node=organisation%3Adigidem-lab&lang=en`);
    await page.getByRole("heading", { level: 3, name: "Projects to join" }).waitFor();
    await expect.poll(() => suggestions(page).count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const name = (await suggestions(page).first().locator(".suggestion-name").textContent()) as string;
    await suggestions(page).first().locator(".suggestion-name").focus();
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 2, name }).waitFor();
  });
});
