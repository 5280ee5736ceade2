/**
 * End to end, labels that never overlap: on the seed and on a 5k synthetic graph, at five zoom levels and with a hub
 * selected, the label boxes Cytoscape itself computes for the visible labels never intersect, no visible label is
 * drawn under 11 px, the first view names the best connected node, and with a node selected every neighbour is in
 * view and labelled. The project projection (layout=projects) follows the same rules.
 */
import { join } from "node:path";
import type { Core, NodeSingular } from "cytoscape";
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

/** A node with Cytoscape's parsed style values (public in its docs, missing from its types). */
type StyledNode = NodeSingular & { pstyle(name: string): { strValue: string; pfValue: number; value: unknown } };

const root = join(import.meta.dirname, "..", "..");
const client = join(root, "dist", "client");
let seed: RunningServer;
let large: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  const taxonomy = loadDataDir(join(root, "data"));
  const sparse = { partnersMean: 0.8, topicsPerOrganisation: 0.3, skillsPerOrganisation: 0.2, topicsPerProject: 0.6 };
  const data = checkDataset(
    generateDataset({ projects: 2000, organisations: 3000, seed: 11, ...sparse }, taxonomy),
    "e2e",
  );
  const path = tempDatabasePath();
  const store = new Store(path);
  await store.importDataset(data, "synthetic");
  // Dense stored positions (a spiral) put many nodes close together: the hardest case for labels.
  const positions: Record<string, [number, number]> = {};
  buildGraph(await store.readDataset())
    .nodes()
    .forEach((key, i) => {
      positions[key] = [
        Math.round(8 * Math.sqrt(i) * Math.cos(i * 2.4)),
        Math.round(8 * Math.sqrt(i) * Math.sin(i * 2.4)),
      ];
    });
  await store.layouts.write(FORCE_LAYOUT, (await store.info()).dataVersion, positions);
  await store.close();
  [seed, large] = await Promise.all([
    startTestServer(join(root, "data"), tempDatabasePath(), client),
    startTestServer(join(root, "data"), path, client),
  ]);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
});
afterAll(async () => {
  await browser?.close();
  await Promise.all([seed?.close(), large?.close()]);
});

interface LabelReport {
  /** Visible labels in the view, and drawn nodes whose centre is in it. */
  labels: number;
  nodesInView: number;
  overlapping: number;
  /** The smallest visible label's font size on screen, px. */
  smallestPx: number;
  zoom: number;
  /** The best connected drawn node in the view has a visible label. */
  hubLabelled: boolean;
  /** With a selection: neighbours outside the view, and neighbours in it without a visible label. */
  neighbours: number;
  neighboursOutside: number;
  neighboursUnlabelled: string[];
}

/** Reads Cytoscape's own rendered label boxes (the instance hangs on its container) and counts overlapping pairs. */
const report = (p: Page): Promise<LabelReport> =>
  p.evaluate(() => {
    type Box = { x1: number; y1: number; x2: number; y2: number };
    const cy = (document.querySelector("[data-testid=graph-canvas]") as unknown as { _cyreg: { cy: Core } })._cyreg.cy;
    const width = cy.width();
    const height = cy.height();
    const zoom = cy.zoom();
    const inView = (b: Box) => b.x2 > 0 && b.y2 > 0 && b.x1 < width && b.y1 < height;
    const shown = new Map<string, Box>();
    let smallestPx = Number.POSITIVE_INFINITY;
    cy.nodes().forEach((node: NodeSingular) => {
      const n = node as StyledNode;
      if (!n.visible() || !n.pstyle("label").strValue) return;
      if (n.effectiveOpacity() === 0 || Number(n.pstyle("text-opacity").value) === 0) return;
      const px = n.pstyle("font-size").pfValue * zoom;
      // Cytoscape skips labels under min-zoomed-font-size; those are not drawn.
      if (px < n.pstyle("min-zoomed-font-size").pfValue) return;
      const box = n.renderedBoundingBox({
        includeNodes: false,
        includeEdges: false,
        includeLabels: true,
        includeOverlays: false,
        includeUnderlays: false,
      });
      if (!inView(box)) return;
      shown.set(n.id(), box);
      smallestPx = Math.min(smallestPx, px);
    });
    const boxes = [...shown.values()];
    let overlapping = 0;
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i] as Box;
        const b = boxes[j] as Box;
        if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) overlapping++;
      }
    const centreInView = (n: NodeSingular) => {
      const q = n.renderedPosition();
      return q.x >= 0 && q.y >= 0 && q.x <= width && q.y <= height;
    };
    const drawn = cy.nodes().filter((n: NodeSingular) => n.visible() && centreInView(n));
    const hub = drawn.max((n: NodeSingular) => n.degree(false)).ele;
    const selected = cy.$("node:selected");
    const neighbours = selected.nonempty() ? selected.neighborhood().nodes().filter(":visible") : cy.collection();
    return {
      labels: boxes.length,
      nodesInView: drawn.length,
      overlapping,
      smallestPx: boxes.length > 0 ? smallestPx : 0,
      zoom,
      hubLabelled: hub ? shown.has(hub.id()) : false,
      neighbours: neighbours.length,
      neighboursOutside: neighbours.filter((n: NodeSingular) => !centreInView(n)).length,
      neighboursUnlabelled: neighbours
        .filter((n: NodeSingular) => centreInView(n) && !shown.has(n.id()))
        .map((n: NodeSingular) => n.data("name")),
    };
  });

/**
 * Waits until labels have been chosen for a view at rest: use-labels sets data-labels-settled (on the canvas's parent) to "true" once a choice
 * ran with no animation moving the view and no further choice due, and to "false" whenever one is due.
 */
async function settled(p: Page): Promise<void> {
  await p.waitForFunction(
    () => {
      const canvas = document.querySelector("[data-testid=graph-canvas]") as HTMLElement | null;
      const cy = (canvas as unknown as { _cyreg?: { cy: Core } } | null)?._cyreg?.cy;
      return canvas?.parentElement?.dataset.labelsSettled === "true" && cy !== undefined && !cy.animated();
    },
    undefined,
    { timeout: 60_000 },
  );
}

async function open(p: Page, url: string): Promise<void> {
  await p.goto(url);
  await p.waitForFunction(() => performance.getEntriesByName("partnerkartan:graph-drawn").length > 0, undefined, {
    timeout: 60_000,
  });
  await settled(p);
}

/** Zooms by a factor around the canvas centre, as the wheel does. */
async function zoomBy(p: Page, factor: number): Promise<void> {
  await p.evaluate((f) => {
    const cy = (document.querySelector("[data-testid=graph-canvas]") as unknown as { _cyreg: { cy: Core } })._cyreg.cy;
    cy.zoom({ level: cy.zoom() * f, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  }, factor);
  await settled(p);
}

/** The first view and four more zoom levels, out and in. */
async function everyZoom(p: Page): Promise<LabelReport[]> {
  const reports = [await report(p)];
  for (const factor of [0.5, 4, 2, 2]) {
    await zoomBy(p, factor);
    reports.push(await report(p));
  }
  return reports;
}

/** The best connected node among those the selector picks. */
const hubOf = async (p: Page, selector: string): Promise<string> =>
  p.evaluate((s) => {
    const cy = (document.querySelector("[data-testid=graph-canvas]") as unknown as { _cyreg: { cy: Core } })._cyreg.cy;
    return cy
      .nodes(s)
      .max((n: NodeSingular) => n.degree(false))
      .ele.id();
  }, selector);

// On the seed, the best connected node of all (44 neighbours); on 5k, the best connected node with at most 40
// neighbours (its hubs have hundreds, more names than any screen holds).
describe.each([
  ["the seed", () => seed.url, "node"],
  // Size is 14 + 6·√degree of the whole graph (the drawn part holds fewer edges): 51 ⇔ degree ≤ 40.
  ["a 5k synthetic graph", () => large.url, "[size <= 51]"],
])("labels on %s", (_name, url, hubs) => {
  it("never overlap and never shrink under 11 px at five zoom levels, and the first view names the hub", async () => {
    await open(page, url());
    const reports = await everyZoom(page);
    expect(reports[0]?.hubLabelled).toBe(true);
    expect(reports[0]?.labels).toBeGreaterThan(10);
    for (const r of reports) {
      // Some nodes in view always get a label (how many depends on how crowded they are).
      expect(r.labels, `labels at zoom ${r.zoom}`).toBeGreaterThanOrEqual(Math.min(1, r.nodesInView));
      expect(r.overlapping, `overlapping pairs at zoom ${r.zoom}`).toBe(0);
      expect(r.smallestPx).toBeGreaterThanOrEqual(11);
    }
  }, 180_000);

  // The selection is framed in the part of the canvas the legend, count line and buttons leave free, and its
  // neighbours' labels are chosen first (other wrappings and spots further out before one is dropped).
  it("shows every neighbour of a selected hub in view, labelled, without overlap", async () => {
    await open(page, url());
    const hub = await hubOf(page, hubs);
    await open(page, `${url()}/?node=${encodeURIComponent(hub)}`);
    // The selection is applied with the elements and starts the move into view; wait for it, then for the rest.
    await page.waitForFunction(() => {
      const canvas = document.querySelector("[data-testid=graph-canvas]") as unknown as { _cyreg: { cy: Core } };
      return canvas._cyreg.cy.$("node:selected").nonempty();
    });
    await settled(page);
    const r = await report(page);
    expect(r.overlapping).toBe(0);
    expect(r.neighbours).toBeGreaterThan(5);
    expect(r.neighboursOutside).toBe(0);
    expect(r.neighboursUnlabelled).toEqual([]);
    expect(r.smallestPx).toBeGreaterThanOrEqual(11);
  }, 180_000);
});

describe("labels in the project projection", () => {
  it("follow the same rules", async () => {
    await open(page, `${seed.url}/?layout=projects`);
    for (const r of await everyZoom(page)) {
      expect(r.labels).toBeGreaterThanOrEqual(Math.min(1, r.nodesInView));
      expect(r.overlapping).toBe(0);
      expect(r.smallestPx).toBeGreaterThanOrEqual(11);
    }
  }, 180_000);
});

describe("labels and the keyboard, and on a phone", () => {
  it("shows a node's full label, at the focus size, while a control standing for it has keyboard focus", async () => {
    await open(page, seed.url);
    const hub = await hubOf(page, "node");
    await open(page, `${seed.url}/?node=${encodeURIComponent(hub)}`);
    await settled(page);
    // The neighbour with the longest name: its label is wrapped and, as a neighbour, at most 14 px.
    const button = page.locator(".details-panel [data-node-key]");
    const keys = await button.evaluateAll((all) => all.map((b) => (b as HTMLElement).dataset.nodeKey as string));
    const key = await page.evaluate((ks) => {
      const cy = (document.querySelector("[data-testid=graph-canvas]") as unknown as { _cyreg: { cy: Core } })._cyreg
        .cy;
      return [...ks].sort(
        (a, b) => cy.getElementById(b).data("name").length - cy.getElementById(a).data("name").length,
      )[0];
    }, keys);
    const shown = (k: string) =>
      page.evaluate((id) => {
        const cy = (document.querySelector("[data-testid=graph-canvas]") as unknown as { _cyreg: { cy: Core } })._cyreg
          .cy;
        const node = cy.getElementById(id) as unknown as StyledNode;
        return {
          text: (node.data("label") as string).replace(/\n/g, " "),
          name: node.data("name") as string,
          px: node.pstyle("font-size").pfValue * cy.zoom(),
        };
      }, k);
    expect((await shown(key as string)).px).toBeLessThan(14.5);
    await page.locator(`.details-panel [data-node-key="${key}"]`).focus();
    await settled(page);
    const focused = await shown(key as string);
    expect(focused.text).toBe(focused.name);
    expect(focused.px).toBeGreaterThanOrEqual(14.9);
    // Focus leaving gives the label back its neighbour size.
    await page.locator(`.details-panel [data-node-key="${key}"]`).blur();
    await settled(page);
    expect((await shown(key as string)).px).toBeLessThan(14.5);
  }, 120_000);

  it("on a phone folds the legend and keeps every label inside the canvas", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const phone = await context.newPage();
    try {
      for (const path of ["/", `/?node=${encodeURIComponent(await hubOf(page, "node"))}`]) {
        await open(phone, `${seed.url}${path}`);
        await settled(phone);
        // Folded: one line with the legend's name; the kinds show when it is opened.
        const legend = phone.locator(".legend details");
        expect(await legend.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
        expect(await phone.locator(".legend li").first().isVisible()).toBe(false);
        const outside = await phone.evaluate(() => {
          const cy = (document.querySelector("[data-testid=graph-canvas]") as unknown as { _cyreg: { cy: Core } })
            ._cyreg.cy;
          const [w, h] = [cy.width(), cy.height()];
          return cy
            .nodes()
            .filter((n: NodeSingular) => n.visible() && Boolean(n.data("label")))
            .map((n: NodeSingular) => {
              const b = n.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true });
              return { name: n.data("name") as string, b };
            })
            .filter(({ b }) => b.x1 < -1 || b.y1 < -1 || b.x2 > w + 1 || b.y2 > h + 1)
            .map(({ name }) => name);
        });
        expect(outside, path).toEqual([]);
      }
      await phone.locator(".legend summary").click();
      expect(await phone.locator(".legend li").first().isVisible()).toBe(true);
    } finally {
      await context.close();
    }
  }, 120_000);

  it("on a phone ties every label that stands off its node back to it with a leader line", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const phone = await context.newPage();
    try {
      // The README's phone picture: a project selected, its neighbourhood crowded into the strip above the sheet.
      await open(page, seed.url);
      for (const node of ["project:digifysiska-vardkontakter", await hubOf(page, "node")]) {
        await open(phone, `${seed.url}/?node=${encodeURIComponent(node)}`);
        await settled(phone);
        const loose = await phone.evaluate(() => {
          const cy = (document.querySelector("[data-testid=graph-canvas]") as unknown as { _cyreg: { cy: Core } })
            ._cyreg.cy;
          const zoom = cy.zoom();
          const pan = cy.pan();
          const lines = [...document.querySelectorAll("svg.label-leaders line")].map((l) => {
            const at = (a: string) => Number(l.getAttribute(a));
            return {
              x1: at("x1") * zoom + pan.x,
              y1: at("y1") * zoom + pan.y,
              x2: at("x2") * zoom + pan.x,
              y2: at("y2") * zoom + pan.y,
            };
          });
          return cy
            .nodes()
            .filter((n: NodeSingular) => n.visible() && Boolean(n.data("label")))
            .map((n: NodeSingular) => {
              const b = n.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true });
              const c = n.renderedPosition();
              const r = (n.renderedWidth() as number) / 2;
              // How far the label's box is from the node's edge, on screen.
              const gap = Math.hypot(Math.max(b.x1 - c.x, 0, c.x - b.x2), Math.max(b.y1 - c.y, 0, c.y - b.y2)) - r;
              // A line from the node's edge to the label's box (the chooser's box and the drawn one differ by a few px).
              const tied = lines.some(
                (l) =>
                  Math.hypot(l.x1 - c.x, l.y1 - c.y) <= r + 4 &&
                  l.x2 >= b.x1 - 6 &&
                  l.x2 <= b.x2 + 6 &&
                  l.y2 >= b.y1 - 6 &&
                  l.y2 <= b.y2 + 6,
              );
              return { name: n.data("name") as string, gap: Math.round(gap), tied };
            })
            .filter(({ gap, tied }) => gap > 14 && !tied);
        });
        expect(loose, node).toEqual([]);
      }
    } finally {
      await context.close();
    }
  }, 120_000);
});
