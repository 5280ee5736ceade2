/** End to end: the view saves as PNG (1× and 3×) and SVG, with title, date, filter line and legend. */
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { appSession } from "./session";

const app = appSession();

async function save(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: button, exact: true }).click(),
  ]);
  return { name: download.suggestedFilename(), bytes: readFileSync((await download.path()) as string) };
}

const pngSize = (bytes: Buffer) => ({ width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) });

describe("saving the view as an image", () => {
  it("saves PNG at 1× and 3×, and SVG with the title, the filter line and the legend", async () => {
    await app.page.goto(`${app.server.url}/?regions=25`);
    await app.page.waitForFunction(() => performance.getEntriesByName("partnerkartan:graph-drawn").length > 0);

    const png = await save(app.page, "Spara vyn som PNG");
    expect(png.name).toMatch(/^partnerkartan-\d{4}-\d{2}-\d{2}\.png$/);
    expect(png.bytes.subarray(1, 4).toString()).toBe("PNG");
    const high = await save(app.page, "Spara vyn som PNG 3× (hög upplösning)");
    expect(pngSize(high.bytes).width).toBeGreaterThanOrEqual(2.9 * pngSize(png.bytes).width);

    const svg = (await save(app.page, "Spara vyn som SVG")).bytes.toString("utf8");
    expect(svg).toMatch(/^<svg /);
    expect(svg).toContain("Partnerkartan – civic tech i Sverige");
    expect(svg).toContain("Län: Norrbottens län");
    for (const kind of ["Projekt", "Organisation", "Ämne", "Kompetens", "Län"])
      expect(svg).toContain(`>${kind}</text>`);
  });
});
