/**
 * Fetches ranked suggestions for the selected project or organisation; re-asks whenever the weights change.
 * Partners come with more than the list (which terms did nothing, the missing-skill group): kept in `partners`.
 */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { InertTerm, MatchFilters, PartnerSuggestions, Suggestion, Weights } from "../../../shared/schema/match";
import { trpc } from "../../lib/trpc";

export type SuggestionKind = "partners" | "projects" | "similar";

export interface SuggestionsAnswer {
  suggestions: Suggestion[];
  /** Only for partners. */
  partners?: PartnerSuggestions;
}

export function useSuggestions(kind: SuggestionKind, id: string, weights: Weights, filters: MatchFilters) {
  return useQuery({
    queryKey: ["match", kind, id, weights, filters],
    queryFn: async (): Promise<SuggestionsAnswer> => {
      const options = { weights, filters, limit: 10 };
      if (kind === "projects")
        return { suggestions: await trpc.match.projects.query({ organisationId: id, ...options }) };
      if (kind === "similar") return { suggestions: await trpc.match.similar.query({ projectId: id, ...options }) };
      const partners = await trpc.match.partners.query({ projectId: id, ...options });
      return { suggestions: partners.suggestions, partners };
    },
    placeholderData: keepPreviousData,
  });
}

/**
 * The terms no slider can make count, for an organisation's list of projects. A project's list of partners carries
 * its own account of dead terms in the answer (TermNotices), so it is not asked for here.
 */
export function useInertTerms(kind: SuggestionKind, id: string) {
  return useQuery({
    queryKey: ["match", "inert", kind, id],
    queryFn: (): Promise<InertTerm[]> => trpc.match.inert.query({ organisationId: id }),
    enabled: kind === "projects",
  });
}
