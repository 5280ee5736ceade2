/** Pins the event schema, organisation ties and the data set's cross-reference checks for both. */
import { describe, expect, it } from "vitest";
import { findDatasetIssues } from "../../shared/schema/dataset";
import { EventSchema } from "../../shared/schema/event";
import { OrganisationSchema } from "../../shared/schema/organisation";
import { datasetWithEvents, event, organisation } from "../fixtures/dataset";

const paths = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.success ? [] : (result.error?.issues ?? []).map((i) => i.path.join("."));

describe("EventSchema", () => {
  it("accepts an online event and one at a place with its län", () => {
    expect(EventSchema.safeParse(event("online")).success).toBe(true);
    const placed = event("placed", { online: false, venue: "goto-10", city: "Stockholm", region: "01" });
    expect(EventSchema.safeParse(placed).success).toBe(true);
    // Hybrid: online and at a place.
    expect(EventSchema.safeParse({ ...placed, online: true }).success).toBe(true);
  });

  it("refuses an event neither online nor anywhere, and a place without its län", () => {
    expect(paths(EventSchema.safeParse(event("nowhere", { online: false })))).toEqual(["region"]);
    expect(paths(EventSchema.safeParse(event("city", { city: "Umeå" })))).toEqual(["region"]);
  });

  it("refuses an end before the start, an impossible date and a malformed one, naming the field", () => {
    expect(paths(EventSchema.safeParse(event("e", { startDate: "2020-05-02", endDate: "2020-05-01" })))).toEqual([
      "endDate",
    ]);
    expect(paths(EventSchema.safeParse(event("e", { startDate: "2021-02-30" })))).toEqual(["startDate"]);
    expect(paths(EventSchema.safeParse(event("e", { startDate: "2 May 2020" })))).toEqual(["startDate"]);
    expect(EventSchema.safeParse(event("e", { startDate: "2020-05-01", endDate: "2020-05-01" })).success).toBe(true);
  });

  it("refuses an unknown kind, an organiser also listed as partner, a missing Swedish name", () => {
    expect(paths(EventSchema.safeParse({ ...event("e"), kind: "party" }))).toEqual(["kind"]);
    expect(paths(EventSchema.safeParse(event("e", { organisers: ["a"], partners: ["a"] })))).toEqual(["partners"]);
    expect(paths(EventSchema.safeParse({ ...event("e"), name: { en: "Only English" } }))).toEqual(["name.sv"]);
  });
});

describe("organisation ties", () => {
  const tie = (relation: string, to: string) => ({ relation, organisation: to, sources: ["https://example.org/t"] });

  it("accepts ties of the three relations, each with a source", () => {
    const o = organisation("msi", { ties: [tie("part-of", "malmo-universitet"), tie("member-of", "nosad")] as never });
    expect(OrganisationSchema.safeParse(o).success).toBe(true);
  });

  it("refuses a tie to itself, a repeated tie, an unknown relation and a tie without a source", () => {
    expect(paths(OrganisationSchema.safeParse(organisation("x", { ties: [tie("part-of", "x")] as never })))).toEqual([
      "ties",
    ]);
    const twice = [tie("member-of", "y"), tie("partner-of", "y")];
    expect(paths(OrganisationSchema.safeParse(organisation("x", { ties: twice as never })))).toEqual(["ties"]);
    expect(paths(OrganisationSchema.safeParse(organisation("x", { ties: [tie("owns", "y")] as never })))).toEqual([
      "ties.0.relation",
    ]);
    const unsourced = [{ relation: "member-of", organisation: "y", sources: [] }];
    expect(paths(OrganisationSchema.safeParse(organisation("x", { ties: unsourced as never })))).toEqual([
      "ties.0.sources",
    ]);
  });
});

describe("findDatasetIssues with events and ties", () => {
  it("finds nothing wrong in a consistent data set", () => {
    expect(findDatasetIssues(datasetWithEvents())).toEqual([]);
  });

  it("names an event's unknown organiser, venue, län and topic, and a tie to an unknown organisation", () => {
    const data = datasetWithEvents();
    data.events.push(
      event("broken", {
        online: false,
        venue: "no-venue",
        region: "99",
        organisers: ["no-group"],
        topics: ["no-topic"],
      }),
    );
    data.organisations.push(
      organisation("lonely", {
        ties: [{ relation: "member-of", organisation: "ghost", sources: ["https://example.org/t"] }],
      }),
    );
    expect(findDatasetIssues(data).map((i) => `${i.part} ${i.id} ${i.field}: ${i.message}`)).toEqual([
      'organisations lonely ties.0.organisation: unknown organisation "ghost"',
      'events broken venue: unknown organisation "no-venue"',
      'events broken region: unknown region "99"',
      'events broken organisers: unknown organisation "no-group"',
      'events broken topics: unknown topic "no-topic"',
    ]);
  });
});
