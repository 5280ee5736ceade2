/** A data set built so that each candidate partner of project "p" shows exactly one matching term. */
import type { Dataset } from "../../../shared/schema/dataset";
import { organisation, project, region } from "../../fixtures/dataset";

export function matchDataset(): Dataset {
  return {
    regions: [
      region("01", "Stockholm", []),
      region("14", "Göteborg", []),
      region("24", "Västerbotten", ["25"]),
      region("25", "Norrbotten", ["24"]),
    ],
    topics: [
      { id: "open-data", label: { sv: "Öppna data", en: "Open data" } },
      { id: "participation", label: { sv: "Deltagande", en: "Participation" } },
      { id: "climate", label: { sv: "Klimat", en: "Climate" } },
    ],
    skills: [
      { id: "facilitation", label: { sv: "Facilitering", en: "Facilitation" } },
      { id: "ux-design", label: { sv: "UX-design", en: "UX design" } },
    ],
    organisations: [
      organisation("lead-a", { regions: ["01"], skills: ["facilitation"] }),
      organisation("topics-b", { regions: ["14"], topics: ["open-data", "participation"] }),
      organisation("skills-c", { regions: ["14"], skills: ["ux-design"], kind: "company" }),
      organisation("north-d", { regions: ["25"] }),
      organisation("neighbour-e", { regions: ["24"] }),
      organisation("national-f", { national: true, kind: "agency" }),
      organisation("colleague-g", { regions: ["14"] }),
      organisation("stranger-h", { regions: ["14"], topics: ["climate"] }),
    ],
    fundingCalls: [],
    events: [],
    projects: [
      project("p", {
        lead: "lead-a",
        topics: ["open-data", "participation"],
        skillsNeeded: ["ux-design", "facilitation"],
        regions: ["25", "01"],
      }),
      project("q", { lead: "lead-a", partners: ["colleague-g"], topics: ["climate"] }),
    ],
  };
}
