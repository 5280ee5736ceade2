/**
 * The links in the app's mail open pages through the address's fragment (/#reset=…), which the browser never sends
 * to the server, so the secret stays out of server and proxy logs. Read once at start, then removed from the address.
 */
import type { WorkspacePage } from "./workspace-page";

export function pageOfMailLink(hash: string): WorkspacePage | undefined {
  const fragment = hash.replace(/^#/, "");
  const [key, value = ""] = fragment.split(/=(.*)/s, 2) as [string, string?];
  const token = /^[A-Za-z0-9_-]{43}$/.test(value) ? value : undefined;
  if (key === "verify" && token) return { page: "verify", token };
  if (key === "reset" && token) return { page: "reset", token };
  if (key === "email" && token) return { page: "confirm-email", token };
  if (key === "review" && !value) return { page: "review" };
  if (key === "account" && !value) return { page: "settings" };
  if (key === "contacts" && !value) return { page: "contacts" };
  if (key === "history") {
    const [kind, id] = decodeURIComponent(value).split(":");
    if ((kind === "project" || kind === "organisation") && id && /^[a-z0-9-]+$/.test(id))
      return { page: "history", kind, id };
  }
  return undefined;
}
