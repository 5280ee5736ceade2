/** Pins coverage per län on the hand-made input: counts, per-capita figures, gap scores and ranks, overall and per topic. */
import { describe, expect, it } from "vitest";
import { coverageByRegion } from "../../../server/coverage/by-region";
import { NotFoundError } from "../../../shared/errors";
import { coverageInputFixture } from "./coverage-fixture";

const input = coverageInputFixture();
const rows = (topicId?: string) => Object.fromEntries(coverageByRegion(input, topicId).regions.map((r) => [r.code, r]));

describe("coverageByRegion", () => {
  it("throws a not-found error naming an unknown topic", () => {
    expect(() => coverageByRegion(input, "nope")).toThrow(NotFoundError);
    expect(() => coverageByRegion(input, "nope")).toThrow('No topic with id "nope"');
  });

  it("counts per län with per-capita figures per 100 000 inhabitants", () => {
    const r = rows();
    expect(r["01"]?.counts).toEqual({ projects: 2, organisations: 2, localGroups: 1 });
    expect(r["01"]?.perCapita.projects).toBeCloseTo(2 / 6); // 2 per 600 000
    expect(r["01"]?.perCapita.localGroups).toBeCloseTo(1 / 6);
    expect(r["03"]?.perCapita.organisations).toBeCloseTo(2 / 3); // 2 per 300 000
    expect(r["01"]?.activity).toBe(4);
    expect(r["14"]?.activity).toBe(0);
  });

  it("scores the gap as population share minus activity share, and ranks the empty län first", () => {
    const r = rows();
    // Activity 4 / 3 / 0 of 7; population shares 0.6 / 0.3 / 0.1.
    expect(r["01"]?.gap.activityShare).toBeCloseTo(4 / 7);
    expect(r["01"]?.gap.score).toBeCloseTo((0.6 - 4 / 7) * 100); // 2.857
    expect(r["01"]?.gap.status).toBe("below");
    expect(r["03"]?.gap).toMatchObject({ score: 0, status: "fair" });
    expect(r["14"]?.gap.score).toBeCloseTo(10);
    expect(r["14"]?.gap.status).toBe("none");
    expect([r["14"]?.rank, r["01"]?.rank, r["03"]?.rank]).toEqual([1, 2, 3]);
  });

  it("keeps national projects and organisations apart, with totals over the län", () => {
    const all = coverageByRegion(input);
    expect(all.national).toEqual({ projects: 1, organisations: 2, localGroups: 0 });
    expect(all.totals).toEqual({
      population: 1_000_000,
      activity: 7,
      counts: { projects: 3, organisations: 4, localGroups: 2 },
    });
    expect(all.regions.map((r) => r.code)).toEqual(["01", "03", "14"]);
    expect(all.topic).toBeUndefined();
  });

  it("restricts everything to a topic, shares included", () => {
    const climate = coverageByRegion(input, "climate");
    expect(climate.topic?.id).toBe("climate");
    expect(climate.national).toEqual({ projects: 0, organisations: 1, localGroups: 0 });
    const r = Object.fromEntries(climate.regions.map((x) => [x.code, x]));
    // Climate activity 2 / 2 / 0 of 4: 01 has 0.5 of it for 0.6 of the people.
    expect(r["01"]?.counts).toEqual({ projects: 1, organisations: 1, localGroups: 1 });
    expect(r["01"]?.gap.score).toBeCloseTo(10);
    expect(r["03"]?.gap).toMatchObject({ score: 0, status: "fair" });
    // 14 and 01 both lack 10 points; the empty one comes first.
    expect(r["14"]?.gap.score).toBeCloseTo(10);
    expect([r["14"]?.rank, r["01"]?.rank, r["03"]?.rank]).toEqual([1, 2, 3]);
  });

  it("breaks a tie of equal gaps by population", () => {
    const r = rows("open-data");
    // Open data 3 / 2 / 0 of 5: 01 and 03 both at or above their share (gap 0); 01 is the more populous.
    expect(r["01"]?.gap.score).toBe(0);
    expect(r["03"]?.gap.score).toBe(0);
    expect([r["14"]?.rank, r["01"]?.rank, r["03"]?.rank]).toEqual([1, 2, 3]);
  });
});

describe("events per län", () => {
  const today = new Date("2026-12-07T10:00:00Z");

  it("counts events held in each län, those of the last three years, and the latest date; online ones in none", () => {
    const result = coverageByRegion(input, undefined, today);
    const r = Object.fromEntries(result.regions.map((x) => [x.code, x.events]));
    expect(result.summary.eventsSince).toBe("2023-12-07");
    expect(r["01"]).toEqual({ recent: 1, total: 2, last: "2025-10-23" });
    expect(r["03"]).toEqual({ recent: 0, total: 0 });
    expect(result.summary.neverMet).toEqual(["03", "14"]);
  });

  it("keeps to the topic asked for", () => {
    const result = coverageByRegion(input, "open-data", today);
    expect(result.regions.find((x) => x.code === "01")?.events).toEqual({ recent: 0, total: 1, last: "2018-09-02" });
    expect(coverageByRegion(input, "climate", today).regions.find((x) => x.code === "01")?.events.recent).toBe(1);
  });

  it("counts the last three years from the day asked", () => {
    const later = coverageByRegion(input, undefined, new Date("2028-10-24T00:00:00Z"));
    expect(later.regions.find((x) => x.code === "01")?.events.recent).toBe(0);
  });
});
