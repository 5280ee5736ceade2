/**
 * Keeps Cytoscape's elements in step with the snapshot. Small graphs: every element, added at once (filters then hide
 * and show them). Large graphs: only the budgeted nodes and the edges among them, added in chunks between frames so
 * no task blocks the page, each placed from the known positions; nodes leaving the budget are removed.
 */
import type { Core, ElementDefinition } from "cytoscape";
import { type RefObject, useEffect, useMemo, useRef, useState } from "react";
import type { GraphNode, GraphSnapshot } from "../../shared/schema/graph";
import type { Lang } from "../state/url-state";
import { type DrawState, markDrawnWhenComplete } from "./draw-state";
import type { SnapshotIndex } from "./element-budget";
import { fitPositions, fitVisible } from "./fit-visible";
import { elementFactory, toElements } from "./to-elements";

/** Elements per chunk: one chunk's add and style pass stays well under 50 ms on a slow machine. */
const CHUNK = 150;

export function useElements(
  cy: Core | undefined,
  snapshot: GraphSnapshot,
  index: SnapshotIndex,
  /** The nodes to draw, most important first (undefined: all, at once). */
  drawn: string[] | undefined,
  lang: Lang,
  state: RefObject<DrawState>,
  /** Changes when the layout places nodes anew: budgeted nodes wait for positions. */
  placed: number,
  /** Changes when the view should be framed anew (new filters); "show more" and a selection keep it where it is. */
  frameKey: unknown,
  /** False for layouts that place the drawn elements themselves (concentric). */
  waitForPositions: boolean,
): number {
  const [version, setVersion] = useState(0);
  const langRef = useRef(lang);
  langRef.current = lang;
  const applied = useRef<{ cy: Core; snapshot: GraphSnapshot } | undefined>(undefined);
  const framed = useRef<unknown>(undefined);
  const make = useMemo(() => elementFactory(snapshot), [snapshot]);
  const nodeOf = useMemo(() => new Map<string, GraphNode>(snapshot.nodes.map((n) => [n.key, n])), [snapshot]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: placed and frameKey are triggers, not inputs
  useEffect(() => {
    if (!cy) return;
    if (applied.current?.cy !== cy || applied.current?.snapshot !== snapshot) {
      cy.elements().remove();
      applied.current = { cy, snapshot };
    }
    // Positions first: nodes drawn before the layout is known would all sit at one point and be drawn twice.
    if (waitForPositions && !state.current.positions) return;
    const positions = state.current.positions ?? {};
    if (!drawn) {
      if (cy.nodes().nonempty()) return;
      cy.batch(() => {
        cy.add(toElements(snapshot, langRef.current, positions));
      });
      fitVisible(cy);
      setVersion((v) => v + 1);
      markDrawnWhenComplete(cy, state.current);
      return;
    }
    const wanted = new Set(drawn);
    cy.batch(() => {
      cy.nodes()
        .filter((node) => !wanted.has(node.id()))
        .remove();
    });
    const present = new Set<string>(cy.nodes().map((node) => node.id()));
    // A new set (filters, a new graph, the first positions) is framed; "show more" and a selection keep the view.
    const refit = present.size === 0 || framed.current !== frameKey;
    framed.current = frameKey;
    const adding = drawn.filter((key) => !present.has(key));
    if (adding.length === 0) {
      if (refit) fitVisible(cy);
      return;
    }
    if (refit)
      fitPositions(
        cy,
        drawn.map((key) => positions[key]),
      );
    let cancelled = false;
    let at = 0;
    state.current.adding = true;
    const chunk = () => {
      if (cancelled) return;
      const definitions: ElementDefinition[] = [];
      const lang = langRef.current;
      const known = state.current.positions ?? positions;
      while (at < adding.length && definitions.length < CHUNK) {
        const key = adding[at++] as string;
        const node = nodeOf.get(key);
        if (!node) continue;
        definitions.push(make.node(node, lang, known[key]));
        present.add(key);
        // An edge joins when its second end arrives.
        for (const e of index.edgesOf.get(key) ?? []) {
          const other = e.source === key ? e.target : e.source;
          if (other !== key && present.has(other)) definitions.push(make.edge(e));
        }
      }
      cy.batch(() => cy.add(definitions));
      if (at < adding.length) {
        setTimeout(chunk, 0);
        return;
      }
      state.current.adding = false;
      setVersion((v) => v + 1);
      markDrawnWhenComplete(cy, state.current);
    };
    chunk();
    return () => {
      cancelled = true;
      state.current.adding = false;
    };
  }, [cy, snapshot, drawn, index, make, nodeOf, state, placed, frameKey, waitForPositions]);

  // A language switch renames the drawn nodes (nodes added later take the current language); use-labels re-labels.
  useEffect(() => {
    if (!cy) return;
    cy.batch(() => {
      for (const n of snapshot.nodes) {
        const node = cy.getElementById(n.key);
        if (node.empty() || node.data("name") === n.label[lang]) continue;
        node.data({ name: n.label[lang] });
      }
    });
  }, [cy, snapshot, lang]);

  return version;
}
