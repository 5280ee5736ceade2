/** Turns a suggestion's evidence into readable sentences in the current language ("Delar 2 ämnen: öppna data, deltagande"). */
import type { TFunction } from "i18next";
import type { Evidence, EvidenceItem, RegionEvidence } from "../../../shared/schema/match";
import type { Lang } from "../../state/url-state";

/**
 * Who "you" are in the sentences: the project looking for partners, the organisation looking for projects, a project
 * compared, or a coverage gap (a topic missing in a län) that an organisation could fill.
 */
export type Perspective = "partner" | "project" | "similar" | "gap";

/** Lower-cases a label's first letter inside a sentence, unless it is an acronym ("AI-policy" stays). */
export function inSentence(label: string): string {
  const [first = "", second = ""] = label;
  return second && second === second.toLowerCase() ? first.toLowerCase() + label.slice(1) : label;
}

function list(items: EvidenceItem[], lang: Lang, lowerCase: boolean): string {
  const names = items.map((i) => (lowerCase ? inSentence(i.label[lang]) : i.label[lang]));
  return new Intl.ListFormat(lang === "sv" ? "sv" : "en-GB", { type: "conjunction" }).format(names);
}

const REGION_KEYS: Record<"complement" | "nearby" | "project" | "gap", Record<RegionEvidence["via"], string>> = {
  complement: { in: "regionInPartner", neighbour: "regionNeighbourPartner", national: "regionNationalPartner" },
  nearby: { in: "regionNearby", neighbour: "regionNeighbourNearby", national: "regionNationalNearby" },
  project: { in: "regionInProject", neighbour: "regionNeighbourProject", national: "regionNationalProject" },
  gap: { in: "regionInGap", neighbour: "regionNeighbourGap", national: "regionNationalGap" },
};

export function explain(evidence: Evidence, perspective: Perspective, lang: Lang, t: TFunction): string[] {
  const sentences: string[] = [];
  if (evidence.topics.length > 0) {
    const key = perspective === "gap" ? "match.reason.topicsGap" : "match.reason.topics";
    sentences.push(t(key, { count: evidence.topics.length, list: list(evidence.topics, lang, true) }));
  }
  if (evidence.skills.length > 0) {
    const key =
      perspective === "partner" ? "skillsPartner" : perspective === "project" ? "skillsProject" : "skillsSimilar";
    sentences.push(t(`match.reason.${key}`, { list: list(evidence.skills, lang, true) }));
  }
  if (perspective === "similar") {
    if (evidence.regions.length > 0)
      sentences.push(t("match.reason.regionSimilar", { list: list(evidence.regions, lang, false) }));
  } else {
    const keys = REGION_KEYS[perspective === "project" || perspective === "gap" ? perspective : evidence.geography];
    for (const via of ["in", "neighbour", "national"] as const) {
      const regions = evidence.regions.filter((r) => r.via === via);
      if (regions.length > 0) sentences.push(t(`match.reason.${keys[via]}`, { list: list(regions, lang, false) }));
    }
  }
  if (evidence.sharedPartners.length > 0) {
    const key = { partner: "networkPartner", project: "networkProject", similar: "networkSimilar", gap: "networkGap" }[
      perspective
    ];
    sentences.push(t(`match.reason.${key}`, { list: list(evidence.sharedPartners, lang, false) }));
  }
  return sentences;
}

/** The graph nodes that justify a suggestion: the evidence's topics, skills, län and shared partners. */
export function evidenceNodeKeys(evidence: Evidence): string[] {
  return [
    ...evidence.topics.map((x) => `topic:${x.id}`),
    ...evidence.skills.map((x) => `skill:${x.id}`),
    ...evidence.regions.map((x) => `region:${x.id}`),
    ...evidence.sharedPartners.map((x) => `organisation:${x.id}`),
  ];
}
