/**
 * A partner suggestion's reasons as sentences for a file (the shortlist CSV), in Swedish or English: the same
 * sentences the suggestions panel shows (client/features/partners/explain.ts, from the project's side), kept short.
 * `side: "organisation"` phrases the same evidence for the organisation written to ("Projektet saknar Norrbotten,
 * som ni täcker"), as the recipient of a contact request reads it.
 */
import type { Evidence, EvidenceItem, RegionEvidence, TopicEvidence } from "../../shared/schema/match";

export type FileLang = "sv" | "en";

type Via = RegionEvidence["via"];
const TEXT = {
  sv: {
    topicsDirect: (list: string) => `Arbetar med ${list}`,
    topicsInherited: (list: string, project: string) => `Har arbetat med ${list} i projektet ${project}`,
    skills: (list: string) => `Erbjuder ${list}, som ni behöver`,
    complement: {
      in: (list: string) => `Verkar i ${list}, som ni saknar`,
      neighbour: (list: string) => `Verkar i grannlän till ${list}, som ni saknar`,
      national: (list: string) => `Verkar nationellt och når ${list}, som ni saknar`,
    } satisfies Record<Via, (list: string) => string>,
    nearby: {
      in: (list: string) => `Verkar i ${list}, där ni finns`,
      neighbour: (list: string) => `Verkar i grannlän till ${list}, där ni finns`,
      national: (list: string) => `Verkar nationellt, även i ${list}`,
    } satisfies Record<Via, (list: string) => string>,
    network: (list: string) => `Ni har båda arbetat med ${list}`,
    event: (list: string) => `Ni var båda med på ${list}`,
  },
  en: {
    topicsDirect: (list: string) => `Works on ${list}`,
    topicsInherited: (list: string, project: string) => `Has worked on ${list} in the project ${project}`,
    skills: (list: string) => `Offers ${list}, which you need`,
    complement: {
      in: (list: string) => `Active in ${list}, which you lack`,
      neighbour: (list: string) => `Active next to ${list}, which you lack`,
      national: (list: string) => `Works nationally, reaching ${list}, which you lack`,
    } satisfies Record<Via, (list: string) => string>,
    nearby: {
      in: (list: string) => `Active in ${list}, where you are`,
      neighbour: (list: string) => `Active next to ${list}, where you are`,
      national: (list: string) => `Works nationally, including ${list}`,
    } satisfies Record<Via, (list: string) => string>,
    network: (list: string) => `You have both worked with ${list}`,
    event: (list: string) => `You were both at ${list}`,
  },
};

/** The same evidence, told to the organisation: "ni/you" is the organisation, the project is named as such. */
const TO_ORGANISATION: typeof TEXT = {
  sv: {
    topicsDirect: (list: string) => `Ni arbetar med ${list}, liksom projektet`,
    topicsInherited: (list: string, project: string) => `Ni har arbetat med ${list} i projektet ${project}`,
    skills: (list: string) => `Ni erbjuder ${list}, som projektet behöver`,
    complement: {
      in: (list: string) => `Projektet saknar ${list}, som ni täcker`,
      neighbour: (list: string) => `Projektet saknar ${list}, och ni verkar i grannlän`,
      national: (list: string) => `Projektet saknar ${list}, som ni når genom att verka nationellt`,
    },
    nearby: {
      in: (list: string) => `Ni verkar i ${list}, där projektet finns`,
      neighbour: (list: string) => `Ni verkar i grannlän till ${list}, där projektet finns`,
      national: (list: string) => `Ni verkar nationellt, även i ${list}, där projektet finns`,
    },
    network: (list: string) => `Ni och projektet har båda arbetat med ${list}`,
    event: (list: string) => `Ni och projektet var båda med på ${list}`,
  },
  en: {
    topicsDirect: (list: string) => `You work on ${list}, as the project does`,
    topicsInherited: (list: string, project: string) => `You have worked on ${list} in the project ${project}`,
    skills: (list: string) => `You offer ${list}, which the project needs`,
    complement: {
      in: (list: string) => `The project lacks ${list}, which you cover`,
      neighbour: (list: string) => `The project lacks ${list}, and you are active next to it`,
      national: (list: string) => `The project lacks ${list}, which you reach by working nationally`,
    },
    nearby: {
      in: (list: string) => `You are active in ${list}, where the project is`,
      neighbour: (list: string) => `You are active next to ${list}, where the project is`,
      national: (list: string) => `You work nationally, including ${list}, where the project is`,
    },
    network: (list: string) => `You and the project have both worked with ${list}`,
    event: (list: string) => `You and the project were both at ${list}`,
  },
};

/** Lower-cases a label's first letter inside a sentence, unless it is an acronym ("AI-policy" stays). */
function inSentence(label: string): string {
  const [first = "", second = ""] = label;
  return second && second === second.toLowerCase() ? first.toLowerCase() + label.slice(1) : label;
}

function list(items: EvidenceItem[], lang: FileLang, lowerCase: boolean): string {
  const names = items.map((i) => (lowerCase ? inSentence(i.label[lang]) : i.label[lang]));
  return new Intl.ListFormat(lang === "sv" ? "sv" : "en-GB", { type: "conjunction" }).format(names);
}

function topicSentences(topics: TopicEvidence[], lang: FileLang, text: (typeof TEXT)[FileLang]): string[] {
  const sentences: string[] = [];
  const direct = topics.filter((x) => x.direct);
  if (direct.length > 0) sentences.push(text.topicsDirect(list(direct, lang, true)));
  const byProject = new Map<string, TopicEvidence[]>();
  for (const x of topics) {
    if (x.direct || !x.project) continue;
    byProject.set(x.project.id, [...(byProject.get(x.project.id) ?? []), x]);
  }
  for (const group of byProject.values()) {
    sentences.push(text.topicsInherited(list(group, lang, true), group[0]?.project?.label[lang] ?? ""));
  }
  return sentences;
}

/** The reasons, one sentence each, in the order the panel shows them; told to the project unless `side` says. */
export function partnerReasons(
  evidence: Evidence,
  lang: FileLang,
  side: "project" | "organisation" = "project",
): string[] {
  const text = (side === "organisation" ? TO_ORGANISATION : TEXT)[lang];
  const sentences = topicSentences(evidence.topics, lang, text);
  if (evidence.skills.length > 0) sentences.push(text.skills(list(evidence.skills, lang, true)));
  for (const via of ["in", "neighbour", "national"] as const) {
    const regions = evidence.regions.filter((r) => r.via === via);
    if (regions.length > 0) sentences.push(text[evidence.geography][via](list(regions, lang, false)));
  }
  if (evidence.sharedPartners.length > 0) sentences.push(text.network(list(evidence.sharedPartners, lang, false)));
  if (evidence.sharedEvents.length > 0) sentences.push(text.event(list(evidence.sharedEvents, lang, false)));
  return sentences;
}
