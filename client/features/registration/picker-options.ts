/** What the forms offer to pick, taken from the graph the app already has: topics, skills, län and organisations. */
import type { GraphNode } from "../../../shared/schema/graph";
import type { Lang } from "../../state/url-state";

export interface PickerOption {
  value: string;
  label: string;
}

export interface GraphChoices {
  topics: PickerOption[];
  skills: PickerOption[];
  regions: PickerOption[];
  organisations: PickerOption[];
}

export function graphChoices(nodes: readonly GraphNode[], lang: Lang): GraphChoices {
  const of = (kind: GraphNode["kind"]) =>
    nodes
      .filter((n) => n.kind === kind)
      .map((n) => ({ value: n.key.slice(kind.length + 1), label: n.label[lang] }))
      .sort((a, b) => a.label.localeCompare(b.label, lang));
  return { topics: of("topic"), skills: of("skill"), regions: of("region"), organisations: of("organisation") };
}

/** Case- and diacritic-insensitive: "goteborg" finds "Göteborg". */
export const foldText = (text: string): string => text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
