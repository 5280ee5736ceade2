/**
 * Keeps Cytoscape's elements in step with the snapshot, adding them in chunks of about a hundred, one chunk per frame,
 * so no task blocks the page: adding, styling and first drawing 3 000 elements at once is a task of 100–200 ms. Small
 * graphs: every element (filters then hide and show them; those filtered out start hidden). Large graphs: only the
 * budgeted nodes and the edges among them, each placed from the known positions; nodes leaving the budget are
 * removed.
 */
import type { Core, ElementDefinition } from "cytoscape";
import { type RefObject, useEffect, useMemo, useRef, useState } from "react";
import type { GraphNode, GraphSnapshot } from "../../shared/schema/graph";
import type { Lang } from "../state/url-state";
import { type DrawState, markDrawnWhenComplete, setAdding } from "./draw-state";
import type { SnapshotIndex } from "./element-budget";
import { fitPositions, fitVisible } from "./fit-visible";
import { elementFactory } from "./to-elements";

/** Elements per chunk: one chunk's add, style pass and first drawing stay well under 50 ms on a slow machine. */
const CHUNK = 120;

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
  /** Small graphs: the nodes the filters leave visible (undefined: all); the others are added hidden. */
  visible?: Set<string>,
): number {
  const visibleRef = useRef(visible);
  visibleRef.current = visible;
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
    // Small graphs draw every node, best connected first, and are framed once (use-visibility frames filters).
    const all = !drawn;
    const order = drawn ?? index.ranked;
    if (all && cy.nodes().length === snapshot.nodes.length) return;
    if (drawn) {
      const wanted = new Set(drawn);
      cy.batch(() => {
        cy.nodes()
          .filter((node) => !wanted.has(node.id()))
          .remove();
      });
    }
    const present = new Set<string>(cy.nodes().map((node) => node.id()));
    // A new set (filters, a new graph, the first positions) is framed; "show more" and a selection keep the view.
    const refit = present.size === 0 || (!all && framed.current !== frameKey);
    framed.current = frameKey;
    const adding = order.filter((key) => !present.has(key));
    if (adding.length === 0) {
      if (refit) fitVisible(cy);
      return;
    }
    const shownNow = all ? visibleRef.current : undefined;
    if (refit)
      fitPositions(
        cy,
        (shownNow ? order.filter((key) => shownNow.has(key)) : order).map((key) => positions[key]),
      );
    let cancelled = false;
    let frame = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let at = 0;
    setAdding(cy, state.current, true);
    const chunk = () => {
      if (cancelled) return;
      const definitions: ElementDefinition[] = [];
      const lang = langRef.current;
      const known = state.current.positions ?? positions;
      while (at < adding.length && definitions.length < CHUNK) {
        const key = adding[at++] as string;
        const node = nodeOf.get(key);
        if (!node) continue;
        const definition = make.node(node, lang, known[key]);
        // Filtered out from the start, rather than drawn and then hidden (use-visibility keeps them in step).
        if (shownNow && !shownNow.has(key)) definition.classes = "hidden";
        definitions.push(definition);
        present.add(key);
        // An edge joins when its second end arrives.
        for (const e of index.edgesOf.get(key) ?? []) {
          const other = e.source === key ? e.target : e.source;
          if (other !== key && present.has(other)) definitions.push(make.edge(e));
        }
      }
      cy.batch(() => cy.add(definitions));
      // The next chunk in its own task once this one is drawn: each frame draws one chunk's new elements.
      if (at < adding.length) {
        frame = requestAnimationFrame(() => {
          timer = setTimeout(chunk, 0);
        });
        return;
      }
      setAdding(cy, state.current, false);
      setVersion((v) => v + 1);
      markDrawnWhenComplete(cy, state.current);
    };
    chunk();
    return () => {
      cancelled = true;
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      setAdding(cy, state.current, false);
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
