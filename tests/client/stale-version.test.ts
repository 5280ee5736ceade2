/** "Reload and keep my changes": the current record with exactly the fields I changed put back on top. */
import { describe, expect, it } from "vitest";
import { keepMine } from "../../client/features/history/stale-version";
import { changedFields } from "../../shared/changed-fields";
import { project } from "../fixtures/dataset";

describe("changedFields", () => {
  it("names top-level fields and one level into objects, treating missing and undefined alike", () => {
    const before = project("p", { summary: { sv: "a", en: "b" }, topics: ["x"] });
    const after = { ...before, summary: { sv: "a", en: "c" }, topics: ["x", "y"], website: undefined };
    expect(changedFields(before, after)).toEqual(["summary.en", "topics"]);
    expect(changedFields(before, before)).toEqual([]);
    expect(changedFields(null, { name: "n" })).toEqual(["name"]);
  });
});

describe("keepMine", () => {
  it("keeps their changes, puts mine back, and mine win where both changed a field", () => {
    const base = project("p", { name: "Old", startYear: 2020, summary: { sv: "sv", en: "en" } });
    const mine = { ...base, startYear: 2019, summary: { sv: "mitt", en: "en" }, name: "Mine" };
    const theirs = { ...base, name: "Theirs", summary: { sv: "sv", en: "their en" }, endYear: 2022 };
    const { merged, mine: fields } = keepMine(base, mine, theirs);
    expect(fields).toEqual(["name", "summary.sv", "startYear"]);
    expect(merged).toEqual({ ...theirs, name: "Mine", startYear: 2019, summary: { sv: "mitt", en: "their en" } });
  });

  it("removes a field I cleared", () => {
    const base = project("p", { website: "https://example.org" });
    const { website: _w, ...mine } = base;
    expect(keepMine(base, mine, { ...base, name: "Theirs" }).merged).not.toHaveProperty("website");
  });
});
