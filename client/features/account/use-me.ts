/** Who is signed in (auth.me): null for an anonymous visitor. Shared by the header, the details panel and the views. */
import { useQuery } from "@tanstack/react-query";
import { trpc } from "../../lib/trpc";

export const ME_KEY = ["auth", "me"] as const;

export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: () => trpc.auth.me.query(), staleTime: 5 * 60_000 });
}
