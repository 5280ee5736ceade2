/**
 * End to end, the node size measure in a link: choosing PageRank puts `size=pagerank` in the URL, and opening that
 * link in a new page draws every node at the same size, different from the default sizes by degree.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { appSession } from "./session";

const app = appSession();

/** Each drawn node's size, read from Cytoscape (which registers its instance on the container element). */
const nodeSizes = (p: Page): Promise<Record<string, number>> =>
  p.evaluate(() => {
    const container = document.querySelector("[data-testid=graph-canvas]") as unknown as {
      _cyreg?: { cy?: { nodes: () => { id: () => string; data: (k: string) => number }[] } };
    };
    const nodes = container?._cyreg?.cy?.nodes() ?? [];
    return Object.fromEntries([...nodes].map((n) => [n.id(), n.data("size")]));
  });

const sizeSelect = (p: Page) => p.getByLabel("Storlek efter");

/** The sizes once they stop changing (two reads 300 ms apart agree): a busy machine may catch a redraw half done. */
async function settledSizes(p: Page): Promise<Record<string, number>> {
  let last = JSON.stringify(await nodeSizes(p));
  await expect
    .poll(async () => {
      await p.waitForTimeout(300);
      const now = JSON.stringify(await nodeSizes(p));
      const same = now === last;
      last = now;
      return same;
    })
    .toBe(true);
  return JSON.parse(last) as Record<string, number>;
}

describe("node size in a link", () => {
  it("puts the chosen measure in the URL, and a new page opened from it draws the same sizes", async () => {
    await app.page.goto(app.server.url);
    await expect.poll(async () => Object.keys(await nodeSizes(app.page)).length).toBeGreaterThan(100);
    const byDegree = await settledSizes(app.page);
    expect(app.page.url()).not.toContain("size=");

    await sizeSelect(app.page).selectOption("pagerank");
    await expect.poll(() => app.page.url()).toContain("size=pagerank");
    await expect.poll(() => nodeSizes(app.page)).not.toEqual(byDegree);
    const byPagerank = await settledSizes(app.page);

    const fresh = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await fresh.goto(app.page.url());
    expect(await sizeSelect(fresh).inputValue()).toBe("pagerank");
    await expect.poll(() => nodeSizes(fresh), { timeout: 30_000 }).toEqual(byPagerank);
    await fresh.close();
  });

  it("ignores a measure it does not know and sizes by degree", async () => {
    await app.page.goto(`${app.server.url}/?size=closeness`);
    await expect.poll(async () => Object.keys(await nodeSizes(app.page)).length).toBeGreaterThan(100);
    expect(await sizeSelect(app.page).inputValue()).toBe("degree");
  });

  it("goes back to the previous measure with the browser's back button", async () => {
    await app.page.goto(`${app.server.url}/?size=betweenness`);
    expect(await sizeSelect(app.page).inputValue()).toBe("betweenness");
    await sizeSelect(app.page).selectOption("degree");
    await expect.poll(() => app.page.url()).not.toContain("size=");
    await app.page.goBack();
    await expect.poll(() => sizeSelect(app.page).inputValue()).toBe("betweenness");
  });
});
