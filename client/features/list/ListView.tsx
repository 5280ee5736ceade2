/** The accessible list view: the visible nodes as a sortable table, synced with the graph's filters and selection. */
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { GraphNode } from "../../../shared/schema/graph";
import { KIND_STYLES } from "../../graph-view/kind-style";
import type { FacetIndex } from "../../state/graph-filter";
import type { Lang } from "../../state/url-state";

type Column = "name" | "kind" | "regions" | "topics" | "links";

/** The first three of a list, then "+N", so a row stays one or two lines high. */
const abbreviate = (items: string[]) =>
  items.length > 3 ? `${items.slice(0, 3).join(", ")} +${items.length - 3}` : items.join(", ");

interface Props {
  index: FacetIndex;
  visible: Set<string>;
  lang: Lang;
  selected: string | undefined;
  onSelect: (key: string) => void;
}

export function ListView({ index, visible, lang, selected, onSelect }: Props) {
  const { t } = useTranslation();
  const [sort, setSort] = useState<{ column: Column; ascending: boolean }>({ column: "links", ascending: false });
  const rows = useMemo(() => {
    const label = (key: string) => index.nodes.get(key)?.label[lang] ?? key;
    const list = [...visible].map((key) => {
      const node = index.nodes.get(key) as GraphNode;
      const facets = index.entities.get(key);
      return {
        node,
        name: node.label[lang],
        kind: node.kind === "organisation" && node.orgKind ? t(`orgKind.${node.orgKind}`) : t(`kind.${node.kind}`),
        regions: abbreviate((facets?.regions ?? []).map((r) => label(`region:${r}`))),
        topics: abbreviate((facets?.topics ?? []).map((x) => label(`topic:${x}`))),
        links: node.degree,
      };
    });
    const dir = sort.ascending ? 1 : -1;
    return list.sort((a, b) => {
      const x = a[sort.column];
      const y = b[sort.column];
      return (
        (typeof x === "number" ? x - (y as number) : String(x).localeCompare(String(y), lang)) * dir ||
        a.name.localeCompare(b.name, lang)
      );
    });
  }, [index, visible, lang, sort, t]);

  const header = (column: Column) => {
    const active = sort.column === column;
    return (
      <th scope="col" aria-sort={active ? (sort.ascending ? "ascending" : "descending") : "none"}>
        <button
          type="button"
          onClick={() => setSort({ column, ascending: active ? !sort.ascending : column !== "links" })}
        >
          {t(`list.${column}`)}
          <span aria-hidden="true">{active ? (sort.ascending ? " ▲" : " ▼") : ""}</span>
        </button>
      </th>
    );
  };

  return (
    <div className="list-view">
      <table>
        <caption>{t("list.caption", { count: rows.length })}</caption>
        <thead>
          <tr>
            {header("name")}
            {header("kind")}
            {header("regions")}
            {header("topics")}
            {header("links")}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr
              key={r.node.key}
              className={r.node.key === selected ? "selected" : undefined}
              aria-selected={r.node.key === selected}
            >
              <th scope="row">
                <button type="button" className="link-button" onClick={() => onSelect(r.node.key)}>
                  <svg viewBox="0 0 20 20" width="12" height="12" aria-hidden="true">
                    <path d={KIND_STYLES[r.node.kind].svgPath} fill={KIND_STYLES[r.node.kind].color} />
                  </svg>
                  {r.name}
                </button>
              </th>
              <td>{r.kind}</td>
              <td>{r.regions}</td>
              <td>{r.topics}</td>
              <td className="number">{r.links}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
