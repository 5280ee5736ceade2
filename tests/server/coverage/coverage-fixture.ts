/** Tiny hand-made inputs for the coverage tests; the expected values in the tests are worked out by hand from these. */
import type { CoverageInput } from "../../../server/coverage/coverage-input";
import type { Dataset } from "../../../shared/schema/dataset";
import { organisation, project, region } from "../../fixtures/dataset";

const population = (count: number) => ({ population: { count, year: 2019 } });

/**
 * Three län (600 000, 300 000 and 100 000 inhabitants: shares 0.6, 0.3, 0.1), two topics.
 *   01: projects p1 (open-data), p2 (climate, also 03); organisations o1 (open-data), local group o2 (both topics, also 03)
 *   03: project p2; organisations o2, o5 (national too, open-data)
 *   14: only the funder o3, which never counts
 *   national: project p3 (open-data); organisations o4 (climate), o5
 */
export function coverageInputFixture(): CoverageInput {
  const r = (code: string, sv: string, neighbours: string[], count: number) => {
    const { iso: _iso, sources: _sources, ...rest } = region(code, sv, neighbours, population(count));
    return rest;
  };
  return {
    regions: [
      r("01", "Stockholm", ["03"], 600_000),
      r("03", "Uppsala", ["01", "14"], 300_000),
      r("14", "Väst", ["03"], 100_000),
    ],
    topics: [
      { id: "open-data", label: { sv: "Öppna data", en: "Open data" } },
      { id: "climate", label: { sv: "Klimat", en: "Climate" } },
    ],
    organisations: [
      { id: "o1", kind: "association", regions: ["01"], national: false, topics: ["open-data"] },
      { id: "o2", kind: "local-group", regions: ["01", "03"], national: false, topics: ["open-data", "climate"] },
      { id: "o3", kind: "funder", regions: ["14"], national: true, topics: ["open-data"] },
      { id: "o4", kind: "association", regions: [], national: true, topics: ["climate"] },
      { id: "o5", kind: "company", regions: ["03"], national: true, topics: ["open-data"] },
    ],
    projects: [
      { id: "p1", regions: ["01"], national: false, topics: ["open-data"] },
      { id: "p2", regions: ["01", "03"], national: false, topics: ["climate"] },
      { id: "p3", regions: [], national: true, topics: ["open-data"] },
    ],
    // 01: one meetup on open data in 2018 and one on climate in 2025; 03 an online lab only; 14 none.
    events: [
      { id: "e1", region: "01", startDate: "2018-09-02", topics: ["open-data"] },
      { id: "e2", region: "01", startDate: "2025-10-23", topics: ["climate"] },
      { id: "e3", region: undefined, startDate: "2025-01-01", topics: ["open-data"] },
    ],
  };
}

/**
 * For "who could fill (14, open-data)": 14's neighbour is 03 (and 03's are 01 and 14).
 *   near-a, near-z (03, open-data): from a neighbour; near-z also has a project on open-data (experience)
 *   near-b (local group in 03, open-data): from a neighbour, and has worked with local-c, who is in 14
 *   national-d (national, open-data); far-e (01, open-data: not a neighbour of 14); funder-f (national funder)
 *   local-c (14, climate) and in-g (14, open-data) are already in the län; off-h (03) has no open-data
 */
export function fillersDataset(): Dataset {
  const t = (id: string, sv: string, en: string) => ({ id, label: { sv, en } });
  return {
    regions: [
      region("01", "Stockholm", ["03"], population(600_000)),
      region("03", "Uppsala", ["01", "14"], population(300_000)),
      region("14", "Väst", ["03"], population(100_000)),
    ],
    topics: [t("open-data", "Öppna data", "Open data"), t("climate", "Klimat", "Climate")],
    skills: [],
    organisations: [
      organisation("near-a", { name: "Alfa nära", regions: ["03"], topics: ["open-data"] }),
      organisation("near-z", { name: "Zeta nära", regions: ["03"], topics: ["open-data"] }),
      organisation("near-b", { name: "Beta nära", kind: "local-group", regions: ["03"], topics: ["open-data"] }),
      organisation("local-c", { name: "Lokal C", regions: ["14"], topics: ["climate"] }),
      organisation("national-d", { name: "Nationell D", national: true, topics: ["open-data"] }),
      organisation("far-e", { name: "Fjärran E", regions: ["01"], topics: ["open-data"] }),
      organisation("funder-f", { name: "Finansiär F", kind: "funder", national: true, topics: ["open-data"] }),
      organisation("in-g", { name: "Inne G", regions: ["14"], topics: ["open-data"] }),
      organisation("off-h", { name: "Utanför H", regions: ["03"], topics: ["climate"] }),
    ],
    fundingCalls: [],
    events: [],
    projects: [
      project("q", { lead: "local-c", partners: ["near-b"], topics: ["climate"], regions: ["14"] }),
      project("r", { lead: "near-z", topics: ["open-data"], regions: ["03"] }),
    ],
  };
}
