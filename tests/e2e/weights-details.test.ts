/**
 * End to end, the details that break trust: every default weight can be set again and reads in the UI's number
 * format; a term that cannot change the ranking says why (geography in "complement" mode for Egenmakt, whose members
 * already cover Stockholm, its only län) and offers "nearby"; no empty "Kopplingar" heading; "Fokusera på vald" is
 * off for a node that does not exist; a reversed year range is named and not applied.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { appSession } from "./session";

const app = appSession();
const slider = (p: Page, name: string) => p.getByRole("slider", { name }).first();
const output = (p: Page, name: string) =>
  p
    .locator(".weight-row", { has: p.getByRole("slider", { name }) })
    .first()
    .locator("output");

describe("weights", () => {
  it("the network default 0.25 shows as 0,25 in Swedish and can be set again after a move", async () => {
    const p = app.page;
    await p.goto(`${app.server.url}/?node=project%3Aegenmakt`);
    await p.locator(".suggestion-list > li").first().waitFor();
    const network = slider(p, "Nätverk");
    expect(await network.inputValue()).toBe("0.25");
    expect(await output(p, "Nätverk").textContent()).toBe("0,25");
    expect(await network.getAttribute("aria-valuetext")).toBe("0,25");
    await network.focus();
    await p.keyboard.press("ArrowRight");
    expect(await output(p, "Nätverk").textContent()).toBe("0,5");
    await p.keyboard.press("ArrowLeft");
    expect(await network.inputValue()).toBe("0.25");
    expect(await output(p, "Nätverk").textContent()).toBe("0,25");
    // Back on the default, the link leaves the weights out again.
    await expect.poll(() => p.url()).not.toContain("w=");
  });

  it("shows 0.25 with a decimal point in English", async () => {
    const p = app.page;
    await p.goto(`${app.server.url}/?node=project%3Aegenmakt&lang=en`);
    await p.locator(".suggestion-list > li").first().waitFor();
    expect(await output(p, "Network").textContent()).toBe("0.25");
  });

  it("says that geography shows nearness for Egenmakt, whose members already cover its län", async () => {
    const p = app.page;
    await p.goto(`${app.server.url}/?node=project%3Aegenmakt`);
    const notice = p.locator(".term-notices");
    await notice.waitFor();
    expect(await notice.textContent()).toContain("Era medlemmar täcker redan alla era län, så Geografi visar närhet");
    // Geography is alive through the fallback: no slider says it does nothing.
    const geography = slider(p, "Geografi");
    expect(await p.locator(".weight-row", { has: geography }).locator(".weight-inert").count()).toBe(0);
    // The select shows the mode in use, and says it was chosen automatically.
    const mode = p.getByRole("combobox", { name: "Geografi" }).first();
    await expect.poll(() => mode.inputValue()).toBe("nearby");
    const hint = p.locator(`[id="${await mode.getAttribute("aria-describedby")}"]`);
    expect(await hint.textContent()).toContain("Nära valdes automatiskt");
    // Going back: complement is kept, the select says so, and the panel offers nearby instead.
    await notice.getByRole("button", { name: "Använd Komplettera ändå" }).click();
    await expect.poll(() => mode.inputValue()).toBe("complement");
    await notice.getByText("Era medlemmar täcker redan alla era län — visa närhet i stället?").waitFor();
    expect(await hint.textContent()).not.toContain("automatiskt");
    await notice.getByRole("button", { name: "Visa närhet" }).click();
    await expect.poll(() => mode.inputValue()).toBe("nearby");
    await expect.poll(() => p.url()).toContain("geo=nearby");
  });

  it("shows the geography options whole at 1440 px, in English too", async () => {
    const p = app.page;
    await p.setViewportSize({ width: 1440, height: 900 });
    for (const lang of ["sv", "en"]) {
      await p.goto(`${app.server.url}/?node=project%3Aegenmakt&lang=${lang}`);
      const mode = p.locator(".weight-row select").first();
      await mode.waitFor();
      // Each option's text, as drawn in the select's font, fits inside it (leaving room for the arrow).
      const cut = await mode.evaluate((el: HTMLSelectElement) => {
        const ctx = document.createElement("canvas").getContext("2d") as CanvasRenderingContext2D;
        const style = getComputedStyle(el);
        ctx.font = `${style.fontSize} ${style.fontFamily}`;
        return [...el.options].filter((o) => ctx.measureText(o.text).width > el.clientWidth - 28).map((o) => o.text);
      });
      expect(cut, lang).toEqual([]);
    }
    await p.setViewportSize({ width: 1280, height: 900 });
  });
});

describe("small things", () => {
  it("shows no empty Kopplingar heading for a node without neighbours (Gotland)", async () => {
    const p = app.page;
    await p.goto(`${app.server.url}/?node=region%3A09`);
    await p.getByRole("heading", { level: 2, name: "Gotlands län" }).waitFor();
    expect(await p.locator(".details h3", { hasText: "Kopplingar" }).count()).toBe(0);
    await p.goto(`${app.server.url}/?node=region%3A25`);
    await p.getByRole("heading", { level: 2, name: "Norrbottens län" }).waitFor();
    expect(await p.locator(".details h3", { hasText: "Kopplingar" }).count()).toBe(1);
  });

  it("turns off “Fokusera på vald” for a node id that does not exist", async () => {
    const p = app.page;
    const focusButton = p.getByRole("button", { name: "Fokusera på vald" });
    await p.goto(`${app.server.url}/?node=project%3Afinns-inte`);
    await p.getByText("Den här noden finns inte (längre) i kartan.").waitFor();
    expect(await focusButton.isDisabled()).toBe(true);
    await p.goto(`${app.server.url}/?node=project%3Aegenmakt`);
    await p.locator("#details-name").waitFor();
    await expect.poll(() => focusButton.isEnabled()).toBe(true);
  });

  it("names a reversed year range, and applies it neither to the graph nor to the export links", async () => {
    const p = app.page;
    await p.goto(app.server.url);
    const summary = p.locator(".data-summary");
    await summary.waitFor();
    const whole = await summary.textContent();
    await p.goto(`${app.server.url}/?from=2030&to=2020`);
    await p.getByText("Från 2030 är senare än till 2020, så årsfiltret används inte.", { exact: false }).waitFor();
    expect(await p.getByRole("spinbutton", { name: "Till" }).getAttribute("aria-invalid")).toBe("true");
    expect(await summary.textContent()).toBe(whole);
    await p.getByRole("button", { name: "Exportera", exact: true }).click();
    const hrefs = await p.locator(".export-menu-panel a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href).not.toMatch(/[?&](from|to)=/);
  });
});
