/**
 * The line under the graph that says what it draws ("80 organisationer · 53 projekt · 21 län · 27 ämnen"), and, only
 * when nothing at all is drawn, a notice with a button that clears the filters.
 */
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { Layout } from "../../state/url-state";
import { COUNT_ORDER, countDrawn } from "./count-drawn";

interface Props {
  /** The nodes the filters and focus leave visible. */
  visible: Set<string>;
  layout: Layout;
  /** Filters or a focus are set (an empty graph is then their doing, and clearing them helps). */
  narrowed: boolean;
  /** Renders the "nothing matches" notice (over the graph) instead of the count line (in the notes' corner). */
  notice?: boolean;
  onClear: () => void;
}

export function CountLine({ visible, layout, narrowed, onClear, notice = false }: Props) {
  const { t } = useTranslation();
  const counts = useMemo(() => countDrawn(visible, layout), [visible, layout]);
  const parts = COUNT_ORDER.filter((kind) => counts[kind] > 0).map((kind) =>
    t(`counts.${kind}`, { count: counts[kind] }),
  );
  if (!notice) {
    return (
      <p className="data-summary" title={t("counts.label")}>
        {parts.length > 0 ? parts.join(" · ") : t("counts.none")}
      </p>
    );
  }
  return (
    <>
      {narrowed && parts.length === 0 && (
        <div className="empty-notice" role="status">
          <p>{t("counts.nothing")}</p>
          <button type="button" onClick={onClear}>
            {t("filters.clear")}
          </button>
        </div>
      )}
    </>
  );
}
