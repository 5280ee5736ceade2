/** Pins the gap score (population share minus activity share, in points), its status, per-capita figures and ranking. */
import { describe, expect, it } from "vitest";
import { compareGaps, gapOf, gapRanks, perCapita } from "../../../server/coverage/gap-score";

describe("gapOf", () => {
  it("is the population share minus the activity share, in percentage points", () => {
    // 10 % of the people, 4 of 100 activities: lacks 6 points.
    const gap = gapOf(100_000, 4, 1_000_000, 100);
    expect(gap.populationShare).toBeCloseTo(0.1);
    expect(gap.activityShare).toBeCloseTo(0.04);
    expect(gap.score).toBeCloseTo(6);
    expect(gap.status).toBe("below");
  });

  it("is zero, status fair, at or above the län's share", () => {
    expect(gapOf(100_000, 10, 1_000_000, 100)).toMatchObject({ score: 0, status: "fair" });
    expect(gapOf(100_000, 30, 1_000_000, 100)).toMatchObject({ score: 0, status: "fair" });
  });

  it("is the whole population share, status none, when nothing is there (also when nothing is anywhere)", () => {
    expect(gapOf(250_000, 0, 1_000_000, 100)).toMatchObject({ score: 25, status: "none", activityShare: 0 });
    expect(gapOf(250_000, 0, 1_000_000, 0)).toMatchObject({ score: 25, status: "none", activityShare: 0 });
  });
});

describe("perCapita", () => {
  it("gives counts per 100 000 inhabitants", () => {
    expect(perCapita({ projects: 3, organisations: 1, localGroups: 0 }, 200_000)).toEqual({
      projects: 1.5,
      organisations: 0.5,
      localGroups: 0,
    });
  });
});

describe("ranking", () => {
  const item = (activity: number, population: number, total = 1_000_000, totalActivity = 100) => ({
    activity,
    gap: gapOf(population, activity, total, totalActivity),
  });

  it("puts an empty cell before a non-empty one even when the other's gap score is larger", () => {
    const emptySmall = item(0, 50_000); // gap 5
    const thinBig = item(10, 400_000); // gap 30
    expect(compareGaps(emptySmall, thinBig)).toBeLessThan(0);
  });

  it("orders empty cells by population, the rest by gap score, ties by the tie-break", () => {
    const items = [item(5, 200_000), item(0, 50_000), item(20, 300_000), item(0, 100_000), item(5, 200_000)];
    // gaps: 15, 5 (empty), 10, 10 (empty), 15
    expect(gapRanks(items)).toEqual([3, 2, 5, 1, 4]);
    expect(gapRanks(items, (a, b) => Number(a === items[0]) - Number(b === items[0]))).toEqual([4, 2, 5, 1, 3]);
  });
});
