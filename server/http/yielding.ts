/**
 * Lets a long synchronous producer share the event loop. An export is written by a synchronous generator; piped to a
 * fast reader the socket never pushes back, so a 33 MB GEXF was produced in one 2.4 s stretch during which no other
 * request (health included) was answered. This wrapper gives the loop a turn whenever the producer has run for
 * SLICE_MS, so other requests wait at most about that long.
 */
import { setImmediate as nextTurn } from "node:timers/promises";

export const SLICE_MS = 10;

export async function* yielding<T>(items: Iterable<T>, sliceMs = SLICE_MS): AsyncGenerator<T, void, undefined> {
  let sliceStart = performance.now();
  for (const item of items) {
    yield item;
    if (performance.now() - sliceStart >= sliceMs) {
      await nextTurn();
      sliceStart = performance.now();
    }
  }
}
