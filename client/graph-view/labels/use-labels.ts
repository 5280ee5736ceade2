/**
 * Labels that never overlap and never shrink below a readable size: after every move of the view (once it rests),
 * every change of selection, highlight, filters or elements, the visible nodes in the view are offered to
 * chooseLabels by importance (the selection, its neighbours, a hovered or keyboard-focused node and a highlighted path
 * first, then node size, which follows degree or the chosen measure); the chosen ones get their wrapped text, a font
 * size readable at this zoom and a placement, written into element data that the stylesheet's one node rule reads.
 * Every other node's label is empty, which also keeps Cytoscape from measuring thousands of labels on the first draw.
 */
import type { Core, EventObject, NodeSingular } from "cytoscape";
import { useEffect, useRef } from "react";
import { ADDING_SCRATCH } from "../draw-state";
import { overlayBoxes } from "../overlays";
import { type ChosenLabel, chooseLabels, type LabelCandidate } from "./choose-labels";
import { createLeaderLayer, leaderSegment, type Segment } from "./leader-lines";
import { createMeasure } from "./measure-text";
import { type WrappedLabel, wrapLabel } from "./wrap-label";

/** A label whose box stands further than this (screen px) from its node's edge gets a leader line. */
export const DETACHED_PX = 12;

/** Lines are at most this wide, in em; ordinary names take one or two lines, long ones up to three. */
const LINE_EM = 11;
const MAX_LINES = 3;
/** A required label that fits nowhere may also stand narrower (more, shorter lines) or on one line. */
const NARROW_EM = 6;
const NARROW_LINES = 5;
/** Screen font sizes in px: the least for any label, for hubs, for the node in focus; and the most. */
const MIN_PX = 12;
const HUB_PX = 14;
const FOCUS_PX = 15;
const MAX_PX = 20;
/** The stylesheet's text-margin and what Cytoscape adds around a label's text (outline 2, rounding 2), in model units. */
const MARGIN = 3;
const PAD = 4;
/** Wait this long after the view last moved before choosing (labels are hidden while it moves). */
const SETTLE_MS = 60;

interface Shown {
  /** The text by shape: as wrapped, then its alternatives (see LabelCandidate.alternatives). */
  texts: string[];
  fontSize: number;
}

export function useLabels(
  cy: Core | undefined,
  /** Anything whose change means the labels must be chosen again (elements, selection, highlight, language). */
  trigger: unknown,
): void {
  const schedule = useRef<(delay?: number) => void>(() => {});

  useEffect(() => {
    if (!cy) return;
    const measure = createMeasure();
    const leaders = createLeaderLayer(cy);
    interface Wrappings {
      short: WrappedLabel;
      full: WrappedLabel;
      /** Other shapes for a required label: narrow lines, and one line (when they differ from the wrapping). */
      others: string[][];
    }
    const wrapped = new Map<string, Wrappings>();
    const wrappings = (name: string): Wrappings => {
      let entry = wrapped.get(name);
      if (!entry) {
        const short = wrapLabel(name, measure, LINE_EM, MAX_LINES);
        const narrow = wrapLabel(name, measure, NARROW_EM, NARROW_LINES).lines;
        const one = [name.trim().split(/\s+/).join(" ")];
        const others = [narrow, one].filter(
          (lines, i, all) =>
            lines.join("\n") !== short.lines.join("\n") &&
            all.findIndex((l) => l.join("\n") === lines.join("\n")) === i,
        );
        entry = { short, full: wrapLabel(name, measure, LINE_EM), others };
        wrapped.set(name, entry);
      }
      return entry;
    };
    let labelled = new Set<string>();
    let hovered: string | undefined;
    // A node pointed at by keyboard: focus on a control that stands for it (data-node-key, e.g. the details panel's
    // neighbours) shows its full label, as hovering the node does.
    let focused: string | undefined;

    // For tests: "true" once labels are chosen for a view at rest (no animation, no choice due), "false" until then.
    // Written on the canvas's parent: Cytoscape takes any attribute change on its own container for a resize and
    // redraws everything (a 50–100 ms task on the seed), which would then choose labels again, in an endless loop.
    const marks = cy.container()?.parentElement;
    const settle = (done: boolean) => {
      if (marks) marks.dataset.labelsSettled = String(done);
    };
    const run = () => {
      if (cy.destroyed()) return;
      // A moving view (bringing a selection into view) has its labels hidden: choose them where it comes to rest;
      // elements still arriving in chunks: choose once they are all there.
      if (cy.animated() || cy.scratch(ADDING_SCRATCH) === true) {
        later(SETTLE_MS);
        return;
      }
      const started = performance.now();
      const zoom = cy.zoom();
      const pan = cy.pan();
      const width = cy.width();
      const height = cy.height();
      const candidates: LabelCandidate[] = [];
      const shown = new Map<string, Shown>();
      cy.nodes().forEach((node: NodeSingular) => {
        if (node.hasClass("hidden") || node.hasClass("faded") || node.hasClass("dimmed")) return;
        const p = node.position();
        const x = p.x * zoom + pan.x;
        const y = p.y * zoom + pan.y;
        if (x < 0 || y < 0 || x > width || y > height) return;
        const id = node.id();
        const inFocus = node.selected() || id === hovered || id === focused;
        const required = inFocus || node.hasClass("neighbour") || node.hasClass("path");
        const base = node.data("baseFont") as number;
        const least = inFocus ? FOCUS_PX : base >= 18 ? HUB_PX : MIN_PX;
        // A selection's neighbours stand close together: none grows past the hub size, so all of them find room.
        const most = required && !inFocus ? HUB_PX : Math.max(MAX_PX, least);
        const px = Math.min(Math.max(base * zoom, least), most);
        const fontSize = Math.round((px / zoom) * 100) / 100;
        const wrapping = wrappings(node.data("name") as string);
        const lines = inFocus ? wrapping.full.lines : wrapping.short.lines;
        const size = node.data("size") as number;
        // Cytoscape measures at the model font size and rounds up: a little slack keeps our box around its box.
        const shape = (text: string[]) => ({
          w: Math.max(...text.map(measure)) * fontSize * 1.03 * zoom + 2 * zoom + 1,
          h: text.length * fontSize * zoom,
        });
        const others = required && !inFocus ? wrapping.others : [];
        candidates.push({
          id,
          x,
          y,
          r: (size / 2) * zoom,
          ...shape(lines),
          margin: MARGIN * zoom,
          pad: PAD * zoom + 0.5,
          priority: size + (node.degree(false) % 1000) / 1000,
          required,
          alternatives: others.length > 0 ? others.map(shape) : undefined,
        });
        shown.set(id, { texts: [lines, ...others].map((l) => l.join("\n")), fontSize });
      });
      // For tests and the benchmark: how many times labels were chosen (a settled view stops counting).
      if (marks) marks.dataset.labelRuns = String(Number(marks.dataset.labelRuns ?? 0) + 1);
      const chosen = chooseLabels(candidates, { viewport: { width, height }, gap: 3, obstacles: overlayBoxes(cy) });
      apply(chosen, shown, zoom);
      drawLeaders(chosen, zoom, pan);
      // For the browser benchmark: what one choice of labels costs on the main thread.
      performance.measure("partnerkartan:labels", { start: started });
      if (!due && timer === undefined) settle(true);
    };

    const apply = (chosen: ChosenLabel[], shown: Map<string, Shown>, zoom: number) => {
      const next = new Set(chosen.map((c) => c.id));
      cy.batch(() => {
        for (const id of labelled) {
          if (next.has(id)) continue;
          const node = cy.getElementById(id);
          if (node.nonempty() && node.data("label") !== "") node.data("label", "");
        }
        for (const c of chosen) {
          const node = cy.getElementById(c.id);
          const want = shown.get(c.id) as Shown;
          const text = want.texts[c.shape] ?? (want.texts[0] as string);
          const p = c.placement;
          // Margins in model units, rounded so an unchanged placement compares equal.
          const place = {
            labelV: p.v,
            labelH: p.h,
            labelMx: Math.round((p.dx / zoom) * 100) / 100,
            labelMy: Math.round((p.dy / zoom) * 100) / 100,
          };
          const data = node.data();
          // Only real changes: each data write restyles and re-measures the node.
          if (
            data.label !== text ||
            data.fontSize !== want.fontSize ||
            data.labelV !== place.labelV ||
            data.labelH !== place.labelH ||
            data.labelMx !== place.labelMx ||
            data.labelMy !== place.labelMy
          )
            node.data({ label: text, fontSize: want.fontSize, ...place });
        }
      });
      labelled = next;
    };

    // Labels standing off their node: a line back to it, in model coordinates (the layer follows the view). Not only
    // the leader spots: a label on a far ray (farPlacementsFor) can stand several lines away in a crowd (a phone's
    // short strip), and without a line nobody can tell whose it is.
    const drawLeaders = (chosen: ChosenLabel[], zoom: number, pan: { x: number; y: number }) => {
      const lines: Segment[] = [];
      for (const c of chosen) {
        const node = cy.getElementById(c.id);
        const p = node.position();
        const box = {
          x1: (c.box.x1 - pan.x) / zoom,
          y1: (c.box.y1 - pan.y) / zoom,
          x2: (c.box.x2 - pan.x) / zoom,
          y2: (c.box.y2 - pan.y) / zoom,
        };
        // From the drawn node's edge (its style width; a selected node is drawn larger than its size).
        const line = leaderSegment(p.x, p.y, node.width() / 2, box);
        if (line && (c.leader || Math.hypot(line.x2 - line.x1, line.y2 - line.y1) * zoom > DETACHED_PX))
          lines.push(line);
      }
      leaders.draw(lines);
    };

    let timer: ReturnType<typeof setTimeout> | undefined;
    let frame = 0;
    // A run already due at the next frame absorbs further requests (positions fire once per node).
    let due = false;
    const later = (delay = 0) => {
      settle(false);
      if (due) return;
      clearTimeout(timer);
      timer = undefined;
      const start = () => {
        timer = undefined;
        due = true;
        cancelAnimationFrame(frame);
        frame = requestAnimationFrame(() => {
          due = false;
          run();
        });
      };
      if (delay === 0) start();
      else timer = setTimeout(start, delay);
    };
    schedule.current = later;
    const onViewport = () => later(SETTLE_MS);
    // Elements arrive in chunks, one per frame: choose once they stop arriving, not after every chunk.
    const onElements = () => later(SETTLE_MS);
    const onChange = () => later(0);
    const onOver = (event: EventObject) => {
      hovered = event.target.id();
      later(0);
    };
    const onOut = () => {
      hovered = undefined;
      later(0);
    };
    const onFocusIn = (event: FocusEvent) => {
      const target = event.target instanceof Element ? event.target.closest("[data-node-key]") : null;
      const key = target?.getAttribute("data-node-key") ?? undefined;
      if (key === focused) return;
      focused = key;
      later(0);
    };
    const onFocusOut = (event: FocusEvent) => {
      if (focused === undefined) return;
      // Focus moving to another node's control is handled by focusin.
      const next = event.relatedTarget instanceof Element ? event.relatedTarget.closest("[data-node-key]") : null;
      if (next) return;
      focused = undefined;
      later(0);
    };
    document.addEventListener("focusin", onFocusIn);
    document.addEventListener("focusout", onFocusOut);
    cy.on("viewport resize", onViewport);
    cy.on("add remove", onElements);
    cy.on("select unselect class position", onChange);
    cy.on("mouseover", "node", onOver);
    cy.on("mouseout", "node", onOut);
    later(0);
    return () => {
      clearTimeout(timer);
      cancelAnimationFrame(frame);
      cy.off("viewport resize", onViewport);
      cy.off("add remove", onElements);
      cy.off("select unselect class position", onChange);
      cy.off("mouseover", "node", onOver);
      cy.off("mouseout", "node", onOut);
      document.removeEventListener("focusin", onFocusIn);
      document.removeEventListener("focusout", onFocusOut);
      schedule.current = () => {};
      leaders.destroy();
    };
  }, [cy]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: trigger is a trigger, not an input
  useEffect(() => {
    schedule.current(0);
  }, [trigger]);
}
