/**
 * The coverage view for coordinators: where in Sweden civic tech is thin, per län and topic, against population,
 * and who could fill each gap. The chosen län and topic live in the URL (props); the rest is server state.
 */
import { useTranslation } from "react-i18next";
import type { Lang } from "../../state/url-state";
import { inSentence } from "../partners/explain";
import { CoverageLegend } from "./CoverageLegend";
import { CoverageTable } from "./CoverageTable";
import { formats } from "./format";
import { MatrixHeatmap } from "./MatrixHeatmap";
import { Overview } from "./Overview";
import { RegionPanel } from "./RegionPanel";
import { SwedenMap } from "./SwedenMap";
import { TileGrid } from "./TileGrid";
import { TopicSelect } from "./TopicSelect";
import { useCoverageByRegion, useCoverageMatrix } from "./use-coverage";
import "./coverage.css";
import "./coverage-tables.css";
import { errorText } from "../../lib/error-text";

export interface CoverageViewProps {
  lang: Lang;
  region: string | undefined;
  topic: string | undefined;
  onRegion: (code: string | undefined) => void;
  onTopic: (id: string | undefined) => void;
  onSelectNode: (key: string) => void;
  onShowInGraph: (regionCode: string) => void;
}

export function CoverageView({
  lang,
  region,
  topic,
  onRegion,
  onTopic,
  onSelectNode,
  onShowInGraph,
}: CoverageViewProps) {
  const { t } = useTranslation();
  const f = formats(lang).integer;
  const matrix = useCoverageMatrix();
  // A topic or län from a link that the data does not know is ignored rather than shown as an error.
  const topicId = matrix.data && !matrix.data.topics.some((x) => x.id === topic) ? undefined : topic;
  const coverage = useCoverageByRegion(topicId, topic === undefined || matrix.data !== undefined);
  const rows = coverage.data?.regions ?? [];
  const row = rows.find((r) => r.code === region);
  const topicName = coverage.data?.topic?.label[lang];
  const topicLabel = topicName && inSentence(topicName);
  const national = coverage.data?.national;

  return (
    <div className="coverage-view">
      <header className="coverage-head">
        <div>
          <h2>{t("coverage.heading")}</h2>
          <p>{t("coverage.intro")}</p>
        </div>
        {matrix.data && <TopicSelect topics={matrix.data.topics} lang={lang} value={topicId} onChange={onTopic} />}
      </header>
      {(coverage.isPending || matrix.isPending) && <p aria-busy="true">{t("coverage.loading")}</p>}
      {(coverage.isError || matrix.isError) && (
        <p role="alert">{t("coverage.error", { message: errorText(coverage.error ?? matrix.error, t) })}</p>
      )}
      {coverage.data && (
        <>
          {national && (
            <p className="coverage-national">
              {topicLabel
                ? t("coverage.nationalTopic", {
                    topic: topicLabel,
                    projects: t("coverage.n.nationalProjects", { count: national.projects, n: f(national.projects) }),
                    organisations: t("coverage.n.nationalOrganisations", {
                      count: national.organisations,
                      n: f(national.organisations),
                    }),
                  })
                : t("coverage.national", {
                    projects: t("coverage.n.nationalProjects", { count: national.projects, n: f(national.projects) }),
                    organisations: t("coverage.n.nationalOrganisations", {
                      count: national.organisations,
                      n: f(national.organisations),
                    }),
                  })}
            </p>
          )}
          <div className="coverage-top">
            <section className="coverage-maps" aria-labelledby="coverage-maps-heading">
              <h3 id="coverage-maps-heading" className="visually-hidden">
                {t("coverage.map.heading")}
              </h3>
              <SwedenMap regions={rows} lang={lang} selected={region} onSelect={onRegion} />
              <div className="coverage-tiles-box">
                <h4>{t("coverage.tiles.heading")}</h4>
                <TileGrid regions={rows} lang={lang} selected={region} onSelect={onRegion} />
              </div>
              <CoverageLegend />
            </section>
            <div className="coverage-side">
              {row ? (
                <RegionPanel
                  key={row.code}
                  row={row}
                  matrix={matrix.data}
                  lang={lang}
                  topicId={topicId}
                  topicLabel={topicLabel}
                  onTopic={onTopic}
                  onClose={() => onRegion(undefined)}
                  onSelectNode={onSelectNode}
                  onShowInGraph={onShowInGraph}
                />
              ) : (
                <Overview coverage={coverage.data} matrix={matrix.data} lang={lang} onSelect={onRegion} />
              )}
            </div>
          </div>
          <CoverageTable regions={rows} lang={lang} topicId={topicId} selected={region} onSelect={onRegion} />
        </>
      )}
      {matrix.data && (
        <MatrixHeatmap
          matrix={matrix.data}
          lang={lang}
          region={region}
          topic={topicId}
          onPick={(code, id) => {
            onRegion(code);
            onTopic(id);
          }}
        />
      )}
    </div>
  );
}
