/** What a shared link carries (selected node, language), as pure parse/serialise functions over the query string. */
export type Lang = "sv" | "en";

export interface UrlState {
  lang: Lang;
  selected: string | undefined;
}

const NODE_KEY = /^(project|organisation|topic|skill|region):[a-z0-9-]+$/;

export function readUrlState(search: string): UrlState {
  const params = new URLSearchParams(search);
  const selected = params.get("node") ?? undefined;
  return {
    lang: params.get("lang") === "en" ? "en" : "sv",
    selected: selected && NODE_KEY.test(selected) ? selected : undefined,
  };
}

export function writeUrlState(state: UrlState, current: string = ""): string {
  const params = new URLSearchParams(current);
  if (state.lang === "en") params.set("lang", "en");
  else params.delete("lang");
  if (state.selected) params.set("node", state.selected);
  else params.delete("node");
  const text = params.toString();
  return text ? `?${text}` : "";
}
