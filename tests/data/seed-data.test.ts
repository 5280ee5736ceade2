/**
 * Pins the real seed data in data/: it loads, every reference resolves, nothing is duplicated after normalising names,
 * everything carries a source and both languages, and no personal contact data slipped in.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildGraph } from "../../server/graph/build";
import { foldText, SearchIndex } from "../../server/graph/search-index";
import { loadDataDir } from "../../server/store/load-data-dir";
import { DATASET_FILES } from "../../shared/schema/dataset";

const dataDir = join(import.meta.dirname, "..", "..", "data");
const data = loadDataDir(dataDir);

/** Folds away case, diacritics, punctuation and legal-form words, so "Föreningen VoteIT" and "VoteIT AB" collide. */
function normaliseName(name: string): string {
  return foldText(name)
    .replace(/[^a-z0-9 ]+/g, " ")
    .split(/\s+/)
    .filter((w) => w && !["ab", "foreningen", "ideella", "forening", "ekonomisk", "the"].includes(w))
    .join(" ");
}

describe("seed data", () => {
  it("holds the whole ecosystem the facts name", () => {
    expect(data.regions).toHaveLength(21);
    expect(data.organisations.length).toBeGreaterThanOrEqual(60);
    expect(data.projects.length).toBeGreaterThanOrEqual(40);
    expect(data.topics.length).toBeGreaterThanOrEqual(20);
    expect(data.skills.length).toBeGreaterThanOrEqual(15);
    expect(data.fundingCalls.length).toBeGreaterThanOrEqual(4);
  });

  it("has the 21 län with one population year, summing to SCB's total for Sweden", () => {
    expect(new Set(data.regions.map((r) => r.population.year))).toEqual(new Set([2019]));
    expect(data.regions.reduce((sum, r) => sum + r.population.count, 0)).toBe(10_327_589);
    expect(data.regions.map((r) => r.code).sort()).toEqual([
      "01",
      "03",
      "04",
      "05",
      "06",
      "07",
      "08",
      "09",
      "10",
      "12",
      "13",
      "14",
      "17",
      "18",
      "19",
      "20",
      "21",
      "22",
      "23",
      "24",
      "25",
    ]);
  });

  it("has symmetric neighbours, and Gotland has none", () => {
    const byCode = new Map(data.regions.map((r) => [r.code, r]));
    for (const r of data.regions)
      for (const n of r.neighbours) expect(byCode.get(n)?.neighbours, `${r.code}→${n}`).toContain(r.code);
    expect(byCode.get("09")?.neighbours).toEqual([]);
  });

  it("leaves out both single-point contacts, 03–20 and 19–21, as data/README says", () => {
    const byCode = new Map(data.regions.map((r) => [r.code, r]));
    expect(byCode.get("03")?.neighbours).not.toContain("20");
    expect(byCode.get("19")?.neighbours).not.toContain("21");
    expect(byCode.get("19")?.neighbours).toEqual(["03", "04", "18", "20"]);
  });

  it("pins every civictech.se source to a commit, never to master or a folder", () => {
    const sources = [...data.organisations, ...data.projects, ...data.fundingCalls].flatMap((e) =>
      e.sources.map((s) => [e.id, s] as const),
    );
    const site = sources.filter(([, s]) => s.includes("github.com/civictechsweden/civictech.se"));
    expect(site.length).toBeGreaterThan(100);
    for (const [id, s] of site)
      expect(s, id).toMatch(/^https:\/\/github\.com\/civictechsweden\/civictech\.se\/blob\/[0-9a-f]{40}\/[^/]/);
  });

  it("keeps topic ids and skill ids apart, so a filter or link names one of them", () => {
    const skills = new Set(data.skills.map((s) => s.id));
    expect(data.topics.map((t) => t.id).filter((id) => skills.has(id))).toEqual([]);
  });

  it("has the relations the 2026-12 audit corrected", () => {
    const project = (id: string) => data.projects.find((p) => p.id === id);
    const organisation = (id: string) => data.organisations.find((o) => o.id === id);
    expect(project("handlingar")?.lead).toBe("civic-tech-sweden");
    expect(project("botkyrkadialogen")).toMatchObject({ lead: "botkyrka-kommun", startYear: 2019 });
    expect(project("nationell-kunskapsplattform-for-social-innovation")).toMatchObject({
      lead: "malmo-universitet",
      startYear: 2019,
      endYear: 2021,
    });
    expect(project("nationell-kunskapsplattform-for-social-innovation")?.partners).toContain("stockholms-universitet");
    expect(project("sharing-cities-sweden")).toMatchObject({
      lead: "lunds-universitet",
      startYear: 2017,
      endYear: 2020,
    });
    expect(project("sharing-cities-sweden")?.regions).toEqual(["01", "12", "14", "24"]);
    expect(project("civic-tech-platform")?.fundingCall).toBeUndefined();
    for (const id of ["digifysiska-vardkontakter", "plato"]) {
      expect(project(id)?.startYear, id).toBeUndefined();
      expect(project(id)?.endYear, id).toBeUndefined();
    }
    expect(project("medborgarnavet")?.startYear).toBeUndefined();
    expect(project("luftdata")?.topics).not.toContain("climate");
    expect(organisation("openheroines")?.regions).toEqual([]);
    for (const gone of ["foodfriendship", "handlingar-se", "code-for-sweden"])
      expect(organisation(gone), gone).toBeUndefined();
  });

  it("leaves at most 5 organisations without any link, each one named in data/README", () => {
    const graph = buildGraph(data);
    // A link is to another actor: a project, an organisation, an event or a funding call (not a topic or a län).
    const actors = new Set(["project", "organisation", "event", "funding-call"]);
    const unlinked = data.organisations
      .filter((o) => !graph.someNeighbor(`organisation:${o.id}`, (_key, a) => actors.has(a.kind)))
      .map((o) => o.id)
      .sort();
    expect(unlinked.length).toBeLessThanOrEqual(5);
    const readme = readFileSync(join(dataDir, "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("## Organisations without links"));
    for (const id of unlinked) expect(section).toContain(`\`${id}\``);
  });

  it("has every event on civictech.se, once, at a venue that is an organisation or online", () => {
    expect(data.events).toHaveLength(38);
    for (const e of data.events) expect(e.online || e.region !== undefined).toBe(true);
    const hackathon = data.events.find((e) => e.name.sv === "Hackathon #2");
    expect(hackathon?.partners).toHaveLength(9);
    expect(hackathon?.venue).toBe("viktoriahuset");
  });

  it("has the Civic Tech Platform with Digidem Lab leading and its partners", () => {
    const platform = data.projects.find((p) => p.name === "Civic Tech Platform");
    expect(platform?.lead).toBe("digidem-lab");
    expect(platform?.partners.length).toBeGreaterThanOrEqual(6);
  });

  it("has the three local groups as organisations of kind local-group", () => {
    const groups = data.organisations.filter((o) => o.kind === "local-group").map((o) => o.name);
    expect(groups).toEqual(
      expect.arrayContaining(["Civic Tech Göteborg", "Civic Tech Stockholm", "Civic Tech Uppsala"]),
    );
  });

  it("has no two organisations, or two projects, with the same normalised name", () => {
    for (const list of [data.organisations, data.projects]) {
      const seen = new Map<string, string>();
      for (const e of list) {
        const key = normaliseName(e.name);
        expect(seen.get(key), `"${e.name}" duplicates "${seen.get(key)}"`).toBeUndefined();
        seen.set(key, e.name);
      }
    }
  });

  it("gives every organisation and project a summary in Swedish and English that differ where prose is involved", () => {
    for (const e of [...data.organisations, ...data.projects]) {
      expect(e.summary.sv.length, e.id).toBeGreaterThan(10);
      expect(e.summary.en.length, e.id).toBeGreaterThan(10);
      expect(e.summary.sv, e.id).not.toBe(e.summary.en);
    }
  });

  it("lets search find every organisation and project by its name, typed without diacritics", () => {
    const index = new SearchIndex(buildGraph(data));
    for (const [kind, list] of [
      ["organisation", data.organisations],
      ["project", data.projects],
    ] as const) {
      for (const e of list) {
        const hits = index.search(foldText(e.name), { limit: 5 }).map((h) => h.node.key);
        expect(hits, e.name).toContain(`${kind}:${e.id}`);
      }
    }
  });

  it("contains no synthetic entity", () => {
    expect([...data.organisations, ...data.projects, ...data.fundingCalls].filter((e) => e.synthetic)).toEqual([]);
  });

  it("contains no e-mail address or phone number anywhere", () => {
    for (const file of Object.values(DATASET_FILES)) {
      const text = readFileSync(join(dataDir, file), "utf8");
      expect(text.match(/[\w.+-]+@[\w-]+\.[\w.]+/g), file).toBeNull();
      expect(text.match(/(?:\+46|\b0\d{1,3})[- ]?\d{2,3}[- ]?\d{2}[- ]?\d{2}\b/g), file).toBeNull();
      expect(text.match(/"(contact|email|e-mail|phone|telefon|person)"/gi), file).toBeNull();
    }
  });
});
