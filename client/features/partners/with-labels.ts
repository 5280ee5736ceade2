/**
 * Puts the labels back into a lean suggestion answer (shared/schema/lean-match.ts) from the graph the client has
 * loaded, giving the explained shape the panels read (reasons, highlights, shortlist). A label the loaded graph
 * lacks (the data changed since it was loaded) makes the answer unresolvable: askWithLabels then asks again with
 * `verbose`, whose answer carries every label.
 */
import type { Label } from "../../../shared/schema/common";
import type { LeanPartnerSuggestions, LeanSuggestion } from "../../../shared/schema/lean-match";
import type {
  Evidence,
  EvidenceItem,
  PartnerSuggestions,
  RegionEvidence,
  Suggestion,
  TermStatus,
  TopicEvidence,
} from "../../../shared/schema/match";

/** A node's label by key ("topic:open-data"), or undefined when the loaded graph does not have it. */
export type LabelOf = (key: string) => Label | undefined;

export class MissingLabelError extends Error {
  override name = "MissingLabelError";
  constructor(readonly key: string) {
    super(`no label for ${key} in the loaded graph`);
  }
}

/** The match terms in the order of a lean suggestion's `c` (shared/schema/value-lists' MATCH_TERMS). */
const TERMS = ["topics", "skills", "geography", "network"] as const;

export function labelLookup(nodes: readonly { key: string; label: Label }[]): LabelOf {
  const byKey = new Map(nodes.map((n) => [n.key, n.label]));
  return (key) => byKey.get(key);
}

function itemsOf(kind: string, ids: readonly string[] | undefined, labelOf: LabelOf): EvidenceItem[] {
  return (ids ?? []).map((id) => {
    const label = labelOf(`${kind}:${id}`);
    if (!label) throw new MissingLabelError(`${kind}:${id}`);
    return { id, label };
  });
}

function evidenceOf(s: LeanSuggestion, geography: Evidence["geography"], labelOf: LabelOf): Evidence {
  // Credit is the engine's own figure behind the topic term; the panels read only whether a topic is direct.
  const topics: TopicEvidence[] = itemsOf("topic", s.topics, labelOf).map((t) => ({ ...t, direct: true, credit: 1 }));
  for (const [projectId, topicIds] of s.via ?? []) {
    const [project] = itemsOf("project", [projectId], labelOf);
    for (const t of itemsOf("topic", topicIds, labelOf)) topics.push({ ...t, direct: false, project, credit: 0 });
  }
  const regions = (via: RegionEvidence["via"], ids: string[] | undefined): RegionEvidence[] =>
    itemsOf("region", ids, labelOf).map((r) => ({ ...r, via }));
  return {
    topics,
    skills: itemsOf("skill", s.skills, labelOf),
    regions: [...regions("in", s.in), ...regions("neighbour", s.near), ...regions("national", s.national)],
    geography,
    sharedPartners: itemsOf("organisation", s.partners, labelOf),
    sharedEvents: itemsOf("event", s.events, labelOf),
  };
}

export function suggestionWithLabels(
  s: LeanSuggestion,
  candidateKind: "organisation" | "project",
  geography: Evidence["geography"],
  labelOf: LabelOf,
): Suggestion {
  const key = `${candidateKind}:${s.id}`;
  const label = labelOf(key);
  if (!label) throw new MissingLabelError(key);
  const contributions = Object.fromEntries(TERMS.map((t, i) => [t, s.c[i]])) as Suggestion["contributions"];
  const suggestion: Suggestion = {
    key,
    id: s.id,
    name: label.sv,
    score: s.c.reduce((sum, x) => sum + x, 0),
    contributions,
    evidence: evidenceOf(s, geography, labelOf),
  };
  if (s.same) [suggestion.sameEvidenceAs] = itemsOf("organisation", [s.same], labelOf);
  return suggestion;
}

export function partnersWithLabels(lean: LeanPartnerSuggestions, labelOf: LabelOf): PartnerSuggestions {
  const mode = lean.geography.used;
  const terms = Object.fromEntries(
    TERMS.map((t): [string, TermStatus] => {
      const reason = lean.deadTerms[t];
      return [t, reason ? { active: false, reason } : { active: true }];
    }),
  ) as PartnerSuggestions["terms"];
  return {
    suggestions: lean.suggestions.map((s) => suggestionWithLabels(s, "organisation", mode, labelOf)),
    terms,
    geography: lean.geography,
    missingSkills: itemsOf("skill", lean.missingSkills, labelOf),
    fillsMissingSkill: lean.fillsMissingSkill.map((s) => suggestionWithLabels(s, "organisation", mode, labelOf)),
    missingFromTopFive: itemsOf("skill", lean.missingFromTopFive, labelOf),
  };
}

/**
 * Asks lean and puts the labels back from the loaded graph's nodes; when the graph is not loaded or lacks a label,
 * asks once more with `verbose` for the explained answer.
 */
export async function askWithLabels<L, R>(
  ask: { lean: () => Promise<L>; verbose: () => Promise<R> },
  resolve: (answer: L, labelOf: LabelOf) => R,
  nodes: readonly { key: string; label: Label }[] | undefined,
): Promise<R> {
  if (nodes) {
    try {
      return resolve(await ask.lean(), labelLookup(nodes));
    } catch (error) {
      if (!(error instanceof MissingLabelError)) throw error;
    }
  }
  return ask.verbose();
}
