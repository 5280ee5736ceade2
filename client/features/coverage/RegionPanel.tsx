/**
 * A picked län: its figures, its gaps (topics it lacks entirely, then those below its share, largest gap first),
 * who could fill the chosen gap, and a way to see the län in the graph. Picking a gap chooses that topic view-wide.
 */
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { CoverageMatrix, RegionCoverage } from "../../../shared/schema/coverage";
import type { Lang } from "../../state/url-state";
import { FillersList } from "./FillersList";
import { formats } from "./format";
import { gapClass } from "./gap-class";

interface Props {
  row: RegionCoverage;
  matrix: CoverageMatrix | undefined;
  lang: Lang;
  /** The topic chosen in the view, if any; otherwise the län's largest gap is shown. */
  topicId: string | undefined;
  topicLabel: string | undefined;
  onTopic: (id: string | undefined) => void;
  onClose: () => void;
  onSelectNode: (key: string) => void;
  onShowInGraph: (regionCode: string) => void;
}

const CHIPS_SHOWN = 8;

export function RegionPanel(props: Props) {
  const { row, matrix, lang, topicId, topicLabel, onTopic, onClose, onSelectNode, onShowInGraph } = props;
  const { t } = useTranslation();
  const [allMissing, setAllMissing] = useState(false);
  const f = formats(lang);
  const index = matrix?.regions.findIndex((r) => r.code === row.code) ?? -1;
  const gaps = (matrix?.topics ?? [])
    .map((topic, i) => ({ topic, cell: matrix?.cells[index]?.[i] }))
    .filter((g): g is { topic: (typeof g)["topic"]; cell: NonNullable<(typeof g)["cell"]> } => g.cell !== undefined)
    .sort((a, b) => a.cell.rankInRegion - b.cell.rankInRegion);
  const missing = gaps.filter((g) => g.cell.activity === 0);
  const thin = gaps.filter((g) => g.cell.activity > 0 && g.cell.gap.score > 0);
  const activeTopic = topicId ?? gaps[0]?.topic.id;
  // A län lacking most topics would fill the panel with chips: the first few (and the chosen one) until asked.
  const shownMissing =
    allMissing || missing.length <= CHIPS_SHOWN
      ? missing
      : missing.filter((g, i) => i < CHIPS_SHOWN || g.topic.id === activeTopic);
  const counts = {
    projects: t("coverage.n.projects", { count: row.counts.projects, n: f.integer(row.counts.projects) }),
    organisations: t("coverage.n.organisations", {
      count: row.counts.organisations,
      n: f.integer(row.counts.organisations),
    }),
    localGroups: t("coverage.n.localGroups", { count: row.counts.localGroups, n: f.integer(row.counts.localGroups) }),
  };
  const chip = (g: (typeof gaps)[number], withGap: boolean) => (
    <li key={g.topic.id}>
      <button
        type="button"
        className="chip"
        aria-pressed={activeTopic === g.topic.id}
        onClick={() => onTopic(g.topic.id)}
      >
        {withGap
          ? t("coverage.region.topicGap", { topic: g.topic.label[lang], gap: f.decimal(g.cell.gap.score) })
          : g.topic.label[lang]}
      </button>
    </li>
  );

  return (
    <section className="coverage-region" aria-labelledby="coverage-region-name">
      <header className="region-head">
        <h3 id="coverage-region-name" tabIndex={-1}>
          {row.name[lang]}
        </h3>
        <button type="button" className="details-close" onClick={onClose} aria-label={t("coverage.region.close")}>
          ×
        </button>
      </header>
      <dl className="facts">
        <div>
          <dt>{t("coverage.region.population", { year: row.population.year })}</dt>
          <dd>{f.integer(row.population.count)}</dd>
        </div>
      </dl>
      <p>
        {topicLabel
          ? t("coverage.region.countsTopic", { topic: topicLabel, ...counts })
          : t("coverage.region.counts", counts)}
      </p>
      <p className="region-events">
        {row.events.total === 0
          ? t("coverage.region.neverMet")
          : [
              t("coverage.region.events", { count: row.events.recent, total: row.events.total }),
              row.events.last ? t("coverage.region.eventsLast", { date: row.events.last }) : "",
            ]
              .filter(Boolean)
              .join(", ")}
      </p>
      <p>
        {t("coverage.region.gap", { gap: f.decimal(row.gap.score), status: t(`coverage.class.${gapClass(row.gap)}`) })}
      </p>
      <button type="button" className="coverage-button" onClick={() => onShowInGraph(row.code)}>
        {t("coverage.region.showInGraph")}
      </button>
      <h4>{t("coverage.region.gapsHeading", { region: row.name[lang] })}</h4>
      {missing.length === 0 && thin.length === 0 && <p>{t("coverage.region.noGaps")}</p>}
      {missing.length > 0 && (
        <>
          <p className="chip-heading">{t("coverage.region.missing", { count: missing.length })}</p>
          <ul className="chip-list" id="coverage-missing-topics">
            {shownMissing.map((g) => chip(g, false))}
          </ul>
          {missing.length > CHIPS_SHOWN && (
            <button
              type="button"
              className="link-button"
              aria-expanded={allMissing}
              aria-controls="coverage-missing-topics"
              onClick={() => setAllMissing((v) => !v)}
            >
              {allMissing ? t("coverage.region.showFewer") : t("coverage.region.showAll", { count: missing.length })}
            </button>
          )}
        </>
      )}
      {thin.length > 0 && (
        <>
          <p className="chip-heading">{t("coverage.region.thin")}</p>
          <ul className="chip-list">{thin.map((g) => chip(g, true))}</ul>
        </>
      )}
      {activeTopic && (
        <FillersList
          key={activeTopic}
          regionCode={row.code}
          topicId={activeTopic}
          lang={lang}
          onSelectNode={onSelectNode}
        />
      )}
    </section>
  );
}
