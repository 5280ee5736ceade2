/** End to end in a real Chromium: the real server with the real seed data; the graph draws, search finds, details show, English works. */
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../server/http/server";
import { tempDatabasePath } from "../fixtures/dataset";
import { startTestServer } from "../integration/server-helpers";
import { launchBrowser, searchBox } from "./browser";

const root = join(import.meta.dirname, "..", "..");
let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startTestServer(join(root, "data"), tempDatabasePath(), join(root, "dist", "client"));
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Counts painted pixels on Cytoscape's node layer: proof the graph was drawn, not just mounted. */
async function paintedPixels(p: Page): Promise<number> {
  return p.evaluate(() => {
    let painted = 0;
    for (const canvas of document.querySelectorAll<HTMLCanvasElement>("[data-testid=graph-canvas] canvas")) {
      const ctx = canvas.getContext("2d");
      if (!ctx || canvas.width === 0) continue;
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      for (let i = 3; i < data.length; i += 4) if ((data[i] as number) > 0) painted++;
    }
    return painted;
  });
}

describe("Partnerkartan in a browser", () => {
  it("opens in Swedish and draws the graph", async () => {
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(server.url);
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("sv");
    await page.getByText("Hitta partner i svensk civic tech").waitFor();
    await expect.poll(() => paintedPixels(page), { timeout: 20_000 }).toBeGreaterThan(2000);
    await expect
      .poll(() => page.locator(".data-summary").textContent())
      .toMatch(/\d+ organisationer · \d+ projekt · 21 län/);
    expect(errors).toEqual([]);
  });

  it("finds Digidem Lab by search and shows it with its project in the details panel", async () => {
    const search = searchBox(page);
    await search.fill("digidem");
    const option = page.getByRole("option", { name: /Digidem Lab/ });
    await option.first().waitFor();
    await search.press("Enter");
    await page.getByRole("heading", { level: 2, name: "Digidem Lab" }).waitFor();
    await page.getByRole("button", { name: "Civic Tech Platform" }).first().waitFor();
    expect(page.url()).toContain("node=organisation%3Adigidem-lab");
  });

  it("follows a neighbour from the details panel", async () => {
    await page.getByRole("button", { name: "Civic Tech Platform" }).first().click();
    await page.getByRole("heading", { level: 2, name: "Civic Tech Platform" }).waitFor();
    await page.getByRole("heading", { level: 4, name: /Leds av/ }).waitFor();
  });

  it("switches to English, and a link keeps the language and the selection", async () => {
    await page.getByRole("button", { name: "In English" }).click();
    await page.getByText("Find partners in Swedish civic tech").waitFor();
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("en");
    await page.getByRole("heading", { level: 4, name: /Led by/ }).waitFor();
    const link = page.url();
    const fresh = await browser.newPage();
    await fresh.goto(link);
    await fresh.getByRole("heading", { level: 2, name: "Civic Tech Platform" }).waitFor();
    await fresh.getByText("Find partners in Swedish civic tech").waitFor();
    await fresh.close();
  });
});
