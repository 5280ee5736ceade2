/**
 * The län × topic heat-map: one row per topic (most common first), one column per län (most populous first), each
 * cell the number of projects + organisations on that topic there, coloured by its gap class; empty cells are
 * hatched and read 0. Each cell is a button, with one tab stop for the whole table (roving focus): arrow keys move,
 * Home and End jump along a row, Enter or a click opens who could fill the gap.
 */
import { type KeyboardEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { CoverageMatrix } from "../../../shared/schema/coverage";
import type { Lang } from "../../state/url-state";
import { formats, shortName } from "./format";
import { gapClass } from "./gap-class";

interface Props {
  matrix: CoverageMatrix;
  lang: Lang;
  region: string | undefined;
  topic: string | undefined;
  onPick: (regionCode: string, topicId: string) => void;
}

const MOVES: Record<string, [number, number]> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

export function MatrixHeatmap({ matrix, lang, region, topic, onPick }: Props) {
  const { t } = useTranslation();
  const f = formats(lang);
  const table = useRef<HTMLTableElement>(null);
  // Rows are topics, columns are län; the focused cell is the grid's one tab stop.
  const [focus, setFocus] = useState<[number, number]>([0, 0]);
  const rows = matrix.topics.length;
  const columns = matrix.regions.length;

  const moveTo = (row: number, column: number) => {
    const next: [number, number] = [Math.min(rows - 1, Math.max(0, row)), Math.min(columns - 1, Math.max(0, column))];
    setFocus(next);
    table.current?.querySelector<HTMLElement>(`[data-cell="${next[0]}-${next[1]}"]`)?.focus();
  };
  const onKeyDown = (e: KeyboardEvent, row: number, column: number) => {
    const move = MOVES[e.key];
    if (move) moveTo(row + move[0], column + move[1]);
    else if (e.key === "Home") moveTo(e.ctrlKey ? 0 : row, 0);
    else if (e.key === "End") moveTo(e.ctrlKey ? rows - 1 : row, columns - 1);
    else return;
    e.preventDefault();
  };

  return (
    <section className="coverage-matrix-section" aria-labelledby="coverage-matrix-heading">
      <h3 id="coverage-matrix-heading">{t("coverage.matrix.heading")}</h3>
      <div className="table-scroll">
        <table
          ref={table}
          className="coverage-matrix"
          aria-labelledby="coverage-matrix-heading"
          aria-describedby="coverage-matrix-caption coverage-matrix-hint"
        >
          <caption id="coverage-matrix-caption">{t("coverage.matrix.caption")}</caption>
          <thead>
            <tr>
              <td />
              {matrix.regions.map((r) => (
                <th
                  key={r.code}
                  scope="col"
                  className={`matrix-region${region === r.code ? " current" : ""}`}
                  title={r.name[lang]}
                >
                  <span>{shortName(r.name, lang)}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {matrix.topics.map((tp, row) => (
              <tr key={tp.id} className={topic === tp.id ? "current" : undefined}>
                <th scope="row" className="matrix-topic">
                  {tp.label[lang]}
                </th>
                {matrix.regions.map((r, column) => {
                  const cell = matrix.cells[column]?.[row];
                  if (!cell) return <td key={r.code} />;
                  const cls = gapClass(cell.gap);
                  const label =
                    cell.activity === 0
                      ? t("coverage.matrix.emptyCell", { region: r.name[lang], topic: tp.label[lang] })
                      : t("coverage.matrix.cell", {
                          region: r.name[lang],
                          topic: tp.label[lang],
                          activity: f.integer(cell.activity),
                          projects: t("coverage.n.projects", {
                            count: cell.counts.projects,
                            n: f.integer(cell.counts.projects),
                          }),
                          organisations: t("coverage.n.organisations", {
                            count: cell.counts.organisations,
                            n: f.integer(cell.counts.organisations),
                          }),
                        });
                  const picked = region === r.code && topic === tp.id;
                  return (
                    <td key={r.code}>
                      <button
                        type="button"
                        data-cell={`${row}-${column}`}
                        data-region={r.code}
                        data-topic={tp.id}
                        className={`matrix-cell gap-${cls}${picked ? " picked" : ""}`}
                        tabIndex={focus[0] === row && focus[1] === column ? 0 : -1}
                        aria-pressed={picked}
                        aria-label={label}
                        title={label}
                        onClick={() => {
                          setFocus([row, column]);
                          onPick(r.code, tp.id);
                        }}
                        onKeyDown={(e) => onKeyDown(e, row, column)}
                      >
                        {f.integer(cell.activity)}
                      </button>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="hint" id="coverage-matrix-hint">
        {t("coverage.matrix.hint")}
      </p>
    </section>
  );
}
