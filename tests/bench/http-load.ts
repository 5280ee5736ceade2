/** Shared by load.bench.ts and soak.bench.ts: the endpoints under load, with real inputs from the seed data. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import autocannon from "autocannon";
import { ROOT } from "./server-process";

interface SeedRecord {
  id: string;
  name: string;
  partners?: string[];
}
const seed = (file: string) => JSON.parse(readFileSync(join(ROOT, "data", file), "utf8")) as SeedRecord[];
export const project = seed("projects.json").find((p) => (p.partners ?? []).length > 0) as SeedRecord;
/** A real search: the first word of a real organisation's name, typed in lower case without diacritics. */
const term = (seed("organisations.json")[1] as SeedRecord).name.split(" ")[0]?.toLowerCase() as string;

export const trpc = (procedure: string, input?: unknown) =>
  `/trpc/${procedure}${input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`}`;

export const ENDPOINTS = {
  "region.list (trivial)": trpc("region.list"),
  // Served from the serialisation cached per data version (server/http/graph-route.ts), as GET /api/graph is.
  "graph.snapshot": trpc("graph.snapshot"),
  [`search.query "${term}"`]: trpc("search.query", { q: term }),
  [`match.partners ${project.id}`]: trpc("match.partners", { projectId: project.id }),
} as const;

export interface LoadFigures {
  requests: number;
  /** Connection errors and timeouts. */
  errors: number;
  /** What the errors were, by code or message ("ECONNRESET: 3"). */
  errorKinds: string;
  non2xx: number;
  p50: number;
  p99: number;
  rps: number;
}

/**
 * `connections` concurrent connections for `seconds` seconds; each connection cycles through `paths` in order, or
 * asks `paths()` for the next path before every request.
 */
export async function load(
  base: string,
  paths: string[] | (() => string),
  connections: number,
  seconds: number,
): Promise<LoadFigures> {
  const kinds = new Map<string, number>();
  let instance: autocannon.Instance | undefined;
  const requests: autocannon.Request[] =
    typeof paths === "function"
      ? [{ method: "GET", setupRequest: (request) => ({ ...request, path: paths() }) }]
      : paths.map((path) => ({ method: "GET", path }));
  const r = await new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon({ url: base, connections, duration: seconds, requests }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
    instance.on("reqError", (error: { code?: string; message?: string }) => {
      const kind = error.code ?? error.message ?? "unknown";
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    });
  });
  return {
    requests: r.requests.total,
    // autocannon counts timeouts among the errors already.
    errors: r.errors,
    errorKinds: [...kinds].map(([kind, n]) => `${kind}: ${n}`).join(", "),
    non2xx: r.non2xx,
    p50: r.latency.p50,
    p99: r.latency.p99,
    rps: r.requests.average,
  };
}
