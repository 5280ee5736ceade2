/** Above the graph: layout, focus on the selected node (1–3 steps), copy a link to this view, settings (renderer). */
import { type ReactNode, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { LAYOUTS, type Layout } from "../../state/url-state";
import { SettingsMenu } from "./SettingsMenu";

export const SIZE_MEASURES = ["degree", "pagerank", "betweenness"] as const;
export type SizeMeasure = (typeof SIZE_MEASURES)[number];

interface Props {
  layout: Layout;
  onLayout: (layout: Layout) => void;
  /** The selected node, if the graph knows it (an id from an old link that no longer exists cannot be focused). */
  selected: string | undefined;
  focus: string | undefined;
  hops: 1 | 2 | 3;
  onFocus: (focus: string | undefined, hops: 1 | 2 | 3) => void;
  /** In a focused view: show the selected node's neighbours too. */
  canExpand: boolean;
  onExpand: () => void;
  webgl: boolean;
  onWebgl: (on: boolean) => void;
  showGraphOptions: boolean;
  sizeBy: SizeMeasure;
  onSizeBy: (measure: SizeMeasure) => void;
  /** More tools at the end of the bar (the export menu). */
  children?: ReactNode;
}

export function GraphToolbar({
  layout,
  onLayout,
  selected,
  focus,
  hops,
  onFocus,
  canExpand,
  onExpand,
  webgl,
  onWebgl,
  showGraphOptions,
  sizeBy,
  onSizeBy,
  children,
}: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(window.location.href);
      setCopied(true);
      setTimeout(() => setCopied(false), 2500);
    } catch {
      window.prompt(t("toolbar.copyPrompt"), window.location.href);
    }
  };
  return (
    <div className="toolbar" role="toolbar" aria-label={t("toolbar.label")}>
      {showGraphOptions && (
        <div className="toolbar-group">
          <label htmlFor={`${id}-layout`}>{t("toolbar.layout")}</label>
          <select id={`${id}-layout`} value={layout} onChange={(e) => onLayout(e.target.value as Layout)}>
            {LAYOUTS.map((l) => (
              <option key={l} value={l}>
                {t(`toolbar.layouts.${l}`)}
              </option>
            ))}
          </select>
        </div>
      )}
      {showGraphOptions && (
        <div className="toolbar-group">
          <label htmlFor={`${id}-size`}>{t("toolbar.sizeBy")}</label>
          <select id={`${id}-size`} value={sizeBy} onChange={(e) => onSizeBy(e.target.value as SizeMeasure)}>
            {SIZE_MEASURES.map((m) => (
              <option key={m} value={m}>
                {t(`toolbar.sizes.${m}`)}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="toolbar-group">
        <button type="button" disabled={!selected || selected === focus} onClick={() => onFocus(selected, hops)}>
          {t("toolbar.focus")}
        </button>
        <label htmlFor={`${id}-hops`} className="visually-hidden">
          {t("toolbar.hops")}
        </label>
        <select id={`${id}-hops`} value={hops} onChange={(e) => onFocus(focus, Number(e.target.value) as 1 | 2 | 3)}>
          {[1, 2, 3].map((h) => (
            <option key={h} value={h}>
              {t("toolbar.hopsValue", { count: h })}
            </option>
          ))}
        </select>
        {focus && (
          <button type="button" disabled={!canExpand} onClick={onExpand}>
            {t("toolbar.expand")}
          </button>
        )}
        {focus && (
          <button type="button" onClick={() => onFocus(undefined, 1)}>
            {t("toolbar.unfocus")}
          </button>
        )}
      </div>
      <button type="button" onClick={copy}>
        {copied ? t("toolbar.copied") : t("toolbar.copyLink")}
      </button>
      <span className="visually-hidden" aria-live="polite">
        {copied ? t("toolbar.copied") : ""}
      </span>
      {children}
      {showGraphOptions && <SettingsMenu webgl={webgl} onWebgl={onWebgl} />}
    </div>
  );
}
