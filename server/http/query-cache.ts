/**
 * Answers of public GET queries that are pure functions of their input and the data (suggestions, coverage, search,
 * the län list) are kept per data version, so a repeated input is answered from bytes without running the procedure,
 * and each carries an ETag (a hash of the body) so a client that has it gets 304 and no body. A write moves the data
 * version and empties the cache. Only what the allow-list names is cached: nothing that reads the account, nothing
 * whose answer can change without a write (the layout, the metrics computed in the background).
 */
import { createHash } from "node:crypto";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { LRUCache } from "lru-cache";
import type { Services } from "../services";
import { trpcCallsOf } from "./trpc-request-policy";

export const CACHEABLE_QUERIES: ReadonlySet<string> = new Set([
  "match.partners",
  "match.projects",
  "match.similar",
  "match.inert",
  "coverage.byRegion",
  "coverage.matrix",
  "coverage.fillers",
  "region.list",
  "search.query",
]);

/** The whole cache's size, and the largest answer kept (a 10k-node coverage matrix is ~200 KB). */
export const QUERY_CACHE_MAX_BYTES = 32 * 1024 * 1024;
const MAX_ENTRY_BYTES = 1024 * 1024;

interface Entry {
  etag: string;
  body: string;
  contentType: string;
}

interface Pending {
  key: string;
  dataVersion: number;
}
const pending = new WeakMap<FastifyRequest, Pending>();

const etagOf = (body: string) => `"q-${createHash("sha256").update(body).digest("base64url").slice(0, 22)}"`;

/** If-None-Match may list several tags, or be "*". */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch === "*" || ifNoneMatch.split(",").some((t) => t.trim().replace(/^W\//, "") === etag);
}

/** The cache key of a request it may answer: its URL, when every call is cacheable and nothing is streamed. */
function keyOf(request: FastifyRequest): string | undefined {
  if (request.method !== "GET") return undefined;
  const calls = trpcCallsOf(request.url);
  if (!calls?.paths.every((p) => CACHEABLE_QUERIES.has(p))) return undefined;
  if (/application\/jsonl/i.test(`${request.headers["trpc-accept"] ?? ""} ${request.headers.accept ?? ""}`))
    return undefined;
  return request.url;
}

export interface QueryCacheStats {
  hits: number;
  misses: number;
  notModified: number;
}

/**
 * Registers the two hooks: the onRequest one answers from the cache (register it after the request policy and the
 * heavy-work budget, which counts kept answers too), the onSend one keeps fresh answers.
 */
export function registerQueryCache(app: FastifyInstance, services: Services): QueryCacheStats {
  const cache = new LRUCache<string, Entry>({
    maxSize: QUERY_CACHE_MAX_BYTES,
    maxEntrySize: MAX_ENTRY_BYTES,
    sizeCalculation: (e) => e.body.length + e.etag.length + 64,
  });
  let cachedVersion = services.dataVersion;
  const stats: QueryCacheStats = { hits: 0, misses: 0, notModified: 0 };

  app.addHook("onRequest", async (request, reply) => {
    const key = keyOf(request);
    if (!key) return;
    if (services.dataVersion !== cachedVersion) {
      cache.clear();
      cachedVersion = services.dataVersion;
    }
    const entry = cache.get(key);
    if (!entry) {
      stats.misses++;
      pending.set(request, { key, dataVersion: services.dataVersion });
      return;
    }
    stats.hits++;
    // Kept, but asked about again each time (a write may come any moment); security-headers.ts makes it no-store
    // for a signed-in request.
    reply.header("etag", entry.etag).header("vary", "accept, trpc-accept").header("cache-control", "no-cache");
    if (matches(request.headers["if-none-match"], entry.etag)) {
      stats.notModified++;
      await reply.code(304).send();
      return;
    }
    await reply.header("content-type", entry.contentType).send(entry.body);
  });

  app.addHook("onSend", async (request, reply, payload) => {
    const p = pending.get(request);
    // tRPC's adapter sends a fetch Response; Fastify copies its status and headers only after the onSend hooks.
    if (!p || !(payload instanceof Response) || payload.status !== 200) return payload;
    // An answer computed across a write belongs to neither version: sent, not kept.
    if (services.dataVersion !== p.dataVersion || p.dataVersion !== cachedVersion) return payload;
    const body = await payload.text();
    for (const [name, value] of payload.headers) reply.header(name, value);
    const etag = etagOf(body);
    const contentType = payload.headers.get("content-type") ?? "application/json";
    cache.set(p.key, { etag, body, contentType });
    reply.header("etag", etag).header("vary", "accept, trpc-accept");
    if (!reply.hasHeader("cache-control")) reply.header("cache-control", "no-cache");
    if (matches(request.headers["if-none-match"], etag)) {
      stats.notModified++;
      reply.code(304);
      return "";
    }
    return body;
  });
  return stats;
}
