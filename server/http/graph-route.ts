/**
 * GET /api/graph: the whole graph as the client draws it (the same JSON as graph.snapshot). Serialising it is the one
 * expensive part of answering, so the body is serialised and gzipped once per data version and then sent as bytes,
 * with an ETag so a browser that has it gets 304. Under load this is what keeps the app's first request fast.
 *
 * GET /trpc/graph.snapshot, with or without a `kinds` input, is answered from the same kind of cache: one body per
 * set of kinds (at most 32) and data version. Serialised per call, a 10k-node snapshot held the event loop for 2 s.
 */
import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { NODE_KINDS, NodeKindsSchema } from "../../shared/schema/graph";
import { graphSnapshot } from "../graph/snapshot";
import type { Services } from "../services";

interface CachedBody {
  dataVersion: number;
  etag: string;
  json: Buffer;
  gzip: Buffer;
}

// As the procedure reads it (unknown keys dropped), so no input can slip past the cache to a fresh serialisation.
const SnapshotInputSchema = z.object({ kinds: NodeKindsSchema.optional() }).optional();

/** The kinds an input asks for, as a canonical key ("" for all); undefined when the input is not valid. */
function kindsKeyOf(rawInput: string | null): string | undefined {
  let input: unknown;
  try {
    input = rawInput === null ? undefined : JSON.parse(rawInput);
  } catch {
    return undefined;
  }
  const parsed = SnapshotInputSchema.safeParse(input);
  if (!parsed.success) return undefined;
  const kinds = new Set(parsed.data?.kinds ?? []);
  if (kinds.size === 0 || kinds.size === NODE_KINDS.length) return "";
  return NODE_KINDS.filter((k) => kinds.has(k)).join(",");
}

export async function registerGraphRoute(app: FastifyInstance, services: Services): Promise<void> {
  let whole: CachedBody | undefined;
  const body = (): CachedBody => {
    if (whole?.dataVersion !== services.dataVersion) {
      const json = Buffer.from(JSON.stringify(graphSnapshot(services.graph, services.dataVersion)));
      // The content hash, not only the version: a re-seeded database starts again at version 1.
      const hash = createHash("sha256").update(json).digest("base64url").slice(0, 16);
      whole = {
        dataVersion: services.dataVersion,
        etag: `"graph-${services.dataVersion}-${hash}"`,
        json,
        gzip: gzipSync(json),
      };
    }
    return whole;
  };

  // graph.snapshot in tRPC's envelope, per set of kinds, for the current data version only.
  let envelopes = new Map<string, Buffer>();
  let envelopesVersion = -1;
  const envelope = (kindsKey: string): Buffer => {
    if (envelopesVersion !== services.dataVersion) {
      envelopes = new Map();
      envelopesVersion = services.dataVersion;
    }
    let bytes = envelopes.get(kindsKey);
    if (!bytes) {
      const json =
        kindsKey === ""
          ? body().json
          : Buffer.from(
              JSON.stringify(
                graphSnapshot(
                  services.graph,
                  services.dataVersion,
                  kindsKey.split(",") as (typeof NODE_KINDS)[number][],
                ),
              ),
            );
      bytes = Buffer.concat([Buffer.from('{"result":{"data":'), json, Buffer.from("}}")]);
      envelopes.set(kindsKey, bytes);
    }
    return bytes;
  };

  // Unbatched GET /trpc/graph.snapshot is answered here before tRPC serialises the graph again; an input tRPC would
  // refuse falls through to tRPC, which names the field. (Batches may not carry it: trpc-request-policy.ts.)
  app.addHook("onRequest", async (request, reply) => {
    if (request.method !== "GET" || !request.url.startsWith("/trpc/graph.snapshot")) return;
    const query = request.url.indexOf("?");
    const path = request.url.slice(0, query === -1 ? undefined : query);
    if (path !== "/trpc/graph.snapshot") return;
    const params = new URLSearchParams(query === -1 ? "" : request.url.slice(query + 1));
    if (params.has("batch")) return;
    const kindsKey = kindsKeyOf(params.get("input"));
    if (kindsKey === undefined) return;
    await reply.type("application/json").send(envelope(kindsKey));
  });

  app.get("/api/graph", async (request, reply) => {
    const { etag, json, gzip } = body();
    reply
      .header("etag", etag)
      .header("cache-control", "no-cache")
      .header("vary", "accept-encoding")
      .type("application/json; charset=utf-8");
    if (request.headers["if-none-match"] === etag) return reply.code(304).send();
    if (/\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""))) {
      return reply.header("content-encoding", "gzip").send(gzip);
    }
    return reply.send(json);
  });
}
