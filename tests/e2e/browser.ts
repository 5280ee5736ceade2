/** Launches a headless Chromium for end-to-end tests: CHROMIUM_PATH if set, else the one inside @sparticuz/chromium. */
import chromium from "@sparticuz/chromium";
import { type Browser, type Locator, type Page, chromium as playwright } from "playwright-core";

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
  // Its Lambda-oriented flags are dropped where they would change what is tested: one process would let closing a
  // page take the others with it, and disabled web security would hide what a real browser enforces.
  const dropped = ["--user-data-dir", "--single-process", "--disable-web-security", "--allow-running-insecure-content"];
  const args = [...new Set([...chromium.args, ...QUIET_FLAGS])].filter((a) => !dropped.some((d) => a.startsWith(d)));
  return playwright.launch({ executablePath: await chromium.executablePath(), headless: true, args });
}

/** The search box (a combobox; the toolbar's selects are comboboxes too). */
export const searchBox = (page: Page): Locator => page.getByRole("combobox", { name: /^(Sök|Search) / });
