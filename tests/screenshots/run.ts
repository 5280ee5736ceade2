/**
 * `npm run screenshots`: regenerates every picture the README shows, from the running app on the seed data. Builds the
 * client if dist/client is missing, starts the real server on a fresh temporary database seeded from data/, and
 * writes into docs/: the explorer with a project's suggestions (1440 × 900) and the same on a phone (390 × 844, the
 * details as a bottom sheet), and the coverage view, each in Swedish and English. Not part of the test suite.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { launchBrowser } from "../e2e/browser";
import { tempDatabasePath } from "../fixtures/dataset";
import { startTestServer } from "../integration/server-helpers";

const root = join(import.meta.dirname, "..", "..");
const docs = join(root, "docs");
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
const PROJECT = "project%3Adigifysiska-vardkontakter";

interface Shot {
  file: string;
  viewport: { width: number; height: number };
  path: string;
  /** What must be on screen before the picture is taken. */
  ready: (page: Page) => Promise<unknown>;
}

const suggestionsShown = (page: Page) => page.locator(".suggestion-list > li").first().waitFor();

const SHOTS: Shot[] = (["sv", "en"] as const).flatMap((lang) => [
  {
    file: `screenshot-${lang}.png`,
    viewport: DESKTOP,
    path: `/?lang=${lang}&node=${PROJECT}`,
    ready: suggestionsShown,
  },
  {
    file: `screenshot-phone-${lang}.png`,
    viewport: PHONE,
    path: `/?lang=${lang}&node=${PROJECT}`,
    ready: suggestionsShown,
  },
  {
    file: `screenshot-coverage-${lang}.png`,
    viewport: DESKTOP,
    path: `/?lang=${lang}&view=coverage&region=25&topic=open-data`,
    ready: (page) => page.locator(".coverage-fillers li").first().waitFor(),
  },
]);

async function take(browser: Browser, url: string, shot: Shot) {
  const phone = shot.viewport.width < 600;
  const context = await browser.newContext({
    viewport: shot.viewport,
    deviceScaleFactor: phone ? 2 : 1,
    isMobile: phone,
    hasTouch: phone,
  });
  const page = await context.newPage();
  await page.goto(`${url}${shot.path}`);
  await shot.ready(page);
  await page.waitForLoadState("networkidle");
  // The graph centres on the selection once its layout is placed; let that animation end.
  await page.waitForTimeout(1500);
  await page.screenshot({ path: join(docs, shot.file) });
  await context.close();
  console.log(`wrote docs/${shot.file}`);
}

if (!existsSync(join(root, "dist", "client", "index.html"))) {
  console.log("building the client (dist/client is missing)…");
  execFileSync("npx", ["vite", "build"], { cwd: root, stdio: "inherit" });
}
const server = await startTestServer(join(root, "data"), tempDatabasePath(), join(root, "dist", "client"));
const browser = await launchBrowser();
try {
  for (const shot of SHOTS) await take(browser, server.url, shot);
} finally {
  await browser.close();
  await server.close();
}
