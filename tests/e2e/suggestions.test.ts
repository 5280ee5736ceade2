/** End to end: a project sees explained partner suggestions in Swedish and English, and the sliders re-rank them. */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { appSession } from "./session";

const app = appSession();

const suggestions = (p: Page) => p.locator(".suggestions").first().locator(".suggestion-list > li");
const firstReasons = async (p: Page) => (await suggestions(p).first().locator(".reasons").textContent()) ?? "";

describe("partner suggestions in a browser", () => {
  it("lists ranked partners with reasons for a project, in Swedish", async () => {
    await app.page.goto(`${app.server.url}/?node=project%3Aegenmakt`);
    await app.page.getByRole("heading", { level: 3, name: "Föreslagna partners" }).waitFor();
    await expect.poll(() => suggestions(app.page).count(), { timeout: 10_000 }).toBeGreaterThan(3);
    // Every topic reason says whether it is the organisation's own or through which project (issue 16).
    expect(await firstReasons(app.page)).toMatch(/^(Arbetar med|Har arbetat med .* i projektet) /);
    // Egenmakt's members cover Stockholm, so "complement" would give everyone 0: the panel says it shows nearby.
    await app.page.getByText("Era medlemmar täcker redan alla era län").waitFor();
    // Placetoplan, the only one offering UX and service design, is in the top five or the missing-skill group.
    const top5 = await suggestions(app.page).locator(".suggestion-name").allTextContents();
    const group = await app.page.locator(".missing-skill-group .suggestion-name").allTextContents();
    expect([...top5.slice(0, 5), ...group]).toContain("Placetoplan AB");
    await app.page.getByRole("heading", { level: 3, name: "Liknande projekt" }).waitFor();
  });

  it("re-ranks when the sliders move: skills alone puts a provider of a needed skill first", async () => {
    const before = await suggestions(app.page).first().locator(".suggestion-name").textContent();
    for (const name of ["Ämnen", "Geografi", "Nätverk"]) {
      await app.page.getByRole("slider", { name }).first().focus();
      await app.page.keyboard.press("Home");
    }
    await app.page.getByRole("slider", { name: "Kompetenser" }).first().focus();
    await app.page.keyboard.press("End");
    await expect.poll(() => firstReasons(app.page), { timeout: 10_000 }).toMatch(/^Erbjuder .*, som ni behöver$/);
    const after = await suggestions(app.page).first().locator(".suggestion-name").textContent();
    expect(after).not.toBe(before);
    // The link carries the weights, so a shared link shows the same ranking.
    expect(app.page.url()).toContain("w=0%2C5%2C0%2C0");
  });

  it("speaks English after the switch", async () => {
    await app.page.getByRole("button", { name: "In English" }).click();
    await app.page.getByRole("heading", { level: 3, name: "Suggested partners" }).waitFor();
    await expect.poll(() => firstReasons(app.page), { timeout: 10_000 }).toMatch(/^Offers .*, which you need$/);
  });

  it("shows projects to join for an organisation, and opens a suggestion with the keyboard", async () => {
    await app.page.goto(`${app.server.url}/?node=organisation%3Adigidem-lab&lang=en`);
    await app.page.getByRole("heading", { level: 3, name: "Projects to join" }).waitFor();
    await expect.poll(() => suggestions(app.page).count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const name = (await suggestions(app.page).first().locator(".suggestion-name").textContent()) as string;
    await suggestions(app.page).first().locator(".suggestion-name").focus();
    await app.page.keyboard.press("Enter");
    await app.page.getByRole("heading", { level: 2, name }).waitFor();
  });
});
