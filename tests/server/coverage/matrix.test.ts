/** Pins the län × topic matrix: order of rows and columns, each cell's counts and gap, and the gap rank within a län. */
import { describe, expect, it } from "vitest";
import { coverageMatrix } from "../../../server/coverage/matrix";
import { coverageInputFixture } from "./coverage-fixture";

const m = coverageMatrix(coverageInputFixture());
const cell = (code: string, topic: string) =>
  m.cells[m.regions.findIndex((r) => r.code === code)]?.[m.topics.findIndex((t) => t.id === topic)];

describe("coverageMatrix", () => {
  it("puts the most populous län first and the most active topic first", () => {
    expect(m.regions.map((r) => r.code)).toEqual(["01", "03", "14"]);
    expect(m.topics.map((t) => [t.id, t.activity])).toEqual([
      ["open-data", 5],
      ["climate", 4],
    ]);
    expect(m.topics[0]?.national).toEqual({ projects: 1, organisations: 1, localGroups: 0 });
  });

  it("gives each cell its counts and its gap inside the topic", () => {
    expect(cell("01", "open-data")).toMatchObject({
      counts: { projects: 1, organisations: 2, localGroups: 1 },
      activity: 3,
      gap: { score: 0, status: "fair" },
    });
    expect(cell("01", "climate")?.gap.score).toBeCloseTo(10); // 0.6 of the people, 2 of 4
    expect(cell("14", "climate")).toMatchObject({ activity: 0, gap: { status: "none" } });
    expect(cell("14", "climate")?.gap.score).toBeCloseTo(10);
  });

  it("ranks a län's topics: empty first, then by gap, equal gaps by the topic's activity elsewhere", () => {
    expect([cell("01", "climate")?.rankInRegion, cell("01", "open-data")?.rankInRegion]).toEqual([1, 2]);
    expect([cell("14", "open-data")?.rankInRegion, cell("14", "climate")?.rankInRegion]).toEqual([1, 2]);
    expect([cell("03", "open-data")?.rankInRegion, cell("03", "climate")?.rankInRegion]).toEqual([1, 2]);
  });
});
