/** Pins the domain schemas: what they accept, and that rejections name the field. */
import { describe, expect, it } from "vitest";
import { findDatasetIssues, formatDatasetIssue } from "../../shared/schema/dataset";
import { OrganisationSchema } from "../../shared/schema/organisation";
import { ProjectSchema } from "../../shared/schema/project";
import { RegionSchema } from "../../shared/schema/region";
import { TopicSchema } from "../../shared/schema/topic";
import { organisation, project, region, smallDataset } from "../fixtures/dataset";

const paths = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.error?.issues.map((i) => i.path.join(".")) ?? [];

describe("entity schemas", () => {
  it("accept a well-formed region, organisation and project", () => {
    expect(RegionSchema.safeParse(region("01", "Stockholm")).success).toBe(true);
    expect(OrganisationSchema.safeParse(organisation("digidem-lab")).success).toBe(true);
    expect(ProjectSchema.safeParse(project("civic-tech-platform")).success).toBe(true);
  });

  it("reject an entity without a source and name the field", () => {
    const result = OrganisationSchema.safeParse({ ...organisation("x"), sources: [] });
    expect(paths(result)).toEqual(["sources"]);
  });

  it("reject a non-http source URL", () => {
    const result = OrganisationSchema.safeParse({ ...organisation("x"), sources: ["ftp://example.org/x"] });
    expect(paths(result)).toEqual(["sources.0"]);
  });

  it("reject a missing English label", () => {
    const result = TopicSchema.safeParse({ id: "open-data", label: { sv: "Öppna data", en: "" } });
    expect(paths(result)).toEqual(["label.en"]);
  });

  it("reject an unknown organisation kind and a bad county code", () => {
    const result = OrganisationSchema.safeParse({ ...organisation("x"), kind: "guild", regions: ["1"] });
    expect(paths(result).sort()).toEqual(["kind", "regions.0"]);
  });

  it("reject a project that ends before it starts, or lists its lead as a partner", () => {
    expect(paths(ProjectSchema.safeParse(project("p", { startYear: 2021, endYear: 2020 })))).toEqual(["endYear"]);
    expect(paths(ProjectSchema.safeParse(project("p", { lead: "a", partners: ["a"] })))).toEqual(["partners"]);
  });

  it("reject ids that are not slugs", () => {
    expect(paths(OrganisationSchema.safeParse(organisation("Digidem Lab")))).toEqual(["id"]);
  });
});

describe("findDatasetIssues", () => {
  it("finds nothing in a consistent data set", () => {
    expect(findDatasetIssues(smallDataset())).toEqual([]);
  });

  it("names the file, entity and field of a dangling reference", () => {
    const data = smallDataset();
    data.projects[0] = { ...(data.projects[0] as (typeof data.projects)[0]), partners: ["no-such-org"] };
    const issues = findDatasetIssues(data);
    expect(issues).toHaveLength(1);
    expect(formatDatasetIssue(issues[0] as (typeof issues)[0])).toBe(
      'projects.json: projects[0] (id "civic-tech-platform"), field "partners": unknown organisation "no-such-org"',
    );
  });

  it("finds duplicate ids and self-neighbouring counties", () => {
    const data = smallDataset();
    data.organisations.push(organisation("vinnova"));
    data.regions.push(region("09", "Visby", ["09"]));
    const messages = findDatasetIssues(data).map((i) => `${i.part}:${i.field}:${i.message}`);
    expect(messages).toEqual([
      'organisations:id:duplicate id "vinnova"',
      "regions:neighbours:a county cannot neighbour itself",
    ]);
  });
});
