/** Server state of the coverage view: per län (for the chosen topic), the län × topic matrix, and a gap's fillers. */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { CoverageFillers } from "../../../shared/schema/coverage";
import type { LeanCoverageFillers } from "../../../shared/schema/lean-match";
import { trpc } from "../../lib/trpc";
import { useLoadedNodes } from "../partners/use-suggestions";
import { askWithLabels, suggestionWithLabels } from "../partners/with-labels";

/** `enabled` waits until the topic is known to exist (a link may carry one the data does not have). */
export function useCoverageByRegion(topicId: string | undefined, enabled = true) {
  return useQuery({
    enabled,
    queryKey: ["coverage", "byRegion", topicId ?? null],
    queryFn: () => trpc.coverage.byRegion.query(topicId ? { topicId } : {}),
    placeholderData: keepPreviousData,
  });
}

export function useCoverageMatrix() {
  return useQuery({ queryKey: ["coverage", "matrix"], queryFn: () => trpc.coverage.matrix.query() });
}

/** A gap's fillers, lean over the wire, with labels from the loaded graph (features/partners/with-labels.ts). */
export function useGapFillers(regionCode: string | undefined, topicId: string | undefined) {
  const loadedNodes = useLoadedNodes();
  return useQuery({
    queryKey: ["coverage", "fillers", regionCode, topicId],
    queryFn: (): Promise<CoverageFillers> => {
      const ask = (verbose: boolean) =>
        trpc.coverage.fillers.query({ regionCode: regionCode as string, topicId: topicId as string, verbose });
      return askWithLabels(
        // The answer's shape follows `verbose` (server/api/routers/coverage.ts).
        {
          lean: () => ask(false) as Promise<LeanCoverageFillers>,
          verbose: () => ask(true) as Promise<CoverageFillers>,
        },
        ({ suggestions, ...gap }, labelOf) => ({
          ...gap,
          suggestions: suggestions.map((s) => suggestionWithLabels(s, "organisation", "complement", labelOf)),
        }),
        loadedNodes(),
      );
    },
    enabled: regionCode !== undefined && topicId !== undefined,
  });
}
