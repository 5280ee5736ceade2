/** Pins the coverage input taken from the graph: an organisation works on its own topics and its projects' topics. */
import { describe, expect, it } from "vitest";
import { coverageInput } from "../../../server/coverage/coverage-input";
import { buildGraph } from "../../../server/graph/build";
import { buildMatchIndex } from "../../../server/match/match-index";
import { smallDataset } from "../../fixtures/dataset";

describe("coverageInput", () => {
  const graph = buildGraph(smallDataset());
  const input = coverageInput(graph, buildMatchIndex(graph));

  it("lists the län by code with their population and neighbours", () => {
    expect(input.regions.map((r) => [r.code, r.population.count, r.neighbours])).toEqual([
      ["01", 100_000, ["03"]],
      ["03", 100_000, ["01"]],
      ["14", 100_000, []],
    ]);
  });

  it("gives an organisation the topics of its projects as well as its own", () => {
    const digidem = input.organisations.find((o) => o.id === "digidem-lab");
    expect([...(digidem?.topics ?? [])].sort()).toEqual(["open-data", "participation"]);
    expect(digidem).toMatchObject({ kind: "cooperative", regions: ["14"], national: false });
  });

  it("keeps projects' län, topics and national scope", () => {
    expect(input.projects.find((p) => p.id === "open-up")).toMatchObject({ national: true, regions: [] });
    expect(input.projects.find((p) => p.id === "civic-tech-platform")).toMatchObject({ regions: ["01", "14"] });
  });
});
