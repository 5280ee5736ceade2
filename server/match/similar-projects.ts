/**
 * Projects like a given one: shared topics (rare ones count more), shared skill needs, shared län, shared organisations.
 * The same four weights apply: topics, skills, geography (län in common), network (organisations in common).
 */
import type { Evidence, Suggestion } from "../../shared/schema/match";
import type { MatchIndex } from "./match-index";
import { contributions, sumTerms, type Terms, toSuggestion } from "./pair-score";
import { type MatchOptions, UnknownEntityError } from "./suggest-partners";
import { TopK } from "./top-k";

const intersect = (a: readonly number[], b: Set<number>): number[] => a.filter((x) => b.has(x));

export function similarProjects(ix: MatchIndex, projectId: string, options: MatchOptions): Suggestion[] {
  const project = ix.projectIndex.get(projectId);
  if (project === undefined) throw new UnknownEntityError("project", projectId);
  const topics = ix.projectTopics[project] as number[];
  const skills = ix.projectSkills[project] as number[];
  const regions = ix.projectRegions[project] as number[];
  const members = ix.projectMembers[project] as number[];
  const idfTotal = topics.reduce((sum, t) => sum + (ix.topicIdf[t] as number), 0);

  const candidates = new Set<number>();
  for (const t of topics) for (const p of ix.topicProjects[t] as number[]) candidates.add(p);
  for (const r of regions) for (const p of ix.regionProjects[r] as number[]) candidates.add(p);
  for (const m of members) for (const p of ix.orgProjects[m] as number[]) candidates.add(p);
  candidates.delete(project);
  const exclude = new Set(options.filters?.exclude ?? []);

  const top = new TopK<{ p: number; terms: Terms; evidence: Evidence }>(options.limit);
  for (const p of candidates) {
    if (exclude.has(ix.projectIds[p] as string)) continue;
    const sharedTopics = intersect(ix.projectTopics[p] as number[], new Set(topics)).sort(
      (a, b) => (ix.topicIdf[b] as number) - (ix.topicIdf[a] as number),
    );
    const sharedSkills = intersect(ix.projectSkills[p] as number[], new Set(skills));
    const sharedRegions = intersect(ix.projectRegions[p] as number[], new Set(regions));
    const sharedOrgs = intersect(ix.projectMembers[p] as number[], new Set(members));
    const union = (a: readonly number[], b: readonly number[], shared: number) => a.length + b.length - shared || 1;
    const terms: Terms = {
      topics: idfTotal > 0 ? sharedTopics.reduce((sum, t) => sum + (ix.topicIdf[t] as number), 0) / idfTotal : 0,
      skills: sharedSkills.length / union(skills, ix.projectSkills[p] as number[], sharedSkills.length),
      geography: sharedRegions.length / union(regions, ix.projectRegions[p] as number[], sharedRegions.length),
      network: sharedOrgs.length / union(members, ix.projectMembers[p] as number[], sharedOrgs.length),
    };
    const score = sumTerms(contributions(terms, options.weights));
    if (score <= 0) continue;
    const item = (list: { sv: string; en: string }[], i: number, id: string) => ({
      id,
      label: list[i] as { sv: string; en: string },
    });
    top.offer(score, {
      p,
      terms,
      evidence: {
        // Both projects list the topic themselves: direct evidence.
        topics: sharedTopics.map((t) => ({
          ...item(ix.topicLabels, t, ix.topicIds[t] as string),
          direct: true,
          credit: 1,
        })),
        skills: sharedSkills.map((s) => item(ix.skillLabels, s, ix.skillIds[s] as string)),
        regions: sharedRegions.map((r) => ({
          ...item(ix.regionLabels, r, ix.regionCodes[r] as string),
          via: "in" as const,
        })),
        geography: "nearby",
        sharedPartners: sharedOrgs.map((o) => ({
          id: ix.orgIds[o] as string,
          label: { sv: ix.orgNames[o] as string, en: ix.orgNames[o] as string },
        })),
        sharedEvents: [],
      },
    });
  }
  return top
    .result()
    .map(({ item: { p, terms, evidence } }) =>
      toSuggestion(
        "project",
        ix.projectIds[p] as string,
        ix.projectNames[p] as string,
        terms,
        evidence,
        options.weights,
      ),
    );
}
