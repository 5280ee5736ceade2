/** The legend of the map, tile map, table and heat-map: the four gap classes, the number, and the circle size. */
import { useTranslation } from "react-i18next";
import { GAP_CLASSES } from "./gap-class";

export function CoverageLegend() {
  const { t } = useTranslation();
  return (
    <section className="coverage-legend" aria-labelledby="coverage-legend-heading">
      <h3 id="coverage-legend-heading">{t("coverage.legend.heading")}</h3>
      <ul>
        {GAP_CLASSES.map((cls) => (
          <li key={cls}>
            <span className={`swatch gap-${cls}`} aria-hidden="true" />
            {t(`coverage.legend.${cls}`)}
          </li>
        ))}
      </ul>
      <p>{t("coverage.legend.share")}</p>
      <p>{t("coverage.legend.number")}</p>
      <p>{t("coverage.legend.size")}</p>
    </section>
  );
}
