/**
 * A request, made by a search pick, that the details panel move the focus to its heading once the picked node's
 * details are shown. A tiny store (not App state) so the search and the panel need not know about each other.
 */
let pending: string | undefined;
const listeners = new Set<() => void>();

export function requestDetailsFocus(key: string): void {
  pending = key;
  for (const listener of listeners) listener();
}

/** The node key whose heading should take the focus, if any. */
export const pendingDetailsFocus = (): string | undefined => pending;

/** Called by the panel once it has moved the focus. */
export function clearDetailsFocus(): void {
  pending = undefined;
}

export function subscribeDetailsFocus(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
