/**
 * End to end, search and the keyboard path: a stale hit is never shown or picked, Enter on an empty box does nothing,
 * the box holds at most the server's limit; after a pick the focus is on the details heading, and the first suggestion
 * is at most 5 key presses away through "Hoppa till förslag"; no skip link writes a hash into the shareable URL.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { MAX_CHARS } from "../../shared/schema/limits";
import { searchBox } from "./browser";
import { appSession } from "./session";

const app = appSession();

const options = (p: Page) => p.getByRole("option");
const focused = (p: Page) =>
  p.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { tag: el?.tagName.toLowerCase(), text: el?.textContent?.trim() ?? "", className: el?.className ?? "" };
  });

describe("search", () => {
  it("clears hits that no longer match as soon as the text changes, so Enter cannot pick a stale one", async () => {
    const p = app.page;
    await p.goto(app.server.url);
    const box = searchBox(p);
    await box.fill("digidem");
    await options(p).filter({ hasText: "Digidem Lab" }).first().waitFor();
    // The new text's answer is held back, as on a slow network: until it comes, nothing is listed and Enter picks
    // nothing (before, the Digidem hits stayed and Enter opened Digidem Lab).
    const slow = (url: URL) => url.pathname.includes("search.query") && decodeURIComponent(url.search).includes("norr");
    await p.route(slow, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    await box.fill("norrbotten");
    expect(await options(p).filter({ hasText: "Digidem" }).count()).toBe(0);
    await box.press("Enter");
    expect(p.url()).not.toContain("digidem");
    await p.waitForTimeout(300);
    expect(await options(p).filter({ hasText: "Digidem" }).count()).toBe(0);
    await options(p).filter({ hasText: "Norrbottens län" }).first().waitFor();
    await p.unroute(slow);
    await box.press("Enter");
    await expect.poll(() => p.url()).toContain("node=region%3A25");
  });

  it("does nothing on Enter in an empty box", async () => {
    const p = app.page;
    await p.goto(app.server.url);
    const box = searchBox(p);
    await box.fill("digidem");
    await options(p).first().waitFor();
    await box.fill("");
    await box.press("Enter");
    await p.waitForTimeout(400);
    expect(p.url()).not.toContain("node=");
    expect(await p.locator("#details-name").count()).toBe(0);
  });

  it("limits the text to the server's maximum in the box itself", async () => {
    const p = app.page;
    const box = searchBox(p);
    expect(await box.getAttribute("maxlength")).toBe(String(MAX_CHARS.searchQuery));
    await box.fill("");
    await box.pressSequentially("a".repeat(MAX_CHARS.searchQuery + 5), { delay: 0 });
    expect((await box.inputValue()).length).toBe(MAX_CHARS.searchQuery);
    await box.fill("");
  });
});

describe("keyboard path", () => {
  it("moves the focus to the details heading after a pick, and reaches the first suggestion in at most 5 keys", async () => {
    const p = app.page;
    await p.goto(app.server.url);
    const box = searchBox(p);
    await box.fill("egenmakt");
    await options(p).filter({ hasText: "Egenmakt" }).first().waitFor();
    await box.press("Enter");
    await expect.poll(async () => (await focused(p)).tag, { timeout: 10_000 }).toBe("h2");
    expect((await focused(p)).text).toBe("Egenmakt");
    // Wait for the suggestions so the count measures keys, not loading.
    await p.locator(".suggestion-list > li").first().waitFor();

    let keys = 0;
    const press = async (key: string) => {
      keys++;
      await p.keyboard.press(key);
    };
    await press("Tab");
    expect(await focused(p)).toMatchObject({ tag: "a", text: "Hoppa till förslag" });
    await press("Enter");
    const first = (await p.locator(".suggestion-list > li .suggestion-name").first().textContent()) as string;
    expect(await focused(p)).toMatchObject({ tag: "button", text: first });
    expect(keys).toBeLessThanOrEqual(5);
    expect(p.url()).not.toContain("#");
  });

  it("the skip link to the details moves the focus without writing #details into the URL", async () => {
    const p = app.page;
    await p.goto(`${app.server.url}/?node=project%3Aegenmakt`);
    await p.locator("#details-name").waitFor();
    await p.keyboard.press("Tab");
    expect(await focused(p)).toMatchObject({ tag: "a", text: "Hoppa till detaljer" });
    await p.keyboard.press("Enter");
    expect(await p.evaluate(() => document.activeElement?.id)).toBe("details");
    expect(p.url()).not.toContain("#");
    expect(await p.evaluate(() => window.location.hash)).toBe("");
  });
});
