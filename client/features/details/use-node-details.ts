/** Fetches one node's details (node.byId) while a node is selected. */
import { useQuery } from "@tanstack/react-query";
import { trpc } from "../../lib/trpc";

export function useNodeDetails(key: string | undefined) {
  return useQuery({
    queryKey: ["node", key],
    queryFn: () => trpc.node.byId.query({ id: key as string }),
    enabled: key !== undefined,
  });
}
