/** Fetches ranked suggestions for the selected project or organisation; re-asks whenever the weights change. */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { MatchFilters, Weights } from "../../../shared/schema/match";
import { trpc } from "../../lib/trpc";

export type SuggestionKind = "partners" | "projects" | "similar";

export function useSuggestions(kind: SuggestionKind, id: string, weights: Weights, filters: MatchFilters) {
  return useQuery({
    queryKey: ["match", kind, id, weights, filters],
    queryFn: () => {
      const options = { weights, filters, limit: 10 };
      if (kind === "projects") return trpc.match.projects.query({ organisationId: id, ...options });
      if (kind === "similar") return trpc.match.similar.query({ projectId: id, ...options });
      return trpc.match.partners.query({ projectId: id, ...options });
    },
    placeholderData: keepPreviousData,
  });
}
