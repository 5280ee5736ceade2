/** End to end on the real seed: events are drawn in the graph as stars, listed, found by search and explained in details. */
import { readFileSync } from "node:fs";
import type { Core } from "cytoscape";
import { describe, expect, it } from "vitest";
import { searchBox } from "./browser";
import { appSession } from "./session";

const app = appSession({ width: 1280, height: 800 });
/** Every seed event, as data/events.json holds them. */
const SEED_EVENTS = (JSON.parse(readFileSync("data/events.json", "utf8")) as unknown[]).length;

describe("events in the browser", () => {
  it("draws every seed event in the graph, as a star, and names the kind in the legend", async () => {
    await app.page.goto(app.server.url);
    const drawn = () =>
      app.page.evaluate(() => {
        const host = document.querySelector("[data-testid=graph-canvas]") as unknown as { _cyreg?: { cy: Core } };
        const cy = host?._cyreg?.cy;
        if (!cy) return { count: 0, shapes: [] as string[] };
        const events = cy.nodes().filter((n) => String(n.id()).startsWith("event:"));
        return { count: events.length, shapes: [...new Set(events.map((n) => String(n.style("shape"))))] };
      });
    await expect.poll(async () => (await drawn()).count, { timeout: 20_000 }).toBe(SEED_EVENTS);
    expect((await drawn()).shapes).toEqual(["star"]);
    await app.page.locator(".legend").getByText("Evenemang").waitFor();
  });

  it("finds Hackathon #2 by search and shows its kind, date, organiser and partners", async () => {
    const search = searchBox(app.page);
    await search.fill("hackathon #2");
    await app.page
      .getByRole("option", { name: /Hackathon #2/ })
      .first()
      .waitFor();
    await search.press("Enter");
    await app.page.getByRole("heading", { level: 2, name: "Hackathon #2" }).waitFor();
    expect(app.page.url()).toContain("node=event%3Acivic-tech-goteborg-hackathon-2");
    const details = app.page.locator(".details");
    await details.getByText("Hackathon", { exact: true }).first().waitFor();
    await details.getByText("2 september 2018").waitFor();
    await details.getByRole("heading", { level: 4, name: /Arrangeras av/ }).waitFor();
    await details.getByRole("button", { name: "Civic Tech Göteborg" }).first().waitFor();
    await details.getByRole("button", { name: "Solidariskt Kylskåp" }).first().waitFor();
  });

  it("lists the events alone with kinds=event, each with its kind and date", async () => {
    await app.page.goto(`${app.server.url}/?view=list&kinds=event&lang=en`);
    const rows = app.page.locator("tbody tr");
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(SEED_EVENTS);
    await app.page.getByRole("row", { name: /Hackathon #2.*Hackathon, 2018-09-02/ }).waitFor();
    await app.page.getByRole("row", { name: /Reclaim the room!.*Hackathon, 2019-01-26/ }).waitFor();
  });

  it("shows a coordinator the events per län and where the network has never met", async () => {
    await app.page.goto(`${app.server.url}/?view=coverage`);
    const overview = app.page.locator(".coverage-overview");
    // The seed's events were held in Stockholm, Uppsala and Västra Götaland only.
    await expect.poll(() => overview.locator(".never-met").textContent()).toMatch(/aldrig träffats i 18 län/);
    expect(await overview.locator(".never-met").textContent()).toContain("Norrbottens län");
    expect(await overview.locator(".never-met").textContent()).not.toContain("Stockholms län");
    await app.page.goto(`${app.server.url}/?view=coverage&region=01`);
    await expect
      .poll(() => app.page.locator(".region-events").textContent())
      .toMatch(/^\d+ evenemang de senaste tre åren \(\d+ totalt\), senast 2026-02-24$/);
    await app.page.goto(`${app.server.url}/?view=coverage&region=25`);
    await expect.poll(() => app.page.locator(".region-events").textContent()).toMatch(/aldrig träffats i länet/);
  });
});
