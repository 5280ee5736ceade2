/** Faceted filters: each facet a group of checkboxes with counts; facets combine; "clear all". */
import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { GraphNode } from "../../../shared/schema/graph";
import { EVENT_KINDS, NODE_KINDS, ORGANISATION_KINDS, PROJECT_STATUSES } from "../../../shared/schema/value-lists";
import { KIND_STYLES } from "../../graph-view/kind-style";
import type { facetCounts } from "../../state/graph-filter";
import { EMPTY_FILTERS, type Filters, hasFilters, type Lang, yearsReversed } from "../../state/url-state";

interface Props {
  filters: Filters;
  counts: ReturnType<typeof facetCounts>;
  /** Topic, skill and region nodes, for their labels. */
  taxonomy: GraphNode[];
  lang: Lang;
  onChange: (filters: Filters) => void;
}

type ListFacet = "kinds" | "topics" | "skills" | "regions" | "orgKinds" | "status" | "eventKinds";

export function FilterPanel({ filters, counts, taxonomy, lang, onChange }: Props) {
  const { t } = useTranslation();
  const toggle = (facet: ListFacet, value: string) => {
    const current = filters[facet] as string[];
    const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
    onChange({ ...filters, [facet]: next });
  };
  const labelled = (kind: "topic" | "skill" | "region") =>
    taxonomy
      .filter((n) => n.kind === kind)
      .map((n) => ({ value: n.key.slice(kind.length + 1), label: n.label[lang] }))
      .sort((a, b) => a.label.localeCompare(b.label, lang));

  const group = (
    facet: ListFacet,
    title: string,
    options: { value: string; label: string; icon?: string }[],
    open = false,
  ) => {
    const chosen = (filters[facet] as string[]).length;
    return (
      <details className="facet" open={open || chosen > 0}>
        <summary>
          {title}
          {chosen > 0 && <span className="facet-chosen">{t("filters.chosen", { count: chosen })}</span>}
        </summary>
        <ul>
          {options.map((o) => {
            const count = (counts[facet] as Map<string, number>).get(o.value) ?? 0;
            return (
              <li key={o.value}>
                <label>
                  <input
                    type="checkbox"
                    checked={(filters[facet] as string[]).includes(o.value)}
                    onChange={() => toggle(facet, o.value)}
                  />
                  {o.icon && (
                    <svg viewBox="0 0 20 20" width="12" height="12" aria-hidden="true">
                      <path d={o.icon} fill={KIND_STYLES[o.value as keyof typeof KIND_STYLES]?.color} />
                    </svg>
                  )}
                  <span className="facet-label">{o.label}</span>
                  <span className="facet-count">{count}</span>
                </label>
              </li>
            );
          })}
        </ul>
      </details>
    );
  };

  const year = (value: string) => (value === "" ? undefined : Number(value));
  const yearsId = useId();
  return (
    <section className="filters" aria-labelledby="filters-title">
      <div className="filters-head">
        <h2 id="filters-title">{t("filters.title")}</h2>
        <button
          type="button"
          className="link-button"
          disabled={!hasFilters(filters)}
          onClick={() => onChange(EMPTY_FILTERS)}
        >
          {t("filters.clear")}
        </button>
      </div>
      {group(
        "kinds",
        t("filters.kinds"),
        NODE_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`), icon: KIND_STYLES[k].svgPath })),
        true,
      )}
      {group("regions", t("filters.regions"), labelled("region"))}
      {group("topics", t("filters.topics"), labelled("topic"))}
      {group("skills", t("filters.skills"), labelled("skill"))}
      {group(
        "orgKinds",
        t("filters.orgKinds"),
        ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`orgKind.${k}`) })).filter((o) =>
          counts.orgKinds.has(o.value),
        ),
      )}
      {group(
        "status",
        t("filters.status"),
        PROJECT_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
      )}
      {group(
        "eventKinds",
        t("filters.eventKinds"),
        EVENT_KINDS.map((k) => ({ value: k, label: t(`eventKind.${k}`) })).filter((o) =>
          counts.eventKinds.has(o.value),
        ),
      )}
      <fieldset className="facet years">
        <legend>{t("filters.years")}</legend>
        <label>
          {t("filters.yearFrom")}
          <input
            type="number"
            min={1990}
            max={2100}
            value={filters.yearFrom ?? ""}
            onChange={(e) => onChange({ ...filters, yearFrom: year(e.target.value) })}
          />
        </label>
        <label>
          {t("filters.yearTo")}
          <input
            type="number"
            min={1990}
            max={2100}
            value={filters.yearTo ?? ""}
            aria-invalid={yearsReversed(filters) || undefined}
            aria-describedby={`${yearsId}-note`}
            onChange={(e) => onChange({ ...filters, yearTo: year(e.target.value) })}
          />
        </label>
        {/* Always present, so a screen reader hears the note when it appears. */}
        <p className="years-reversed" role="status" id={`${yearsId}-note`}>
          {yearsReversed(filters) ? t("filters.yearsReversed", { from: filters.yearFrom, to: filters.yearTo }) : ""}
        </p>
      </fieldset>
    </section>
  );
}
