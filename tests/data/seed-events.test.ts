/** The seed's events: real ones from civictech.se's _events folder, each traceable, placed in the right län. */
import { describe, expect, it } from "vitest";
import { loadDataDir } from "../../server/store/load-data-dir";

const data = loadDataDir("data");
const SOURCE = /^https:\/\/github\.com\/civictechsweden\/civictech\.se\/blob\/[0-9a-f]{40}\/_events\/[a-z0-9-]+\.md$/;

describe("seed events", () => {
  it("each cites the civictech.se event page(s) it comes from, at a fixed commit", () => {
    expect(data.events.length).toBeGreaterThan(0);
    for (const e of data.events) for (const url of e.sources) expect(url).toMatch(SOURCE);
  });

  it("are held in the län of their venue, and organised by the page's local group, the network or the one the title names", () => {
    const orgs = new Map(data.organisations.map((o) => [o.id, o]));
    for (const e of data.events) {
      if (e.venue) expect(orgs.get(e.venue)?.regions).toContain(e.region);
      for (const id of e.organisers) {
        const organiser = orgs.get(id);
        const named = organiser !== undefined && `${e.name.sv} ${e.name.en}`.includes(organiser.name);
        expect(organiser?.kind === "local-group" || id === "civic-tech-sweden" || named, `${e.id}: ${id}`).toBe(true);
      }
    }
  });

  it("carry no synthetic marker and no personal data fields", () => {
    for (const e of data.events) {
      expect(e.synthetic).toBeUndefined();
      expect(Object.keys(e)).not.toContain("contact");
    }
  });
});
