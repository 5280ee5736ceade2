/**
 * Diversity re-ranking: a candidate whose evidence is all already shown by one placed higher and who worked with
 * that one in another project (the same topics from the same project, the same län, the same shared partners: a
 * block of co-members) adds nothing new, so its score is multiplied by (1 − penalty) for each such candidate above
 * it, and the list is rebuilt greedily (maximal marginal relevance with "is a subset of" as the redundancy).
 * Unrelated organisations with the same own topics and län are different choices and are not pushed down. The score shown stays the candidate's own;
 * `sameEvidenceAs` names the one above it, so the panel can say why it sits lower.
 */
import type { Evidence, EvidenceItem } from "../../shared/schema/match";

/** Chosen on the tuning half of the seed (`npm run evaluate -- --tune`); 0 turns re-ranking off. */
export const DIVERSITY_PENALTY = 0.5;
/** How many of the best candidates are re-ranked; the rest keep score order (no item moves up past this window). */
export const DIVERSITY_WINDOW = 40;

/** Every piece of evidence as a string: a topic with its source, a skill, a län with how it is reached, a partner. */
export function evidenceKeys(e: Evidence): string[] {
  return [
    ...e.topics.map((t) => `t:${t.id}:${t.project?.id ?? ""}`),
    ...e.skills.map((s) => `s:${s.id}`),
    ...e.regions.map((r) => `r:${r.id}:${r.via}`),
    ...e.sharedPartners.map((p) => `n:${p.id}`),
    ...e.sharedEvents.map((v) => `e:${v.id}`),
  ];
}

export interface Rankable {
  id: string;
  name: string;
  score: number;
  evidence: Evidence;
}

/** True when every piece of `a`'s (non-empty) evidence is also in `b`'s. */
const within = (a: readonly string[], b: ReadonlySet<string>) => a.length > 0 && a.every((k) => b.has(k));

/**
 * Re-ranks the first `window` items (already in score order, ties broken meaningfully by the caller); the order among
 * equal adjusted scores is the input order. Returns new objects; `sameEvidenceAs` is set on the ones moved down.
 */
export function diversify<T extends Rankable>(
  ranked: readonly T[],
  penalty = DIVERSITY_PENALTY,
  related: (a: T, b: T) => boolean = () => true,
  window = DIVERSITY_WINDOW,
): (T & { sameEvidenceAs?: EvidenceItem })[] {
  const head = ranked.slice(0, window);
  if (penalty <= 0 || head.length < 2) return [...ranked];
  const keys = head.map((c) => evidenceKeys(c.evidence));
  const sets = keys.map((k) => new Set(k));
  const covered = new Array<number>(head.length).fill(0);
  const coveredBy = new Array<number>(head.length).fill(-1);
  const taken = new Array<boolean>(head.length).fill(false);
  const order: number[] = [];
  for (let step = 0; step < head.length; step++) {
    let pick = -1;
    let best = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < head.length; i++) {
      if (taken[i]) continue;
      const adjusted = (head[i] as T).score * (1 - penalty) ** (covered[i] as number);
      if (adjusted > best) {
        best = adjusted;
        pick = i;
      }
    }
    taken[pick] = true;
    order.push(pick);
    for (let i = 0; i < head.length; i++) {
      if (taken[i] || !within(keys[i] as string[], sets[pick] as Set<string>)) continue;
      if (!related(head[i] as T, head[pick] as T)) continue;
      covered[i] = (covered[i] as number) + 1;
      if (coveredBy[i] === -1) coveredBy[i] = pick;
    }
  }
  const result = order.map((i) => {
    const by = coveredBy[i] as number;
    const item = head[i] as T;
    // Named only when it actually moved down: below an item it would otherwise have outranked.
    const moved = by >= 0 && order.indexOf(i) > i;
    if (!moved) return item;
    const above = head[by] as T;
    return { ...item, sameEvidenceAs: { id: above.id, label: { sv: above.name, en: above.name } } };
  });
  return [...result, ...ranked.slice(window)];
}
