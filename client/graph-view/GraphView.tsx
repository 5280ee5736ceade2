/** The graph canvas: the only component that touches Cytoscape. */
import { useCallback, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { GraphSnapshot, NodeKind } from "../../shared/schema/graph";
import { NODE_KINDS } from "../../shared/schema/value-lists";
import { downloadBlob } from "../lib/download";
import { projectProjection } from "../state/project-projection";
import type { Lang, Layout } from "../state/url-state";
import type { DrawState } from "./draw-state";
import { ELEMENT_BUDGET, indexSnapshot, needsBudget, pickDrawn, withNeighbours } from "./element-budget";
import type { ImageCaption } from "./export-image";
import "./graph-budget.css";
import { useLabels } from "./labels/use-labels";
import { fetchServerPositions } from "./layout/server-positions";
import { useLayout } from "./layout/use-layout";
import { useCytoscape } from "./use-cytoscape";
import { useElements } from "./use-elements";
import { useHighlight } from "./use-highlight";
import { useNodeSize } from "./use-node-size";
import { useSelection } from "./use-selection";
import { useVisibility } from "./use-visibility";

// The server's layout loads with the page, in parallel with the snapshot (see server-positions.ts).
void fetchServerPositions();

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
  const index = useMemo(() => indexSnapshot(shown), [shown]);
  // Very large graphs draw a budget of nodes (the best connected that pass the filters, plus the selection and its
  // neighbours and any highlighted path); "show more" raises it.
  const [limit, setLimit] = useState(ELEMENT_BUDGET);
  const candidates = projected ? undefined : visible;
  const budgeted = needsBudget(shown);
  const required = useMemo(
    () => [...(selected ? withNeighbours(index, selected) : []), ...(highlight ?? [])],
    [index, selected, highlight],
  );
  const drawn = useMemo(
    () => (budgeted ? pickDrawn(index, candidates, limit, required) : undefined),
    [budgeted, index, candidates, limit, required],
  );
  const available = candidates?.size ?? shown.nodes.length;
  const drawState = useRef<DrawState>({ positions: undefined, adding: false });
  const [placed, setPlaced] = useState(0);
  const onPlaced = useCallback(() => setPlaced((n) => n + 1), []);
  const cy = useCytoscape(container, shown, webgl);
  const elementsVersion = useElements(
    cy,
    shown,
    index,
    drawn,
    lang,
    drawState,
    placed,
    candidates,
    layout !== "concentric",
    projected || drawn ? undefined : visible,
  );
  const status = useLayout(cy, shown, layout, drawState, onPlaced, elementsVersion);
  // Budgeted graphs draw only visible nodes; the others hide filtered ones, again whenever elements are added.
  useVisibility(cy, projected || drawn ? undefined : visible, drawn ? shown : elementsVersion);
  useSelection(cy, selected, onSelect, placed + elementsVersion);
  useHighlight(cy, highlight, elementsVersion);
  useNodeSize(cy, shown, sizeMeasure, elementsVersion);
  // After the hooks above: it reads the classes and sizes they set.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new identity whenever labels must be chosen again
  const labelTrigger = useMemo(() => ({}), [elementsVersion, placed, selected, highlight, lang, sizeMeasure]);
  useLabels(cy, labelTrigger);
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
      {drawn && drawn.length < available && (
        <div className="graph-budget">
          <span role="status">{t("graphBudget.showing", { shown: drawn.length, total: available })}</span>
          <button type="button" onClick={() => setLimit((n) => n + ELEMENT_BUDGET)}>
            {t("graphBudget.showMore")}
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
