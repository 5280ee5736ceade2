/**
 * Pins the reasons told to the organisation a contact request goes to: the same evidence as the project's sentences,
 * but "ni/you" is the organisation and the project is named as such ("Projektet saknar Norrbotten, som ni täcker"),
 * in Swedish and English; nothing addressed to the project ("som ni saknar", "which you lack") is left.
 */
import { describe, expect, it } from "vitest";
import { partnerReasons } from "../../../server/export/partner-reasons";
import type { Evidence } from "../../../shared/schema/match";

const label = (sv: string, en = sv) => ({ sv, en });
const evidence = (geography: Evidence["geography"]): Evidence => ({
  topics: [
    { id: "open-data", label: label("Öppna data", "Open data"), direct: true, credit: 1 },
    {
      id: "health",
      label: label("Hälso- och sjukvård", "Health care"),
      direct: false,
      project: { id: "ctp", label: label("Civic Tech Platform") },
      credit: 0.1,
    },
  ],
  skills: [{ id: "ux", label: label("UX-design", "UX design") }],
  regions: [
    { id: "25", label: label("Norrbottens län", "Norrbotten County"), via: "in" },
    { id: "03", label: label("Uppsala län", "Uppsala County"), via: "neighbour" },
  ],
  geography,
  sharedPartners: [{ id: "rise", label: label("RISE") }],
  sharedEvents: [{ id: "hackathon-2", label: label("Hackathon #2") }],
});

describe("partnerReasons told to the organisation", () => {
  it("phrases a complement from the organisation's side, in Swedish", () => {
    expect(partnerReasons(evidence("complement"), "sv", "organisation")).toEqual([
      "Ni arbetar med öppna data, liksom projektet",
      "Ni har arbetat med hälso- och sjukvård i projektet Civic Tech Platform",
      "Ni erbjuder UX-design, som projektet behöver",
      "Projektet saknar Norrbottens län, som ni täcker",
      "Projektet saknar Uppsala län, och ni verkar i grannlän",
      "Ni och projektet har båda arbetat med RISE",
      "Ni och projektet var båda med på Hackathon #2",
    ]);
  });

  it("phrases it in English, and nearby län too", () => {
    expect(partnerReasons(evidence("complement"), "en", "organisation")).toContain(
      "The project lacks Norrbotten County, which you cover",
    );
    expect(partnerReasons(evidence("nearby"), "en", "organisation")).toContain(
      "You are active in Norrbotten County, where the project is",
    );
  });

  it("leaves nothing addressed to the project, while the project's own sentences stay as they were", () => {
    for (const lang of ["sv", "en"] as const) {
      for (const geography of ["complement", "nearby"] as const) {
        const told = partnerReasons(evidence(geography), lang, "organisation").join("\n");
        expect(told).not.toMatch(/som ni (saknar|behöver)|där ni finns|which you (lack|need)|where you are/);
      }
    }
    expect(partnerReasons(evidence("complement"), "sv")).toContain("Verkar i Norrbottens län, som ni saknar");
  });
});
