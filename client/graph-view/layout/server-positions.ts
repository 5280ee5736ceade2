/**
 * The server's force-layout positions of the full graph (layout.positions), fetched once per page load and as early
 * as possible: in parallel with the snapshot, and on their own request, so a layout still being computed on the
 * server never holds the snapshot back in a batch.
 */
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "../../../server/api/router";

export type ServerLayoutAnswer = inferRouterOutputs<AppRouter>["layout"]["positions"];

let pending: Promise<ServerLayoutAnswer | undefined> | undefined;

export function fetchServerPositions(): Promise<ServerLayoutAnswer | undefined> {
  pending ??= fetch(`/trpc/layout.positions?input=${encodeURIComponent(JSON.stringify({ name: "force" }))}`)
    .then((response) => (response.ok ? response.json() : undefined))
    .then((body: { result?: { data?: ServerLayoutAnswer } } | undefined) => body?.result?.data)
    // No server positions is never an error: the browser lays the graph out itself.
    .catch(() => undefined);
  return pending;
}
