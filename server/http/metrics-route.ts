/**
 * GET /metrics for Prometheus, and the hook that measures every request for it. /metrics answers a client on this
 * machine that came straight (not through a proxy: behind Caddy every visitor arrives from localhost), or anyone who
 * sends `Authorization: Bearer METRICS_TOKEN`.
 */
import { timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { AppMetrics } from "../metrics/app-metrics";
import { MAX_BATCH_CALLS } from "./trpc-request-policy";

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

/** The procedures a /trpc URL names: "/trpc/graph.snapshot,search.query?batch=1" → both names. */
export function proceduresOfUrl(url: string): string[] {
  if (!url.startsWith("/trpc/")) return [];
  const path = url.slice("/trpc/".length).split("?")[0] ?? "";
  return path === "" ? [] : decodeURIComponent(path).split(",");
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function metricsAllowed(request: FastifyRequest, token: string | undefined): boolean {
  const authorization = request.headers.authorization;
  if (token && authorization?.startsWith("Bearer ")) return sameSecret(authorization.slice(7).trim(), token);
  const proxied = request.headers["x-forwarded-for"] !== undefined || request.headers.forwarded !== undefined;
  return !proxied && LOOPBACK.test(request.socket.remoteAddress ?? "");
}

export function registerMetrics(app: FastifyInstance, metrics: AppMetrics, token: string | undefined): void {
  app.addHook("onResponse", async (request, reply) => {
    const route = request.routeOptions.url ?? "unmatched";
    let procedures: string[] = [];
    try {
      // A batch longer than the policy allows was refused; its names are not worth counting one by one.
      procedures = proceduresOfUrl(request.url).slice(0, MAX_BATCH_CALLS + 1);
    } catch {
      procedures = ["?"];
    }
    metrics.observeRequest(request.method, route, reply.statusCode, reply.elapsedTime / 1000, procedures);
  });

  app.get("/metrics", async (request, reply) => {
    if (!metricsAllowed(request, token)) {
      return reply
        .code(403)
        .send({ error: "Forbidden", message: "Metrics answer localhost, or a request with the METRICS_TOKEN." });
    }
    reply.header("content-type", metrics.registry.contentType);
    reply.header("cache-control", "no-store");
    return metrics.registry.metrics();
  });
}
