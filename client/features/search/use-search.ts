/**
 * Debounced search against search.query; results are cached by query text. Only hits for the text now in the box are
 * returned: while a new query is under way the old hits are gone, so a stale hit can never be shown or picked.
 */
import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { trpc } from "../../lib/trpc";

export function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

export function useSearch(text: string) {
  const wanted = text.trim();
  const q = useDebounced(wanted, 120);
  const query = useQuery({
    queryKey: ["search", q],
    queryFn: () => trpc.search.query.query({ q, limit: 10 }),
    enabled: q.length > 0,
  });
  const current = q === wanted && wanted.length > 0;
  return {
    hits: current && query.data ? query.data : [],
    /** The hits (or their absence) answer the text in the box: "no results" may be said. */
    settled: current && query.isSuccess,
    isError: current && query.isError,
    error: query.error,
  };
}
