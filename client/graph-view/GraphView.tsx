/** The graph canvas: the only component that touches Cytoscape. */
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import type { GraphSnapshot } from "../../shared/schema/graph";
import type { Lang } from "../state/url-state";
import { useCytoscape } from "./use-cytoscape";
import { useHighlight } from "./use-highlight";
import { useSelection } from "./use-selection";

interface Props {
  snapshot: GraphSnapshot;
  lang: Lang;
  selected: string | undefined;
  /** Nodes to bring forward (e.g. the evidence of a hovered suggestion); the rest fades. */
  highlight?: string[];
  onSelect: (key: string | undefined) => void;
}

export function GraphView({ snapshot, lang, selected, highlight, onSelect }: Props) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const cy = useCytoscape(container, snapshot, lang);
  useSelection(cy, selected, onSelect);
  useHighlight(cy, highlight);
  return (
    <div className="graph-view">
      <div
        ref={container}
        className="graph-canvas"
        role="img"
        aria-label={t("graph.label")}
        data-testid="graph-canvas"
      />
      <button
        type="button"
        className="graph-fit"
        onClick={() => cy?.animate({ fit: { eles: cy.elements(), padding: 30 } }, { duration: 300 })}
      >
        {t("graph.fit")}
      </button>
    </div>
  );
}
