/** Loads the whole graph from GET /api/graph (cached and gzipped by the server per data version; see graph-route.ts). */
import type { GraphSnapshot } from "../../shared/schema/graph";
import { HttpStatusError } from "./error-text";

export async function fetchGraph(): Promise<GraphSnapshot> {
  const response = await fetch("/api/graph");
  if (!response.ok) throw new HttpStatusError(response.status, "GET /api/graph");
  return (await response.json()) as GraphSnapshot;
}
