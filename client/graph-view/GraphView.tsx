/** The graph canvas: the only component that touches Cytoscape. */
import { useMemo, useRef } from "react";
import { useTranslation } from "react-i18next";
import { type GraphSnapshot, NODE_KINDS, type NodeKind } from "../../shared/schema/graph";
import { downloadBlob } from "../lib/download";
import { projectProjection } from "../state/project-projection";
import type { Lang, Layout } from "../state/url-state";
import type { ImageCaption } from "./export-image";
import { useLayout } from "./layout/use-layout";
import { useCytoscape } from "./use-cytoscape";
import { useHighlight } from "./use-highlight";
import { useNodeSize } from "./use-node-size";
import { useSelection } from "./use-selection";
import { useVisibility } from "./use-visibility";

interface Props {
  snapshot: GraphSnapshot;
  /** Nodes the filters and focus leave visible (undefined: all). */
  visible: Set<string> | undefined;
  layout: Layout;
  webgl: boolean;
  lang: Lang;
  selected: string | undefined;
  /** Nodes to bring forward (e.g. the evidence of a hovered suggestion); the rest fades. */
  highlight?: string[];
  /** Node sizes by a chosen measure, scaled to 0–1 (undefined: by degree). */
  sizeMeasure?: Map<string, number>;
  /** What the view shows, for the line under an exported image's title. */
  filterLine: string;
  onSelect: (key: string | undefined) => void;
}

export function GraphView({
  snapshot,
  visible,
  layout,
  webgl,
  lang,
  selected,
  highlight,
  sizeMeasure,
  filterLine,
  onSelect,
}: Props) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const projected = layout === "projects";
  const shown = useMemo(
    () => (projected ? projectProjection(snapshot, visible) : snapshot),
    [projected, snapshot, visible],
  );
  const cy = useCytoscape(container, shown, lang, webgl);
  const status = useLayout(cy, shown, layout);
  useVisibility(cy, projected ? undefined : visible, shown);
  useSelection(cy, selected, onSelect, status.placed);
  useHighlight(cy, highlight);
  useNodeSize(cy, shown, sizeMeasure);
  const caption = (): ImageCaption => {
    const date = new Date().toISOString().slice(0, 10);
    const kindLabels = Object.fromEntries(NODE_KINDS.map((k) => [k, t(`kind.${k}`)])) as Record<NodeKind, string>;
    return { title: t("image.title"), subtitle: `${date} · ${filterLine}`, kindLabels };
  };
  const fileName = (ext: string) => `partnerkartan-${new Date().toISOString().slice(0, 10)}.${ext}`;
  // The image code (and cytoscape-svg) loads on first use, keeping the first download small.
  const savePng = async (scale: number) => {
    if (!cy) return;
    const { viewAsPng } = await import("./export-image");
    downloadBlob(await viewAsPng(cy, caption(), scale), fileName("png"));
  };
  const saveSvg = async () => {
    if (!cy) return;
    const { viewAsSvg } = await import("./export-image");
    downloadBlob(new Blob([viewAsSvg(cy, caption())], { type: "image/svg+xml" }), fileName("svg"));
  };

  return (
    <div className="graph-view">
      <div
        ref={container}
        className="graph-canvas"
        role="img"
        aria-label={t("graph.label")}
        data-testid="graph-canvas"
      />
      {status.running && (
        <div className="layout-progress" role="status">
          <span>{t("graph.layoutRunning", { percent: Math.round(status.progress * 100) })}</span>
          <progress max={1} value={status.progress} aria-hidden="true" />
          <button type="button" onClick={status.stop}>
            {t("graph.layoutStop")}
          </button>
        </div>
      )}
      <fieldset className="graph-image">
        <legend>{t("image.label")}:</legend>
        <button type="button" className="image-button" onClick={() => void savePng(1)} aria-label={t("image.png")}>
          PNG
        </button>
        <button type="button" className="image-button" onClick={() => void savePng(3)} aria-label={t("image.pngHigh")}>
          PNG 3×
        </button>
        <button type="button" className="image-button" onClick={() => void saveSvg()} aria-label={t("image.svg")}>
          SVG
        </button>
      </fieldset>
      <button
        type="button"
        className="graph-fit"
        onClick={() => cy?.animate({ fit: { eles: cy.elements(":visible"), padding: 30 } }, { duration: 300 })}
      >
        {t("graph.fit")}
      </button>
    </div>
  );
}
