/**
 * Coverage numbers agree everywhere: the "At a glance" box (summary), the map, the tile map and the table (the
 * byRegion rows) and the heat-map (the matrix) are one computation, on the real seed, for every topic and for all.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { coverageByRegion } from "../../../server/coverage/by-region";
import { coverageInput } from "../../../server/coverage/coverage-input";
import { coverageMatrix } from "../../../server/coverage/matrix";
import { buildGraph } from "../../../server/graph/build";
import { buildMatchIndex } from "../../../server/match/match-index";
import { loadDataDir } from "../../../server/store/load-data-dir";

const graph = buildGraph(loadDataDir(join(import.meta.dirname, "..", "..", "..", "data")));
const input = coverageInput(graph, buildMatchIndex(graph));
const matrix = coverageMatrix(input);

describe("coverage numbers on the seed", () => {
  it.each([undefined, ...input.topics.map((t) => t.id)])("agree for topic %s", (topicId) => {
    const byRegion = coverageByRegion(input, topicId);
    const column = topicId === undefined ? -1 : matrix.topics.findIndex((t) => t.id === topicId);
    for (const row of byRegion.regions) {
      // The tile's and the map's number is the activity: projects + organisations.
      expect(row.activity).toBe(row.counts.projects + row.counts.organisations);
      if (column >= 0) {
        const cell = matrix.cells[matrix.regions.findIndex((r) => r.code === row.code)]?.[column];
        expect(cell?.counts, row.code).toEqual(row.counts);
        expect(cell?.activity, row.code).toBe(row.activity);
        expect(cell?.gap, row.code).toEqual(row.gap);
      }
    }
    // The summary lists exactly the dashed tiles (nothing at all), which are the heat-map's empty cells.
    const dashed = byRegion.regions.filter((r) => r.gap.status === "none").map((r) => r.code);
    expect([...byRegion.summary.empty].sort()).toEqual(dashed.sort());
    expect(byRegion.regions.filter((r) => r.activity === 0).map((r) => r.code)).toEqual(dashed);
    if (column >= 0) {
      const emptyCells = matrix.regions.filter((_r, i) => matrix.cells[i]?.[column]?.activity === 0).map((r) => r.code);
      expect(emptyCells.sort()).toEqual(dashed);
    }
  });

  it("says 10 län have nothing on open data, not Uppsala, whose tile shows 5 (the case of issue 16)", () => {
    const openData = coverageByRegion(input, "open-data");
    expect(openData.summary.empty).toHaveLength(10);
    expect(openData.summary.empty).not.toContain("03");
    expect(openData.regions.find((r) => r.code === "03")?.activity).toBe(5);
  });
});
