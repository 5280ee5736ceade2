/** Fetches ranked suggestions for the selected project or organisation; re-asks whenever the weights change. */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { InertTerm, MatchFilters, Weights } from "../../../shared/schema/match";
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

/** The terms no slider can make count for this node (similar projects show no sliders, so none are asked for). */
export function useInertTerms(kind: SuggestionKind, id: string, geography: MatchFilters["geography"]) {
  return useQuery({
    queryKey: ["match", "inert", kind, id, kind === "partners" ? geography : undefined],
    queryFn: (): Promise<InertTerm[]> =>
      kind === "partners"
        ? trpc.match.inert.query({ projectId: id, geography })
        : trpc.match.inert.query({ organisationId: id }),
    enabled: kind !== "similar",
  });
}
