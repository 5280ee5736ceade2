/** Server state of the coverage view: per län (for the chosen topic), the län × topic matrix, and a gap's fillers. */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { trpc } from "../../lib/trpc";

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

export function useGapFillers(regionCode: string | undefined, topicId: string | undefined) {
  return useQuery({
    queryKey: ["coverage", "fillers", regionCode, topicId],
    queryFn: () => trpc.coverage.fillers.query({ regionCode: regionCode as string, topicId: topicId as string }),
    enabled: regionCode !== undefined && topicId !== undefined,
  });
}
