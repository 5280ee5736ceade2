/**
 * Shapes of the real civictech.se repository that the sync met on its first run there (tests/fixtures/
 * civictech-real-cases, written anew in the site's format): each is read, paired and planned without a duplicate, a
 * wrong län or a person.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pairPages } from "../../../server/sync/civictech/pair-pages";
import { carriesPersonalData } from "../../../server/sync/civictech/personal-data";
import { parsePlace } from "../../../server/sync/civictech/places";
import { readCheckout } from "../../../server/sync/civictech/read-checkout";
import {
  type Known,
  pinnedSource,
  planSite,
  type SyncEvent,
  type SyncOrganisation,
  type SyncProject,
} from "../../../server/sync/civictech/site-plan";

const FIXTURE = join(import.meta.dirname, "../../fixtures/civictech-real-cases");
const COMMIT = "d".repeat(40);
const OLD = "e".repeat(40);
const PEOPLE = ["Greta", "Hanna", "Ivar", "Påhittad", "(at)", "[at]", "example(dot)", "mailto"];
const seed = (file: string) => JSON.parse(readFileSync(join(import.meta.dirname, "../../../data", file), "utf8"));

const storedProject: SyncProject = {
  id: "oppna-inkop",
  name: "Öppna Inköp!",
  summary: { sv: "Ett påhittat projekt.", en: "An invented project." },
  status: "active",
  partners: [],
  topics: [],
  skillsNeeded: [],
  regions: [],
  national: true,
  sources: ["https://example.org/oppna-inkop"],
};
const storedEvent = (id: string, name: SyncEvent["name"], sources: string[], extra: Partial<SyncEvent> = {}) =>
  ({
    id,
    name,
    kind: "meetup",
    startDate: "2021-01-29",
    online: true,
    organisers: [],
    partners: [],
    topics: [],
    sources,
    ...extra,
  }) as SyncEvent;
const known: Known = {
  organisations: seed("organisations.json") as SyncOrganisation[],
  projects: [storedProject],
  events: [
    // Stored with its own translation, and its sources in an order of their own.
    storedEvent("fredagsfika", { sv: "Fredagsfika", en: "Friday fika" }, [
      "https://example.org/fika",
      `https://github.com/civictechsweden/civictech.se/blob/${OLD}/_events/friday-fika.md`,
      `https://github.com/civictechsweden/civictech.se/blob/${OLD}/_events/fredagsfika.md`,
    ]),
    storedEvent(
      "picknick-2020",
      { sv: "Civic Tech Sthlm: Picknick i parken", en: "Civic Tech Sthlm: Picnic in the park" },
      [`https://github.com/civictechsweden/civictech.se/blob/${OLD}/_events/picknick.md`],
      { startDate: "2020-06-16", online: false, region: "01", organisers: ["civic-tech-stockholm"] },
    ),
  ],
  topics: [],
};

describe("the real site's shapes", () => {
  const site = readCheckout(FIXTURE);
  const plan = planSite(pairPages(site.pages), known, COMMIT);
  const event = (id: string) => plan.events.find((e) => e.id === id);

  it("skips drafts (published: false) and a notice with no place, naming each", () => {
    expect(site.problems.map((p) => p.file).sort()).toEqual(["_events/folj-med.md", "_events/utkast-labb.md"]);
    expect(site.problems.find((p) => p.file === "_events/utkast-labb.md")?.message).toMatch(/published.*draft/);
    expect(plan.events.some((e) => /Utkast|Följ med/.test(e.name.sv))).toBe(false);
  });

  it("does not take ref: sv / ref: en for a key: two events of one day stay two, a pair stays one", () => {
    const day = plan.events.filter((e) => e.startDate === "2021-10-05").map((e) => e.name);
    expect(day).toEqual(
      expect.arrayContaining([
        { sv: "Civic Tech Visningsdag", en: "Civic Tech Showcase Day" },
        { sv: "Verkstad kring ett remissvar", en: "Verkstad kring ett remissvar" },
      ]),
    );
    expect(day).toHaveLength(2);
    expect(plan.events.map((e) => e.id)).not.toContain("sv");
  });

  it("places 'Sundsvall & online' in Västernorrland and online, and a park by its local group's län", () => {
    expect(event("forvaltningsteknikdagen-2020")).toMatchObject({ online: true, city: "Sundsvall", region: "22" });
    expect(parsePlace("Göteborg och digitalt")).toEqual({ online: true, city: "Göteborg", regionCode: "14" });
    expect(event("picknick-2020")).toMatchObject({ online: false, region: "01", organisers: ["civic-tech-stockholm"] });
    expect(event("picknick-2020")?.city).toBeUndefined();
  });

  it("keeps a stored translation where the site gives both pages one title or lacks a language", () => {
    expect(event("picknick-2020")?.name).toEqual({
      sv: "Civic Tech Sthlm: Picknick i parken",
      en: "Civic Tech Sthlm: Picnic in the park",
    });
    // The Swedish page names it anew; there is no English page for that day, so the English name stays.
    expect(event("fredagsfika")?.name).toEqual({ sv: "Fredagsfika för alla", en: "Friday fika" });
  });

  it("plans an event met on two pages of different days once, its sources re-pinned in their stored order", () => {
    expect(plan.events.filter((e) => e.id === "fredagsfika")).toHaveLength(1);
    expect(event("fredagsfika")?.sources).toEqual([
      "https://example.org/fika",
      pinnedSource(COMMIT, "_events/friday-fika.md"),
      pinnedSource(COMMIT, "_events/fredagsfika.md"),
    ]);
    expect(new Set(plan.events.map((e) => e.id)).size).toBe(plan.events.length);
  });

  it("makes slug ids from titles, never from refs like 'Kartan 2.0' or 'Åkbot'", () => {
    expect(plan.projects.map((p) => p.id).sort()).toEqual(["akbot", "delningskartan", "oppna-inkop"]);
  });

  it("plans one project under renamed files and an old CMS export", () => {
    const kartan = plan.projects.find((p) => p.id === "delningskartan");
    expect(kartan?.sources.sort()).toEqual(
      [
        "_posts/2018-08-02-kartan.md",
        "_posts/2018-08-02-kartan.markdown",
        "_posts/gamla-cms/projects/2018-08-02-kartan.markdown",
      ]
        .map((f) => pinnedSource(COMMIT, f))
        .sort(),
    );
    // "www.…" without a scheme is no website.
    expect(kartan?.website).toBeUndefined();
  });

  it("matches 'Öppna Inköp! Upphandlingsdata' to the stored 'Öppna Inköp!', keeping what is curated", () => {
    const project = plan.projects.find((p) => p.id === "oppna-inkop");
    expect({ ...project, sources: [] }).toEqual({ ...storedProject, sources: [] });
    expect(project?.sources).toEqual([
      "https://example.org/oppna-inkop",
      pinnedSource(COMMIT, "_posts/2019-09-02-oppna-inkop.md"),
    ]);
  });

  it("keeps no person, also not an e-mail address written (at) or [at]", () => {
    const text = JSON.stringify({ site, plan });
    for (const word of PEOPLE) expect(text).not.toContain(word);
    expect(event("fredagsfika")?.partners).toEqual([]);
    expect(plan.unlinked.map((u) => [u.role, u.name])).toEqual([
      ["partner", "Bibliotek Påhittat"],
      ["venue", "Rålambshovsparken"],
      ["organiser", "plattformen"],
      ["group", "Civic Tech Plattformen"],
    ]);
    for (const hidden of ["greta(at)example.org", "kontakt[at]example[dot]org", "namn (at) exempel.se"])
      expect(carriesPersonalData(hidden)).toBe(true);
    for (const kept of ["Fika (at) 15", "Meet (at) Goto 10", "Civic Tech Lab: Climate Assemblies"])
      expect(carriesPersonalData(kept)).toBe(false);
  });

  it("says so when a group page names no organisation, and when an event's group is such a page", () => {
    expect(plan.unlinked.filter((u) => u.role === "group" || u.role === "organiser")).toEqual([
      { file: "_events/plattformslabb.md", role: "organiser", name: "plattformen" },
      { file: "_groups/plattformen.md", role: "group", name: "Civic Tech Plattformen" },
    ]);
    expect(plan.events.find((e) => e.name.sv === "Civic Tech Lab: Plattformslabb")?.organisers).toEqual([]);
  });

  it("changes nothing when run again on what it wrote", () => {
    const again = planSite(
      pairPages(site.pages),
      {
        ...known,
        organisations: known.organisations.map((o) => plan.organisations.find((p) => p.id === o.id) ?? o),
        projects: plan.projects,
        events: plan.events,
      },
      COMMIT,
    );
    expect(again).toEqual(plan);
  });
});
