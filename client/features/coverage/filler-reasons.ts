/**
 * The sentences behind a gap filler come from the partner explanations (client/features/partners/explain.ts), from
 * the point of view of the gap: a "project" about the topic in the län, lacking that län.
 */
import type { Perspective } from "../partners/explain";

export const FILLER_PERSPECTIVE: Perspective = "gap";
