/** Pins what counts where: län, national scope, local groups, topics, and that funders never count. */
import { describe, expect, it } from "vitest";
import { countsIn, nationalCounts, tally } from "../../../server/coverage/tally";
import { coverageInputFixture } from "./coverage-fixture";

const t = tally(coverageInputFixture());

describe("tally", () => {
  it("counts each project in every län it covers and each organisation in every län it is active in", () => {
    expect(countsIn(t, "01")).toEqual({ projects: 2, organisations: 2, localGroups: 1 });
    expect(countsIn(t, "03")).toEqual({ projects: 1, organisations: 2, localGroups: 1 });
  });

  it("never counts a funder, so a län with only a funder is empty", () => {
    expect(countsIn(t, "14")).toEqual({ projects: 0, organisations: 0, localGroups: 0 });
  });

  it("counts national projects and organisations once, separately (a national one with a län counts in both)", () => {
    expect(nationalCounts(t)).toEqual({ projects: 1, organisations: 2, localGroups: 0 });
  });

  it("counts per topic", () => {
    expect(countsIn(t, "01", "open-data")).toEqual({ projects: 1, organisations: 2, localGroups: 1 });
    expect(countsIn(t, "03", "open-data")).toEqual({ projects: 0, organisations: 2, localGroups: 1 });
    expect(countsIn(t, "01", "climate")).toEqual({ projects: 1, organisations: 1, localGroups: 1 });
    expect(countsIn(t, "14", "climate")).toEqual({ projects: 0, organisations: 0, localGroups: 0 });
    expect(nationalCounts(t, "open-data")).toEqual({ projects: 1, organisations: 1, localGroups: 0 });
    expect(nationalCounts(t, "climate")).toEqual({ projects: 0, organisations: 1, localGroups: 0 });
  });

  it("answers zero for an unknown län or topic", () => {
    expect(countsIn(t, "99")).toEqual({ projects: 0, organisations: 0, localGroups: 0 });
    expect(countsIn(t, "01", "no-such-topic")).toEqual({ projects: 0, organisations: 0, localGroups: 0 });
  });
});
