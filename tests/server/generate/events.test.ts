/** Synthetic events: how many, who organises, where, valid like seed events, and the same for the same seed. */
import { describe, expect, it } from "vitest";
import { readTaxonomy } from "../../../server/cli/generate";
import { generateDataset } from "../../../server/generate/generate-dataset";
import { buildGraph } from "../../../server/graph/build";
import { checkDataset } from "../../../server/store/load-data-dir";

const taxonomy = readTaxonomy("data");
const make = (seed: number, events?: number) =>
  generateDataset({ projects: 120, organisations: 200, seed, ...(events === undefined ? {} : { events }) }, taxonomy);

describe("synthetic events", () => {
  it("come one per ten organisations by default, or as many as asked, valid and marked synthetic", () => {
    const data = make(3);
    expect(data.events).toHaveLength(20);
    expect(make(3, 7).events).toHaveLength(7);
    expect(() => checkDataset(data, "test")).not.toThrow();
    for (const e of data.events) {
      expect(e.synthetic).toBe(true);
      expect(e.id).toMatch(/^syn-event-\d{5}$/);
      expect(e.sources[0]).toMatch(/^https:\/\/synthetic\.partnerkartan\.invalid\/event\//);
      expect(e.online || e.region !== undefined).toBe(true);
    }
  });

  it("hold an event in the organiser's own län and draw partners from there", () => {
    const data = make(5);
    const orgs = new Map(data.organisations.map((o) => [o.id, o]));
    for (const e of data.events.filter((x) => x.region !== undefined)) {
      const organiser = orgs.get(e.organisers[0] as string);
      expect(organiser?.regions).toContain(e.region);
      for (const p of e.partners) expect(orgs.get(p)?.regions).toContain(e.region);
    }
    expect(data.events.some((e) => e.partners.length > 0)).toBe(true);
  });

  it("are the same for the same seed, and leave the organisations and projects as they were", () => {
    expect(make(9).events).toEqual(make(9).events);
    expect(make(9, 0).organisations).toEqual(make(9).organisations);
    expect(make(9, 0).projects).toEqual(make(9).projects);
    expect(buildGraph(make(9)).order).toBe(buildGraph(make(9, 0)).order + 20);
  });
});
