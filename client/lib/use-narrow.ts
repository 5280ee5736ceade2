/**
 * The one switch between the wide layout (filters, graph and details side by side) and the narrow one (filters in a
 * drawer, details in a bottom sheet, account actions in a menu). The CSS uses the same width; keep them in step.
 */
import { useSyncExternalStore } from "react";

export const NARROW_QUERY = "(max-width: 899.98px)";

const subscribe = (onChange: () => void) => {
  const query = window.matchMedia(NARROW_QUERY);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
};

export function useNarrow(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(NARROW_QUERY).matches,
    () => false,
  );
}
