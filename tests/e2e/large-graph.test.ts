/**
 * End to end, a graph too large to draw whole (≈ 5 000 nodes, 25 000 elements): the view draws a budget of the best
 * connected nodes with "Visar N av M noder — Visa fler", "show more" draws more, a selected node outside the budget is
 * brought in with its neighbours, and filters reach nodes the budget left out.
 */
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateDataset } from "../../server/generate/generate-dataset";
import { buildGraph } from "../../server/graph/build";
import type { RunningServer } from "../../server/http/server";
import { FORCE_LAYOUT } from "../../server/layout/server-layouts";
import { checkDataset, loadDataDir } from "../../server/store/load-data-dir";
import { Store } from "../../server/store/store";
import { tempDatabasePath } from "../fixtures/dataset";
import { startTestServer } from "../integration/server-helpers";
import { launchBrowser } from "./browser";

const root = join(import.meta.dirname, "..", "..");
let server: RunningServer;
let browser: Browser;
let page: Page;
let outside: { key: string; name: string };

beforeAll(async () => {
  const taxonomy = loadDataDir(join(root, "data"));
  const sparse = { partnersMean: 0.8, topicsPerOrganisation: 0.3, skillsPerOrganisation: 0.2, topicsPerProject: 0.6 };
  const data = checkDataset(
    generateDataset({ projects: 2000, organisations: 3000, seed: 5, ...sparse }, taxonomy),
    "e2e",
  );
  const path = tempDatabasePath();
  const store = new Store(path);
  await store.importDataset(data, "synthetic");
  // Positions as the server would store them (a spiral: this test is about drawing, not about the layout itself).
  const graph = buildGraph(await store.readDataset());
  const positions: Record<string, [number, number]> = {};
  graph.nodes().forEach((key, i) => {
    positions[key] = [
      Math.round(8 * Math.sqrt(i) * Math.cos(i * 2.4)),
      Math.round(8 * Math.sqrt(i) * Math.sin(i * 2.4)),
    ];
  });
  await store.layouts.write(FORCE_LAYOUT, (await store.info()).dataVersion, positions);
  // The least connected organisation: far outside the budget of best connected nodes.
  const leaf = graph
    .nodes()
    .filter((key) => graph.getNodeAttributes(key).kind === "organisation")
    .reduce((a, b) => (graph.degree(b) < graph.degree(a) ? b : a));
  outside = { key: leaf, name: graph.getNodeAttributes(leaf).label.sv };
  await store.close();
  server = await startTestServer(join(root, "data"), path, join(root, "dist", "client"));
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const budgetStatus = () => page.locator(".graph-budget [role=status]");
const counts = async () => {
  const [shown, total] = ((await budgetStatus().textContent()) ?? "").match(/\d+/g)?.map(Number) ?? [];
  return { shown: shown as number, total: total as number };
};

describe("a graph larger than the element budget", () => {
  it("draws the best connected nodes and says how many of how many, and 'show more' draws more", async () => {
    await page.goto(server.url);
    await page.waitForFunction(() => performance.getEntriesByName("partnerkartan:graph-drawn").length > 0, undefined, {
      timeout: 60_000,
    });
    await expect.poll(() => budgetStatus().textContent()).toMatch(/^Visar \d+ av \d+ noder$/);
    const first = await counts();
    expect(first.total).toBeGreaterThan(5000);
    expect(first.shown).toBeGreaterThan(100);
    expect(first.shown).toBeLessThan(first.total);
    await page.getByRole("button", { name: "Visa fler" }).click();
    await expect.poll(async () => (await counts()).shown).toBeGreaterThan(first.shown);
  });

  it("brings a selected node from outside the budget into the view, with its neighbours", async () => {
    await page.goto(server.url);
    await expect.poll(() => budgetStatus().textContent()).toMatch(/^Visar/);
    const before = await counts();
    await page.goto(`${server.url}/?node=${outside.key}`);
    await expect.poll(async () => (await counts()).shown, { timeout: 30_000 }).toBeGreaterThan(before.shown);
    await expect.poll(() => page.locator("h2", { hasText: outside.name }).count()).toBeGreaterThan(0);
  });

  it("lets the filters reach nodes the budget left out, and speaks English", async () => {
    // One län's projects and organisations are few enough to draw whole: the bar goes away.
    await page.goto(`${server.url}/?regions=25&kinds=project,organisation&lang=en`);
    await page.waitForFunction(() => performance.getEntriesByName("partnerkartan:graph-drawn").length > 0);
    await expect.poll(() => page.locator(".data-summary").textContent()).toMatch(/\d/);
    const bar = await page.locator(".graph-budget").count();
    if (bar > 0) {
      await expect.poll(() => budgetStatus().textContent()).toMatch(/^Showing \d+ of \d+ nodes$/);
      expect((await counts()).total).toBeLessThan(5000);
    }
  });
});
