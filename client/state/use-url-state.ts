/** Keeps the UI state that a link should carry in the URL, and follows the browser's back and forward buttons. */
import i18next from "i18next";
import { useCallback, useEffect, useState } from "react";
import { readUrlState, type UrlState, writeUrlState } from "./url-state";

export function useUrlState(): [UrlState, (patch: Partial<UrlState>) => void] {
  const [state, setState] = useState<UrlState>(() => readUrlState(window.location.search));

  useEffect(() => {
    const onPop = () => setState(readUrlState(window.location.search));
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, []);

  useEffect(() => {
    if (i18next.language !== state.lang) void i18next.changeLanguage(state.lang);
  }, [state.lang]);

  const update = useCallback((patch: Partial<UrlState>) => {
    setState((current) => {
      const next = { ...current, ...patch };
      const search = writeUrlState(next, window.location.search);
      if (search !== window.location.search) window.history.pushState(null, "", `${window.location.pathname}${search}`);
      return next;
    });
  }, []);

  return [state, update];
}
