/**
 * GET /api/graph: the whole graph as the client draws it (the same JSON as graph.snapshot). Serialising it is the one
 * expensive part of answering, so the body is serialised and gzipped once per data version and then sent as bytes,
 * with an ETag so a browser that has it gets 304. Under load this is what keeps the app's first request fast.
 */
import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import type { FastifyInstance } from "fastify";
import { graphSnapshot } from "../graph/snapshot";
import type { Services } from "../services";

interface CachedBody {
  dataVersion: number;
  etag: string;
  json: Buffer;
  gzip: Buffer;
  /** The same graph in tRPC's response envelope, for GET /trpc/graph.snapshot without input. */
  trpc: Buffer;
}

export async function registerGraphRoute(app: FastifyInstance, services: Services): Promise<void> {
  let cached: CachedBody | undefined;
  const body = (): CachedBody => {
    if (cached?.dataVersion !== services.dataVersion) {
      const json = Buffer.from(JSON.stringify(graphSnapshot(services.graph, services.dataVersion)));
      // The content hash, not only the version: a re-seeded database starts again at version 1.
      const hash = createHash("sha256").update(json).digest("base64url").slice(0, 16);
      cached = {
        dataVersion: services.dataVersion,
        etag: `"graph-${services.dataVersion}-${hash}"`,
        json,
        gzip: gzipSync(json),
        trpc: Buffer.concat([Buffer.from('{"result":{"data":'), json, Buffer.from("}}")]),
      };
    }
    return cached;
  };

  // graph.snapshot without input is the same bytes every call until the data changes: answer it from the cache before
  // tRPC serialises the whole graph again (with input, or batched, tRPC answers as usual).
  app.addHook("onRequest", async (request, reply) => {
    if (request.method === "GET" && request.url === "/trpc/graph.snapshot") {
      await reply.type("application/json").send(body().trpc);
    }
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
