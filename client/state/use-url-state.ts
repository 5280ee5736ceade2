/** Keeps the UI state that a link should carry in the URL, and follows the browser's back and forward buttons. */
import i18next from "i18next";
import { useCallback, useEffect, useState } from "react";
import { readUrlState, type UrlState, writeUrlState } from "./url-state";

/** `replace`: for changes made in quick succession (a slider), which should not each become a history entry. */
export type UpdateUrlState = (patch: Partial<UrlState>, options?: { replace?: boolean }) => void;

export function useUrlState(): [UrlState, UpdateUrlState] {
  const [state, setState] = useState<UrlState>(() => readUrlState(window.location.search));

  useEffect(() => {
    const onPop = () => setState(readUrlState(window.location.search));
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, []);

  useEffect(() => {
    if (i18next.language !== state.lang) void i18next.changeLanguage(state.lang);
  }, [state.lang]);

  const update = useCallback<UpdateUrlState>((patch, options) => {
    setState((current) => {
      const next = { ...current, ...patch };
      const search = writeUrlState(next, window.location.search);
      if (search !== window.location.search) {
        // The contacts page's fragment (#contacts) stays; no other fragment outlives its first reading (App.tsx).
        const hash = window.location.hash === "#contacts" ? window.location.hash : "";
        const url = `${window.location.pathname}${search}${hash}`;
        if (options?.replace) window.history.replaceState(null, "", url);
        else window.history.pushState(null, "", url);
      }
      return next;
    });
  }, []);

  return [state, update];
}
