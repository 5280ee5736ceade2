/**
 * Fetches ranked suggestions for the selected project or organisation; re-asks whenever the weights change.
 * Partners come with more than the list (which terms did nothing, the missing-skill group): kept in `partners`.
 * Answers arrive lean (ids and contributions); the labels come from the graph already loaded (with-labels.ts).
 */
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import type { GraphSnapshot } from "../../../shared/schema/graph";
import type { LeanPartnerSuggestions, LeanSuggestionList } from "../../../shared/schema/lean-match";
import type { InertTerm, MatchFilters, PartnerSuggestions, Suggestion, Weights } from "../../../shared/schema/match";
import { trpc } from "../../lib/trpc";
import { askWithLabels, partnersWithLabels, suggestionWithLabels } from "./with-labels";

export type SuggestionKind = "partners" | "projects" | "similar";

export interface SuggestionsAnswer {
  suggestions: Suggestion[];
  /** Only for partners. */
  partners?: PartnerSuggestions;
}

/** The loaded graph's nodes (App's snapshot query), if it has arrived. */
export function useLoadedNodes(): () => GraphSnapshot["nodes"] | undefined {
  const client = useQueryClient();
  return () => client.getQueryData<GraphSnapshot>(["graph", "snapshot"])?.nodes;
}

/** The answer's shape follows `verbose` (server/api/routers/match.ts); tRPC infers the union of both. */
const lean = <T>(answer: Promise<unknown>) => answer as Promise<T>;

export function useSuggestions(kind: SuggestionKind, id: string, weights: Weights, filters: MatchFilters) {
  const loadedNodes = useLoadedNodes();
  return useQuery({
    queryKey: ["match", kind, id, weights, filters],
    queryFn: async (): Promise<SuggestionsAnswer> => {
      const options = { weights, filters, limit: 10 };
      const nodes = loadedNodes();
      if (kind === "partners") {
        const ask = (verbose: boolean) => trpc.match.partners.query({ projectId: id, ...options, verbose });
        const partners = await askWithLabels(
          {
            lean: () => lean<LeanPartnerSuggestions>(ask(false)),
            verbose: () => lean<PartnerSuggestions>(ask(true)),
          },
          partnersWithLabels,
          nodes,
        );
        return { suggestions: partners.suggestions, partners };
      }
      const ask = (verbose: boolean) =>
        kind === "projects"
          ? trpc.match.projects.query({ organisationId: id, ...options, verbose })
          : trpc.match.similar.query({ projectId: id, ...options, verbose });
      // The geography mode the engine used (suggest-projects.ts, similar-projects.ts).
      const mode = kind === "similar" ? "nearby" : (filters.geography ?? "complement");
      const suggestions = await askWithLabels(
        {
          lean: () => lean<LeanSuggestionList>(ask(false)),
          verbose: async () => (await lean<{ suggestions: Suggestion[] }>(ask(true))).suggestions,
        },
        (answer, labelOf) => answer.suggestions.map((s) => suggestionWithLabels(s, "project", mode, labelOf)),
        nodes,
      );
      return { suggestions };
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
