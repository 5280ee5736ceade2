/**
 * The sortable län table: counts, per-capita figures, shares and gap score, coloured like the map. It is the map's
 * text alternative and a keyboard path: each län name is a button that opens its gaps. The CSV export sits above it.
 */
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { RegionCoverage } from "../../../shared/schema/coverage";
import type { Lang } from "../../state/url-state";
import { coverageCsv, downloadText } from "./csv";
import { formats } from "./format";
import { gapClass } from "./gap-class";
import { COLUMNS, type Column, type SortState, sortRows } from "./table-columns";

interface Props {
  regions: RegionCoverage[];
  lang: Lang;
  topicId: string | undefined;
  selected: string | undefined;
  onSelect: (code: string) => void;
}

export function CoverageTable({ regions, lang, topicId, selected, onSelect }: Props) {
  const { t } = useTranslation();
  const [sort, setSort] = useState<SortState>({ key: "rank", direction: "asc" });
  const rows = useMemo(() => sortRows(regions, sort, lang), [regions, sort, lang]);
  const f = formats(lang);
  const show = (column: Column, r: RegionCoverage): string => {
    const value = column.value(r, lang);
    if (typeof value === "string") return value;
    if (column.kind === "percent") return `${f.decimal(value)} %`;
    return column.kind === "decimal" ? f.decimal(value) : f.integer(value);
  };
  const toggle = (column: Column) =>
    setSort((s) =>
      s.key === column.key
        ? { key: s.key, direction: s.direction === "asc" ? "desc" : "asc" }
        : { key: column.key, direction: column.firstDirection },
    );
  const download = () => {
    const name = topicId ? t("coverage.csv.filenameTopic", { topic: topicId }) : t("coverage.csv.filename");
    downloadText(coverageCsv(rows, lang, t), `${name}.csv`);
  };

  return (
    <section className="coverage-table-section" aria-labelledby="coverage-table-heading">
      <div className="section-head">
        <h3 id="coverage-table-heading">{t("coverage.table.heading")}</h3>
        <button type="button" className="coverage-button" onClick={download}>
          {t("coverage.csv.download")}
        </button>
      </div>
      <div className="table-scroll">
        <table className="coverage-table">
          <caption>{t("coverage.table.caption")}</caption>
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th
                  key={c.key}
                  scope="col"
                  className={c.kind === "text" ? "text" : "number"}
                  aria-sort={sort.key === c.key ? (sort.direction === "asc" ? "ascending" : "descending") : undefined}
                >
                  <button type="button" className="sort-button" onClick={() => toggle(c)}>
                    {c.short ? (
                      <>
                        <span aria-hidden="true">{t(c.short)}</span>
                        <span className="visually-hidden">{t(c.label)}</span>
                      </>
                    ) : (
                      t(c.label)
                    )}
                    <span className="sort-mark" aria-hidden="true">
                      {sort.key === c.key ? (sort.direction === "asc" ? "▲" : "▼") : "↕"}
                    </span>
                  </button>
                </th>
              ))}
              <th scope="col" className="text">
                {t("coverage.table.status")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const cls = gapClass(r.gap);
              return (
                <tr
                  key={r.code}
                  data-region={r.code}
                  className={selected === r.code ? "selected" : undefined}
                  onClick={() => onSelect(r.code)}
                >
                  {COLUMNS.map((c) =>
                    c.key === "region" ? (
                      <th key={c.key} scope="row" className="text">
                        <button
                          type="button"
                          className="link-button"
                          aria-pressed={selected === r.code}
                          onClick={(e) => {
                            e.stopPropagation();
                            onSelect(r.code);
                          }}
                        >
                          {r.name[lang]}
                        </button>
                      </th>
                    ) : (
                      <td key={c.key} className={`number${c.key === "gap" ? ` gap-cell gap-${cls}` : ""}`}>
                        {show(c, r)}
                      </td>
                    ),
                  )}
                  <td className="text status">
                    <span className="status-label">
                      <span className={`swatch gap-${cls}`} aria-hidden="true" />
                      {t(`coverage.class.${cls}`)}
                    </span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
