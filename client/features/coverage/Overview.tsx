/**
 * What the panel shows before a län is picked: the län with nothing at all (for the chosen topic), as the server's
 * summary lists them (the same rows as the tiles and the map), and how many topics the five most populous län lack
 * entirely (the heat-map's empty cells). Each län is a button that opens its gaps.
 */
import { useTranslation } from "react-i18next";
import type { CoverageByRegion, CoverageMatrix } from "../../../shared/schema/coverage";
import type { Lang } from "../../state/url-state";
import { inSentence } from "../partners/explain";

interface Props {
  coverage: CoverageByRegion;
  matrix: CoverageMatrix | undefined;
  lang: Lang;
  onSelect: (code: string) => void;
}

export function Overview({ coverage, matrix, lang, onSelect }: Props) {
  const { t } = useTranslation();
  const noProject = coverage.summary.empty.flatMap((code) => coverage.regions.filter((r) => r.code === code));
  const topic = coverage.topic && inSentence(coverage.topic.label[lang]);
  const neverMet = coverage.summary.neverMet.flatMap((code) => coverage.regions.filter((r) => r.code === code));
  const populous = matrix?.regions.slice(0, 5).map((r, i) => ({
    region: r,
    missing: (matrix.cells[i] ?? []).filter((c) => c.activity === 0).length,
  }));
  return (
    <section className="coverage-overview" aria-labelledby="coverage-overview-heading">
      <h3 id="coverage-overview-heading">{t("coverage.overview.heading")}</h3>
      {noProject.length === 0 ? (
        <p>{t("coverage.overview.allHaveProjects")}</p>
      ) : (
        <>
          <p>
            {topic
              ? t("coverage.overview.noProjectsTopic", { count: noProject.length, topic })
              : t("coverage.overview.noProjects", { count: noProject.length })}
          </p>
          <ul className="chip-list" aria-label={t("coverage.table.heading")}>
            {noProject.map((r) => (
              <li key={r.code}>
                <button type="button" className="chip" onClick={() => onSelect(r.code)}>
                  {r.name[lang]}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {/* Plain text, not buttons: most län would be listed, and the tiles and the table already pick a län. */}
      <p className="never-met">
        {neverMet.length === 0
          ? t("coverage.overview.metEverywhere")
          : `${t("coverage.overview.neverMet", { count: neverMet.length })} ${new Intl.ListFormat(lang === "sv" ? "sv" : "en-GB", { type: "conjunction" }).format(neverMet.map((r) => r.name[lang]))}.`}
      </p>
      {populous && matrix && (
        <>
          <p>{t("coverage.overview.populous")}</p>
          <ul className="populous-list">
            {populous.map(({ region, missing }) => (
              <li key={region.code}>
                <button type="button" className="link-button" onClick={() => onSelect(region.code)}>
                  {region.name[lang]}
                </button>
                : {t("coverage.overview.missingTopics", { count: missing, total: matrix.topics.length })}
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="hint">{t("coverage.overview.pick")}</p>
    </section>
  );
}
