/** The sliders' scale: a step every default weight lies on, and the value shown in the reader's number format. */
import type { Weights } from "../../../shared/schema/match";
import { MATCH_TERMS, WEIGHT_MAX } from "../../../shared/schema/value-lists";
import type { Lang } from "../../state/url-state";

/** A quarter: reaches the evaluated defaults (1, 0,25, 1, 0,5) and keeps 20 stops per slider. */
export const WEIGHT_STEP = 0.25;

/** True when a slider with WEIGHT_STEP can show and set every term of these weights exactly. */
export function onScale(weights: Weights): boolean {
  return MATCH_TERMS.every((term) => {
    const stops = weights[term] / WEIGHT_STEP;
    return Math.abs(stops - Math.round(stops)) < 1e-9 && weights[term] >= 0 && weights[term] <= WEIGHT_MAX;
  });
}

/** "0,25" in Swedish, "0.25" in English; whole numbers without decimals. */
export function weightFormat(lang: Lang): Intl.NumberFormat {
  return new Intl.NumberFormat(lang === "en" ? "en-GB" : "sv-SE", { maximumFractionDigits: 2 });
}
