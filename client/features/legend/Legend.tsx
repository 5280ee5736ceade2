/** The legend: each node kind's shape and colour with its name. */
import { useTranslation } from "react-i18next";
import { NODE_KINDS } from "../../../shared/schema/graph";
import { KIND_STYLES } from "../../graph-view/kind-style";

export function Legend() {
  const { t } = useTranslation();
  return (
    <section className="legend" aria-labelledby="legend-title">
      <h2 id="legend-title">{t("legend.title")}</h2>
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
    </section>
  );
}
