/**
 * What a request to /trpc may ask for, checked from its URL and headers before tRPC reads a byte of input:
 * - a batch holds at most MAX_BATCH_CALLS calls (the app's client sends at most that many);
 * - sign-in, sign-up and sign-out are sent alone, not even as a batch of one: in a batch, 300 password guesses would
 *   ride on one request, and a batch of one may be streamed;
 * - a batch names each heavy procedure at most once: the same snapshot ten times is ten times the work for nothing;
 * - graph.snapshot is never batched: alone it is answered from bytes serialised once per data version
 *   (graph-route.ts), in a batch tRPC would serialise the whole graph again (2 s of a blocked event loop at 10k nodes);
 * - auth.* is never streamed (`trpc-accept: application/jsonl`, or `Accept: application/jsonl`, which tRPC honours
 *   too): a streamed answer's headers leave before the procedure runs, so a session would be created without its
 *   cookie.
 * A refusal is HTTP 400 in tRPC's error shape, naming the rule.
 */
import type { FastifyReply, FastifyRequest } from "fastify";

export const MAX_BATCH_CALLS = 10;

/** Procedures whose answer costs the server real work (graph-sized serialisation or computation). */
export const HEAVY_PROCEDURES: ReadonlySet<string> = new Set([
  "graph.snapshot",
  "graph.metrics",
  "coverage.byRegion",
  "coverage.matrix",
  "coverage.fillers",
  "layout.positions",
]);

export interface TrpcCalls {
  paths: string[];
  batch: boolean;
}

/** The procedure paths a /trpc URL calls, or undefined for other URLs. */
export function trpcCallsOf(url: string): TrpcCalls | undefined {
  if (!url.startsWith("/trpc/")) return undefined;
  const query = url.indexOf("?");
  const rawPath = url.slice("/trpc/".length, query === -1 ? undefined : query);
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    path = rawPath;
  }
  const batch = query !== -1 && new URLSearchParams(url.slice(query + 1)).get("batch") === "1";
  return { paths: batch ? path.split(",") : [path], batch };
}

/** Why this call list is refused, or undefined when it is allowed. `isMutation` tells auth's mutations from auth.me. */
export function refusalOf(
  calls: TrpcCalls,
  streamed: boolean,
  isMutation: (path: string) => boolean,
): string | undefined {
  const { paths, batch } = calls;
  if (batch && paths.length > MAX_BATCH_CALLS) {
    return `A batch may hold at most ${MAX_BATCH_CALLS} calls; this one has ${paths.length}. Send the rest in further requests.`;
  }
  const auth = paths.filter((p) => p.startsWith("auth."));
  const alone = auth.find(isMutation);
  if (alone && (batch || paths.length > 1))
    return `${alone} must be sent alone, not in a batch of ${paths.length} call${paths.length === 1 ? "" : "s"} (no "batch=1").`;
  if (streamed && auth.length > 0)
    return `${auth[0]} cannot be streamed: send it without "application/jsonl" in trpc-accept or Accept.`;
  if (batch && paths.includes("graph.snapshot"))
    return "graph.snapshot must be sent alone, not in a batch: GET /trpc/graph.snapshot (or /api/graph) is served from a cache.";
  const seen = new Set<string>();
  for (const path of paths) {
    if (!HEAVY_PROCEDURES.has(path)) continue;
    if (seen.has(path)) return `${path} appears more than once in this batch; ask for it once.`;
    seen.add(path);
  }
  return undefined;
}

export function sendTrpcRefusal(reply: FastifyReply, status: 400 | 429 | 503, message: string): FastifyReply {
  const code = status === 400 ? "BAD_REQUEST" : status === 429 ? "TOO_MANY_REQUESTS" : "SERVICE_UNAVAILABLE";
  const rpcCode = status === 400 ? -32600 : status === 429 ? -32029 : -32603;
  return reply.code(status).send({ error: { message, code: rpcCode, data: { code, httpStatus: status } } });
}

/** The onRequest hook enforcing the rules above. */
export function trpcRequestPolicy(isMutation: (path: string) => boolean) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const calls = trpcCallsOf(request.url);
    if (!calls) return;
    // tRPC streams on `trpc-accept`, or failing that on `Accept`: either one counts here.
    const streamed = /application\/jsonl/i.test(
      `${request.headers["trpc-accept"] ?? ""} ${request.headers.accept ?? ""}`,
    );
    const refusal = refusalOf(calls, streamed, isMutation);
    if (refusal) await sendTrpcRefusal(reply, 400, refusal);
  };
}
