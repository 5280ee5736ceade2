/** Launches a headless Chromium for end-to-end tests: CHROMIUM_PATH if set, else the one inside @sparticuz/chromium. */
import chromium from "@sparticuz/chromium";
import { type Browser, chromium as playwright } from "playwright-core";

const QUIET_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export async function launchBrowser(): Promise<Browser> {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return playwright.launch({ executablePath: fromEnv, headless: true, args: QUIET_FLAGS });
  const args = [...new Set([...chromium.args, ...QUIET_FLAGS])].filter((a) => !a.startsWith("--user-data-dir"));
  return playwright.launch({ executablePath: await chromium.executablePath(), headless: true, args });
}
