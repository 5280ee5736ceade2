/**
 * The legend: each node kind's shape and colour with its name. On a phone (the narrow layout) it folds into a
 * disclosure, closed at first, so the small canvas keeps its room for the graph.
 */
import { useTranslation } from "react-i18next";
import { NODE_KINDS } from "../../../shared/schema/value-lists";
import { KIND_STYLES } from "../../graph-view/kind-style";
import { useNarrow } from "../../lib/use-narrow";

export function Legend() {
  const { t } = useTranslation();
  const narrow = useNarrow();
  const body = (
    <>
      <ul>
        {NODE_KINDS.map((kind) => (
          <li key={kind}>
            <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true">
              <path d={KIND_STYLES[kind].svgPath} fill={KIND_STYLES[kind].color} />
            </svg>
            {t(`kind.${kind}`)}
          </li>
        ))}
      </ul>
      <p>{t("legend.edges")}</p>
    </>
  );
  if (narrow)
    return (
      <section className="legend legend-folding" aria-labelledby="legend-title">
        <details>
          <summary id="legend-title">{t("legend.title")}</summary>
          {body}
        </details>
      </section>
    );
  return (
    <section className="legend" aria-labelledby="legend-title">
      <h2 id="legend-title">{t("legend.title")}</h2>
      {body}
    </section>
  );
}
