/**
 * The page in headless Chromium (canvas renderer): navigation to a drawn graph on the seed (cold: layout computed in the
 * worker; warm: cached positions), and on a ~10 000-node synthetic graph the longest main-thread task while the layout
 * runs and the frame times while panning and zooming; plus the initial JavaScript's gzip size.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Page } from "playwright-core";
import { markdownTable } from "../../server/cli/markdown-table";
import { countEdges } from "../../server/generate/count-edges";
import { generateDataset } from "../../server/generate/generate-dataset";
import { checkDataset, loadDataDir } from "../../server/store/load-data-dir";
import { Store } from "../../server/store/store";
import { launchBrowser } from "../e2e/browser";
import { tempDatabasePath } from "../fixtures/dataset";
import { startTestServer } from "../integration/server-helpers";
import { median, percentile } from "./stats";

const root = join(import.meta.dirname, "..", "..");
const clientDir = join(root, "dist", "client");
const rows: (string | number)[][] = [];

// Initial JavaScript: the scripts and module preloads index.html loads before anything else.
const html = readFileSync(join(clientDir, "index.html"), "utf8");
const initial = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1] as string);
const gzipKb = initial.reduce((sum, file) => sum + gzipSync(readFileSync(join(clientDir, file))).length, 0) / 1024;
rows.push([
  "initial JavaScript (gzip)",
  `${gzipKb.toFixed(0)} KB in ${initial.length} file(s)`,
  gzipKb <= 300 ? "≤ 300 KB: met" : "≤ 300 KB: MISSED",
]);

const drawnAt = (page: Page) =>
  page
    .waitForFunction(() => performance.getEntriesByName("partnerkartan:graph-drawn")[0]?.startTime, undefined, {
      timeout: 120_000,
    })
    .then((h) => h.jsonValue() as Promise<number>);

const browser = await launchBrowser();

// Seed: cold (a new browser context, so no cached positions) and warm (same context, positions cached).
{
  const server = await startTestServer(join(root, "data"), tempDatabasePath(), clientDir);
  const cold: number[] = [];
  const warm: number[] = [];
  for (let run = 0; run < 3; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(server.url);
    cold.push(await drawnAt(page));
    await page.goto(server.url);
    warm.push(await drawnAt(page));
    await context.close();
  }
  await server.close();
  rows.push([
    "seed: navigation → graph drawn, first visit (layout in worker)",
    `${median(cold).toFixed(0)} ms`,
    median(cold) <= 1000 ? "≤ 1 s: met" : "≤ 1 s: MISSED",
  ]);
  rows.push([
    "seed: navigation → graph drawn, cached positions",
    `${median(warm).toFixed(0)} ms`,
    median(warm) <= 1000 ? "≤ 1 s: met" : "≤ 1 s: MISSED",
  ]);
}

// Synthetic ~10k nodes.
{
  const taxonomy = loadDataDir(join(root, "data"));
  const data = checkDataset(generateDataset({ projects: 4000, organisations: 6000, seed: 3 }, taxonomy), "bench");
  const path = tempDatabasePath();
  const store = new Store(path);
  store.importDataset(data, "synthetic");
  store.close();
  const nodes =
    data.organisations.length + data.projects.length + data.regions.length + data.topics.length + data.skills.length;
  const server = await startTestServer(join(root, "data"), path, clientDir);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(() => {
    const w = window as unknown as { __longtasks: { start: number; duration: number }[] };
    w.__longtasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: "longtask", buffered: true });
  });
  const page = await context.newPage();
  const started = Date.now();
  await page.goto(server.url);
  // The layout runs once the graph is on the canvas; it ends when positions are drawn.
  await page.locator(".layout-progress").waitFor({ timeout: 120_000 });
  const layoutStart = await page.evaluate(() => performance.now());
  const drawn = await drawnAt(page);
  const tasks = await page.evaluate(
    () => (window as unknown as { __longtasks: { start: number; duration: number }[] }).__longtasks,
  );
  const during = tasks.filter((t) => t.start >= layoutStart && t.start <= drawn).map((t) => t.duration);
  const before = tasks.filter((t) => t.start < layoutStart).map((t) => t.duration);
  rows.push(["synthetic graph", `${nodes} nodes / ${countEdges(data)} edges`, ""]);
  rows.push([
    "synthetic: navigation → graph drawn (first visit)",
    `${(drawn / 1000).toFixed(1)} s (wall ${((Date.now() - started) / 1000).toFixed(1)} s)`,
    "",
  ]);
  rows.push([
    "synthetic: longest main-thread task while the layout runs",
    `${Math.max(0, ...during).toFixed(0)} ms (${during.length} tasks over 50 ms)`,
    Math.max(0, ...during) <= 50 ? "≤ 50 ms: met" : "≤ 50 ms: MISSED",
  ]);
  rows.push([
    "synthetic: longest task before the layout (loading, first draw)",
    `${Math.max(0, ...before).toFixed(0)} ms`,
    "not budgeted",
  ]);

  // Pan and zoom: drag and wheel over the canvas while counting animation frames.
  // A string, not a function: tsx would wrap a named inner function in a helper the page does not have.
  await page.evaluate(`
    window.__frames = [];
    const tick = (t) => { window.__frames.push(t); if (window.__frames.length < 400) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  `);
  const box = (await page.locator("[data-testid=graph-canvas]").boundingBox()) as {
    x: number;
    y: number;
    width: number;
    height: number;
  };
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  for (let i = 0; i < 3; i++) {
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    for (let s = 0; s < 20; s++) await page.mouse.move(cx + s * 10, cy + s * 5);
    await page.mouse.up();
    for (let s = 0; s < 10; s++) await page.mouse.wheel(0, s % 2 ? 120 : -120);
  }
  const frames = await page.evaluate(() => (window as unknown as { __frames: number[] }).__frames);
  const gaps = frames
    .slice(1)
    .map((t, i) => t - (frames[i] as number))
    .sort((a, b) => a - b);
  rows.push([
    "synthetic: frame time while panning and zooming (p50 / p95)",
    `${percentile(gaps, 50).toFixed(0)} / ${percentile(gaps, 95).toFixed(0)} ms`,
    percentile(gaps, 95) <= 50 ? "< 50 ms: met" : "< 50 ms: MISSED",
  ]);
  await context.close();
  await server.close();
}
await browser.close();
console.log(markdownTable(["measure", "value", "budget"], rows));
