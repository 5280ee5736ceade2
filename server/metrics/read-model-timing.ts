/**
 * How long bringing the read model up to date after a write took, told to whoever watches that store (the server's
 * metrics). Keyed by store, so that two servers in one process (tests) each hear only their own.
 */
import type { Store } from "../store/store";

const watchers = new WeakMap<Store, (seconds: number) => void>();

export function watchReadModelRefresh(store: Store, watcher: (seconds: number) => void): void {
  watchers.set(store, watcher);
}

export function reportReadModelRefresh(store: Store, seconds: number): void {
  watchers.get(store)?.(seconds);
}
