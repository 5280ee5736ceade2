import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pairPages } from "../../../server/sync/civictech/pair-pages";
import { readCheckout } from "../../../server/sync/civictech/read-checkout";
import { citedSiteFile, type Known, planSite, type SyncOrganisation } from "../../../server/sync/civictech/site-plan";

const FIXTURE = join(import.meta.dirname, "../../fixtures/civictech-site");
const COMMIT = "c".repeat(40);
const seed = (file: string) => JSON.parse(readFileSync(join(import.meta.dirname, "../../../data", file), "utf8"));
const organisations = seed("organisations.json") as SyncOrganisation[];
const known: Known = { organisations, projects: seed("projects.json"), events: [], topics: seed("topics.json") };
const site = pairPages(readCheckout(FIXTURE).pages);

describe("planning a sync from civictech.se", () => {
  const plan = planSite(site, known, COMMIT);

  it("makes one event per sv/en pair, linked to its group, venue, län and listed partners", () => {
    const hackathon = plan.events.find((e) => e.id === "hackathon-2");
    expect(hackathon).toEqual({
      id: "hackathon-2",
      name: { sv: "Hackathon #2", en: "Hackathon #2" },
      kind: "hackathon",
      startDate: "2018-09-02",
      online: false,
      venue: "viktoriahuset",
      city: "Göteborg",
      region: "14",
      organisers: ["civic-tech-goteborg"],
      partners: ["digidem-lab", "gothenburg-hackerspace", "solidariskt-kylskap"],
      topics: [],
      sources: [
        `https://github.com/civictechsweden/civictech.se/blob/${COMMIT}/_events/hackathon-2-en.md`,
        `https://github.com/civictechsweden/civictech.se/blob/${COMMIT}/_events/hackathon-2.md`,
      ],
    });
    const online = plan.events.find((e) => e.name.sv === "Civic Tech möter GovTech");
    expect(online).toMatchObject({ online: true, organisers: [], kind: "meetup" });
    expect(online?.region).toBeUndefined();
    expect(plan.events.find((e) => e.name.sv === "GovTech Day 2020")?.kind).toBe("conference");
    expect(plan.events).toHaveLength(6);
  });

  it("ties each listed partner of a group to it, with the group's page as source", () => {
    const digidem = plan.organisations.find((o) => o.id === "digidem-lab");
    expect(digidem?.ties).toEqual(
      expect.arrayContaining([
        {
          relation: "partner-of",
          organisation: "civic-tech-goteborg",
          sources: [`https://github.com/civictechsweden/civictech.se/blob/${COMMIT}/_groups/goteborg.md`],
        },
        expect.objectContaining({ relation: "partner-of", organisation: "civic-tech-uppsala" }),
      ]),
    );
    // Ties the site is not the source of (the network's partners, from index.md) stay as they are.
    expect(plan.organisations.find((o) => o.id === "skjutsgruppen")?.ties?.map((t) => t.organisation)).toEqual([
      "civic-tech-goteborg",
      "civic-tech-sweden",
    ]);
  });

  it("leaves a curated project as it is but for the pinned source, and creates what is new without guessing", () => {
    const egenmakt = plan.projects.find((p) => p.id === "egenmakt");
    const before = known.projects.find((p) => p.id === "egenmakt");
    expect({ ...egenmakt, sources: [] }).toEqual({ ...before, sources: [] });
    expect(egenmakt?.sources.filter((s) => s.includes(COMMIT))).toHaveLength(2);
    expect(egenmakt?.sources.filter((s) => citedSiteFile(s)?.includes("egenmakt"))).toHaveLength(2);
  });

  it("never links or creates a person, and says which names stayed unlinked", () => {
    const text = JSON.stringify(plan);
    for (const word of ["Anna", "Cecilia", "Doris", "@example", "mailto"]) expect(text).not.toContain(word);
    // The fixture has no _groups/ page for these keys: the events keep no organiser, and the preview says so.
    expect(plan.unlinked).toEqual([
      { file: "_events/civic-tech-sthlm-12-outdoor-meetup.md", role: "organiser", name: "stockholm" },
      { file: "_events/govtechday2020.md", role: "organiser", name: "civic-tech-platform" },
      { file: "_events/meetup-0.md", role: "organiser", name: "stockholm" },
    ]);
  });

  it("changes nothing when run again on what it wrote", () => {
    const again = planSite(
      site,
      {
        ...known,
        organisations: organisations.map((o) => plan.organisations.find((p) => p.id === o.id) ?? o),
        projects: known.projects
          .map((p) => plan.projects.find((q) => q.id === p.id) ?? p)
          .concat(plan.projects.filter((p) => !known.projects.some((q) => q.id === p.id))),
        events: plan.events,
      },
      COMMIT,
    );
    expect(again).toEqual(plan);
  });
});
