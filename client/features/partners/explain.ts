/** Turns a suggestion's evidence into readable sentences in the current language ("Delar 2 ämnen: öppna data, deltagande"). */
import type { TFunction } from "i18next";
import type { Evidence, EvidenceItem, RegionEvidence, Suggestion, TopicEvidence } from "../../../shared/schema/match";
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

/**
 * Topic sentences that say how direct the evidence is: "Arbetar med öppna data" for the organisation's own topics,
 * "Har arbetat med öppna data i projektet Civic Tech Platform" for those it has only through a project (one
 * sentence per project). Similar projects compare the projects' own topics: "Delar 2 ämnen".
 */
function topicSentences(topics: TopicEvidence[], perspective: Perspective, lang: Lang, t: TFunction): string[] {
  if (topics.length === 0) return [];
  if (perspective === "similar")
    return [t("match.reason.topics", { count: topics.length, list: list(topics, lang, true) })];
  const side = perspective === "project" ? "Project" : "";
  const sentences: string[] = [];
  const direct = topics.filter((x) => x.direct);
  if (direct.length > 0) sentences.push(t(`partners.reason.topicsDirect${side}`, { list: list(direct, lang, true) }));
  const byProject = new Map<string, TopicEvidence[]>();
  for (const x of topics) {
    if (x.direct || !x.project) continue;
    byProject.set(x.project.id, [...(byProject.get(x.project.id) ?? []), x]);
  }
  for (const group of byProject.values()) {
    const project = group[0]?.project?.label[lang] ?? "";
    sentences.push(t(`partners.reason.topicsInherited${side}`, { list: list(group, lang, true), project }));
  }
  return sentences;
}

export function explain(evidence: Evidence, perspective: Perspective, lang: Lang, t: TFunction): string[] {
  const sentences: string[] = topicSentences(evidence.topics, perspective, lang, t);
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
  // Optional: answers cached by an older server carry no events.
  const events = evidence.sharedEvents ?? [];
  if (events.length > 0) {
    const key = perspective === "project" ? "networkEventProject" : "networkEvent";
    sentences.push(t(`match.reason.${key}`, { list: list(events, lang, false) }));
  }
  return sentences;
}

/** explain() plus, for a candidate moved down for variety, whose reasons it repeats. */
export function explainSuggestion(s: Suggestion, perspective: Perspective, lang: Lang, t: TFunction): string[] {
  const sentences = explain(s.evidence, perspective, lang, t);
  if (s.sameEvidenceAs) sentences.push(t("partners.reason.sameEvidence", { name: s.sameEvidenceAs.label[lang] }));
  return sentences;
}

/** The graph nodes that justify a suggestion: the evidence's topics, skills, län and shared partners. */
export function evidenceNodeKeys(evidence: Evidence): string[] {
  return [
    ...evidence.topics.map((x) => `topic:${x.id}`),
    ...evidence.skills.map((x) => `skill:${x.id}`),
    ...evidence.regions.map((x) => `region:${x.id}`),
    ...evidence.sharedPartners.map((x) => `organisation:${x.id}`),
    ...(evidence.sharedEvents ?? []).map((x) => `event:${x.id}`),
  ];
}
