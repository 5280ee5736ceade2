/**
 * Needed skills matter: a project that needs a skill none of its members offers should see an organisation offering
 * it among its first five suggestions, unless the five are clearly stronger. The best such candidate takes the fifth
 * place when its score is at least SKILL_SLOT_RATIO of the fifth's. Missing skills still not offered in the top five
 * get their best candidate in a separate "Fills a missing skill" group, so they are never buried.
 */

/** The places the rule looks at: "the top five". */
export const SKILL_SLOT = 5;
/** Chosen on the tuning half of the seed (`npm run evaluate -- --tune`); Infinity turns the slot off. */
export const SKILL_SLOT_RATIO = 0.25;

interface Scored {
  org: number;
  score: number;
}

/** The list with the best missing-skill candidate moved into the top five, when the rule says so. */
export function withSkillSlot<T extends Scored>(
  ranked: readonly T[],
  skillCandidates: readonly T[],
  offersMissing: (org: number) => boolean,
  ratio = SKILL_SLOT_RATIO,
): T[] {
  if (skillCandidates.length === 0 || !Number.isFinite(ratio)) return [...ranked];
  if (ranked.slice(0, SKILL_SLOT).some((c) => offersMissing(c.org))) return [...ranked];
  const best = skillCandidates.reduce((a, b) => (b.score > a.score ? b : a));
  const fifth = ranked[Math.min(SKILL_SLOT, ranked.length) - 1];
  if (fifth && ranked.length >= SKILL_SLOT && best.score < ratio * fifth.score) return [...ranked];
  const rest = ranked.filter((c) => c.org !== best.org);
  const at = Math.min(SKILL_SLOT - 1, rest.length);
  return [...rest.slice(0, at), best, ...rest.slice(at)];
}

/** For each missing skill no one in the top five offers, its best candidate (once each), in skill order. */
export function missingSkillGroup(
  missingSkills: readonly number[],
  bestPerSkill: readonly number[],
  ranked: readonly Scored[],
  skillsOf: (org: number) => readonly number[],
): number[] {
  const top = ranked.slice(0, SKILL_SLOT).map((c) => c.org);
  const group: number[] = [];
  missingSkills.forEach((skill, i) => {
    const o = bestPerSkill[i] as number;
    if (o < 0 || top.some((t) => skillsOf(t).includes(skill))) return;
    if (!top.includes(o) && !group.includes(o)) group.push(o);
  });
  return group;
}

/**
 * The missing skills the group is for: those that no organisation in the top five offers and some candidate does.
 * The group's intro names exactly these, not every skill its candidates happen to offer.
 */
export function skillsMissingFromTop(
  missingSkills: readonly number[],
  bestPerSkill: readonly number[],
  ranked: readonly Scored[],
  skillsOf: (org: number) => readonly number[],
): number[] {
  const top = ranked.slice(0, SKILL_SLOT).map((c) => c.org);
  return missingSkills.filter(
    (skill, i) => (bestPerSkill[i] as number) >= 0 && !top.some((t) => skillsOf(t).includes(skill)),
  );
}
