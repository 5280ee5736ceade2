/** Pins the link format: every part of the view survives a round trip, bad values are dropped, defaults are omitted. */
import { describe, expect, it } from "vitest";
import {
  DEFAULT_STATE,
  EMPTY_FILTERS,
  filterParams,
  readUrlState,
  type UrlState,
  writeUrlState,
  yearsReversed,
} from "../../client/state/url-state";

describe("url state", () => {
  it("reads an empty query as the default view", () => {
    expect(readUrlState("")).toEqual(DEFAULT_STATE);
    expect(writeUrlState(DEFAULT_STATE)).toBe("");
  });

  it("round-trips a full view", () => {
    const state: UrlState = {
      view: "list",
      lang: "en",
      selected: "organisation:digidem-lab",
      filters: {
        kinds: ["project", "organisation"],
        topics: ["open-data"],
        skills: ["facilitation"],
        regions: ["25", "01"],
        orgKinds: ["cooperative"],
        status: ["completed"],
        eventKinds: ["hackathon"],
        yearFrom: 2019,
        yearTo: 2021,
      },
      focus: "project:civic-tech-platform",
      hops: 2,
      layout: "geographic",
      size: "pagerank",
      embed: true,
      region: "25",
      topic: "open-data",
      weights: { topics: 2, skills: 0, geography: 1.5, network: 0.5 },
      geography: "nearby",
    };
    expect(readUrlState(writeUrlState(state))).toEqual(state);
  });

  it("drops values it does not understand instead of failing", () => {
    const s = readUrlState(
      "?view=moon&lang=fr&node=<script>&kinds=project,planet&regions=1,25&hops=9&layout=spiral&from=abc",
    );
    expect(s.view).toBe("graph");
    expect(s.lang).toBe("sv");
    expect(s.selected).toBeUndefined();
    expect(s.filters.kinds).toEqual(["project"]);
    expect(s.filters.regions).toEqual(["25"]);
    expect(s.hops).toBe(1);
    expect(s.layout).toBe("force");
    expect(s.filters.yearFrom).toBeUndefined();
    expect(readUrlState("?w=1,2,3").weights).toEqual(DEFAULT_STATE.weights);
    expect(readUrlState("?w=1,2,3,9").weights).toEqual(DEFAULT_STATE.weights);
  });

  it("carries the node size measure, dropping one it does not know", () => {
    expect(readUrlState("?size=pagerank").size).toBe("pagerank");
    expect(readUrlState("?size=betweenness").size).toBe("betweenness");
    expect(writeUrlState({ ...DEFAULT_STATE, size: "betweenness" })).toBe("?size=betweenness");
    // The default is left out of the link; an unknown, empty or doubled value means the default.
    expect(writeUrlState({ ...DEFAULT_STATE, size: "degree" })).toBe("");
    for (const bad of ["?size=closeness", "?size=", "?size=PageRank", "?size=pagerank,degree"])
      expect(readUrlState(bad).size, bad).toBe("degree");
    expect(readUrlState("?size=closeness&layout=concentric").layout).toBe("concentric");
  });

  it("reads a reversed year range as given, flags it, and carries it neither in a link nor an export query", () => {
    const s = readUrlState("?from=2030&to=2020");
    expect([s.filters.yearFrom, s.filters.yearTo]).toEqual([2030, 2020]);
    expect(yearsReversed(s.filters)).toBe(true);
    expect(filterParams(s.filters).toString()).toBe("");
    expect(yearsReversed({ ...EMPTY_FILTERS, yearFrom: 2020, yearTo: 2020 })).toBe(false);
    expect(filterParams({ ...EMPTY_FILTERS, yearFrom: 2020, yearTo: 2030 }).toString()).toBe("from=2020&to=2030");
  });

  it("keeps unrelated parameters of the current URL", () => {
    expect(writeUrlState({ ...DEFAULT_STATE, lang: "en" }, "?utm=x")).toBe("?utm=x&lang=en");
  });
});
