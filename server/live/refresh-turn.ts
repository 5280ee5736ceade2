/**
 * One read-model refresh at a time per served read model: a write's own refresh (live/write-live.ts) and a catch-up
 * after another instance's write (live/write-listener.ts) both patch from the model being served, and the search
 * index they carry over is changed in place, so they must not interleave.
 */
import { Mutex } from "async-mutex";

const turns = new WeakMap<object, Mutex>();

export function refreshTurn(services: object): Mutex {
  let turn = turns.get(services);
  if (!turn) {
    turn = new Mutex();
    turns.set(services, turn);
  }
  return turn;
}
