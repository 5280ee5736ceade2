/** Messages between the page and the force-layout worker. */
export interface ForceRequest {
  type: "start";
  /** Node ids, in the order positions come back. */
  ids: string[];
  /** Starting positions (x, y pairs) or empty for a fresh start. */
  initial: Float32Array;
  /** Edges as index pairs into ids. */
  links: Uint32Array;
  ticks: number;
}
export interface ForceStop {
  type: "stop";
}
export type ForceProgress =
  | { type: "progress"; done: number; total: number }
  | { type: "done"; positions: Float32Array; stopped: boolean };
