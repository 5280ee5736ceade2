/** One real server on the seed data with the built client, and one Chromium page, for an end-to-end test file. */
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import type { RunningServer } from "../../server/http/server";
import { tempDatabasePath } from "../fixtures/dataset";
import { startTestServer } from "../integration/server-helpers";
import { launchBrowser } from "./browser";

export interface AppSession {
  server: RunningServer;
  browser: Browser;
  page: Page;
}

const root = join(import.meta.dirname, "..", "..");

/** Registers the file's beforeAll/afterAll; the returned object is filled in before the first test runs. */
export function appSession(viewport = { width: 1280, height: 900 }): AppSession {
  const session = {} as AppSession;
  beforeAll(async () => {
    session.server = await startTestServer(join(root, "data"), tempDatabasePath(), join(root, "dist", "client"));
    session.browser = await launchBrowser();
    session.page = await session.browser.newPage({ viewport });
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.close();
  });
  return session;
}
