/** End to end in a real Chromium: the real server with the real seed data; the graph draws, search finds, details show, English works. */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { searchBox } from "./browser";
import { appSession } from "./session";

const app = appSession({ width: 1280, height: 800 });

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
    app.page.on("pageerror", (e) => errors.push(e.message));
    await app.page.goto(app.server.url);
    await expect.poll(() => app.page.locator("html").getAttribute("lang")).toBe("sv");
    await app.page.getByText("Hitta partner i svensk civic tech").waitFor();
    await expect.poll(() => paintedPixels(app.page), { timeout: 20_000 }).toBeGreaterThan(2000);
    await expect
      .poll(() => app.page.locator(".data-summary").textContent())
      .toMatch(/\d+ organisationer · \d+ projekt · 21 län/);
    expect(errors).toEqual([]);
  });

  it("finds Digidem Lab by search and shows it with its project in the details panel", async () => {
    const search = searchBox(app.page);
    await search.fill("digidem");
    const option = app.page.getByRole("option", { name: /Digidem Lab/ });
    await option.first().waitFor();
    await search.press("Enter");
    await app.page.getByRole("heading", { level: 2, name: "Digidem Lab" }).waitFor();
    await app.page.getByRole("button", { name: "Civic Tech Platform" }).first().waitFor();
    expect(app.page.url()).toContain("node=organisation%3Adigidem-lab");
  });

  it("follows a neighbour from the details panel", async () => {
    await app.page.getByRole("button", { name: "Civic Tech Platform" }).first().click();
    await app.page.getByRole("heading", { level: 2, name: "Civic Tech Platform" }).waitFor();
    await app.page.getByRole("heading", { level: 4, name: /Leds av/ }).waitFor();
  });

  it("switches to English, and a link keeps the language and the selection", async () => {
    await app.page.getByRole("button", { name: "In English" }).click();
    await app.page.getByText("Find partners in Swedish civic tech").waitFor();
    await expect.poll(() => app.page.locator("html").getAttribute("lang")).toBe("en");
    await app.page.getByRole("heading", { level: 4, name: /Led by/ }).waitFor();
    const link = app.page.url();
    const fresh = await app.browser.newPage();
    await fresh.goto(link);
    await fresh.getByRole("heading", { level: 2, name: "Civic Tech Platform" }).waitFor();
    await fresh.getByText("Find partners in Swedish civic tech").waitFor();
    await fresh.close();
  });
});
