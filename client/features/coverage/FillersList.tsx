/**
 * Who could fill one gap (län, topic): ranked organisations with their score and the reasons, worded by the partner
 * explanations; each name opens the organisation in the graph.
 */
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorText } from "../../lib/error-text";
import type { Lang } from "../../state/url-state";
import { explain, inSentence } from "../partners/explain";
import { FILLER_PERSPECTIVE } from "./filler-reasons";
import { formats } from "./format";
import { useGapFillers } from "./use-coverage";

interface Props {
  regionCode: string;
  topicId: string;
  lang: Lang;
  onSelectNode: (key: string) => void;
}

/** Shown at first; the API returns up to 10. */
const SHOWN = 5;

export function FillersList({ regionCode, topicId, lang, onSelectNode }: Props) {
  const { t } = useTranslation();
  const { data, isLoading, isError, error } = useGapFillers(regionCode, topicId);
  const [all, setAll] = useState(false);
  const f = formats(lang);
  const percent = new Intl.NumberFormat(lang === "sv" ? "sv-SE" : "en-GB", {
    style: "percent",
    maximumFractionDigits: 0,
  });
  if (isLoading) return <p aria-busy="true">{t("coverage.fillers.loading")}</p>;
  if (isError || !data) return <p role="alert">{t("coverage.fillers.error", { message: errorText(error, t) })}</p>;
  const topic = inSentence(data.topic.label[lang]);
  return (
    <section className="coverage-fillers" aria-labelledby="coverage-fillers-heading">
      <h4 id="coverage-fillers-heading">{t("coverage.fillers.heading", { topic, region: data.region.name[lang] })}</h4>
      <p className="hint">{t("coverage.fillers.intro")}</p>
      <p>
        {t("coverage.fillers.cell", {
          topic,
          projects: t("coverage.n.projects", {
            count: data.cell.counts.projects,
            n: f.integer(data.cell.counts.projects),
          }),
          organisations: t("coverage.n.organisations", {
            count: data.cell.counts.organisations,
            n: f.integer(data.cell.counts.organisations),
          }),
        })}
      </p>
      {data.suggestions.length === 0 ? (
        <p>{t("coverage.fillers.none", { topic })}</p>
      ) : (
        <ol className="suggestion-list filler-list" id="coverage-filler-list">
          {(all ? data.suggestions : data.suggestions.slice(0, SHOWN)).map((s) => (
            <li key={s.key}>
              <div className="suggestion-head">
                <button
                  type="button"
                  className="link-button suggestion-name"
                  title={t("coverage.fillers.show", { name: s.name })}
                  onClick={() => onSelectNode(s.key)}
                >
                  {s.name}
                </button>
                <span className="suggestion-score">
                  {t("coverage.fillers.score", { score: percent.format(s.score) })}
                </span>
              </div>
              <ul className="reasons">
                {explain(s.evidence, FILLER_PERSPECTIVE, lang, t).map((sentence) => (
                  <li key={sentence}>{sentence}</li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
      {data.suggestions.length > SHOWN && (
        <button
          type="button"
          className="link-button"
          aria-expanded={all}
          aria-controls="coverage-filler-list"
          onClick={() => setAll((v) => !v)}
        >
          {all ? t("coverage.region.showFewer") : t("coverage.fillers.more")}
        </button>
      )}
    </section>
  );
}
