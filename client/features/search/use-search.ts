/** Debounced search against search.query; results are cached by query text. */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
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
  const q = useDebounced(text.trim(), 120);
  return useQuery({
    queryKey: ["search", q],
    queryFn: () => trpc.search.query.query({ q, limit: 10 }),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
  });
}
