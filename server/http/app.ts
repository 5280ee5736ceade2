/** The Fastify app: tRPC under /trpc, plain /api URLs, the built client as static files, security headers, limits. */
import { existsSync } from "node:fs";
import { join } from "node:path";
import cookie from "@fastify/cookie";
import fastifyStatic from "@fastify/static";
import { type FastifyTRPCPluginOptions, fastifyTRPCPlugin } from "@trpc/server/adapters/fastify";
import Fastify, { type FastifyInstance, LogController } from "fastify";
import { createContextFactory } from "../api/context";
import { type AppRouter, appRouter } from "../api/router";
import { type AuthGuardOptions, createAuthGuards } from "../auth/auth-guards";
import { HashingBusyError } from "../auth/hash-pool";
import { TooManyAttemptsError } from "../auth/login-limiter";
import { Mailer, type RetryPolicy } from "../mail/mailer";
import { AppMetrics } from "../metrics/app-metrics";
import { watchReadModelRefresh } from "../metrics/read-model-timing";
import type { Services } from "../services";
import {
  type ConnectionLimits,
  DEFAULT_CONNECTION_LIMITS,
  httpServerOptions,
  limitConnections,
} from "./connection-limits";
import { refuseCrossSiteWrites } from "./cross-site-writes";
import { registerExportRoutes } from "./export-routes";
import { registerGraphRoute } from "./graph-route";
import { HeavyWork } from "./heavy-work";
import { type LogSink, loggerOptions } from "./log-output";
import { registerMetrics } from "./metrics-route";
import { registerQueryCache } from "./query-cache";
import { DEFAULT_REQUEST_LOG, RequestLog, type RequestLogOptions } from "./request-log";
import { registerSecurityHeaders } from "./security-headers";
import { registerShortlistRoute } from "./shortlist-route";
import { MAX_BATCH_CALLS, trpcRequestPolicy } from "./trpc-request-policy";
import { fastifyTrustProxy, isTrustedPeer, type TrustProxy } from "./trust-proxy";

export interface AppOptions {
  services: Services;
  /** Folder with the built client (index.html); omitted in `npm run dev`, where Vite serves it. */
  clientDir?: string;
  logLevel?: string;
  /** Where log lines go (stdout: JSON, or text on a terminal); tests read them. */
  logSink?: LogSink;
  /** Which requests get a line: failures and slow ones, or (access log) all. */
  requestLog?: RequestLogOptions;
  /** Behind a reverse proxy that terminates HTTPS: which hops to trust about the client (see trust-proxy.ts). */
  trustProxy?: TrustProxy;
  /** Sign-in and sign-up limits (tests lower them). */
  auth?: AuthGuardOptions;
  connections?: Partial<ConnectionLimits>;
  /** Large answers one client address may ask for per minute (heavy-work.ts). */
  heavyPerMinute?: number;
  /** Sends the app's mail (default: to the outbox, since no SMTP server is known); stopped when the app closes. */
  mailer?: Mailer;
  /** Pauses between attempts to send a message (tests shorten them). */
  mailRetry?: RetryPolicy;
  /** How often an instance without the job lease asks for it again (jobs/job-lease.ts); tests shorten it. */
  jobLeaseRetryMs?: number;
  /** Lets /metrics answer other hosts that send it as a Bearer token (it always answers localhost). */
  metricsToken?: string;
  /** Where requests, errors and timings are counted (created here unless the caller wants to hold it). */
  metrics?: AppMetrics;
  /** Whether this instance runs the background jobs (jobs/job-lease.ts); /api/health says so. */
  jobsHeld?: () => boolean;
  /** Whether the read model is complete (the search index is built after listening); /api/health says so. */
  isReady?: () => boolean;
}

/** Largest request body accepted; the API takes small JSON inputs only. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

export async function createApp({
  services,
  clientDir,
  logLevel = "info",
  logSink,
  requestLog = DEFAULT_REQUEST_LOG,
  trustProxy = false,
  auth,
  connections,
  heavyPerMinute,
  mailer = new Mailer(services.store.mail, { from: "Partnerkartan <noreply@localhost>" }),
  metricsToken,
  isReady = () => true,
  jobsHeld = () => true,
  metrics = appMetricsFor(services),
}: AppOptions): Promise<FastifyInstance> {
  const limits = { ...DEFAULT_CONNECTION_LIMITS, ...connections };
  const app = Fastify({
    logger: loggerOptions(logLevel, logSink),
    // One line per request is noise: request-log.ts writes the lines worth reading.
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: fastifyTrustProxy(trustProxy),
    bodyLimit: BODY_LIMIT_BYTES,
    routerOptions: { maxParamLength: 5000 },
    connectionTimeout: limits.idleMs,
    keepAliveTimeout: limits.keepAliveMs,
    requestTimeout: limits.requestMs,
    http: httpServerOptions(limits),
  });
  limitConnections(app.server, limits, isTrustedPeer(trustProxy));
  mailer.log = app.log;
  app.addHook("onClose", () => mailer.stop());

  const requestLines = new RequestLog();
  requestLines.register(app, requestLog);
  watchReadModelRefresh(services.store, (seconds) => metrics.observeRefresh(seconds));
  registerMetrics(app, metrics, metricsToken);

  await registerSecurityHeaders(app);
  await app.register(cookie);
  app.addHook("onRequest", refuseCrossSiteWrites);
  // Before any work: what a /trpc request may ask for, then the budget for large answers (a kept answer counts
  // too: the budget bounds bytes as well as work), then answers kept for this data version.
  const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>;
  app.addHook(
    "onRequest",
    trpcRequestPolicy((path) => procedures[path]?._def.type === "mutation"),
  );
  app.addHook("onRequest", new HeavyWork(heavyPerMinute).hook);
  registerQueryCache(app, services);

  await app.register(fastifyTRPCPlugin, {
    prefix: "/trpc",
    trpcOptions: {
      router: appRouter,
      createContext: createContextFactory(
        services,
        createAuthGuards(auth, services.store.db.pool, await services.store.deviceCookieSecret()),
        mailer,
      ),
      maxBatchSize: MAX_BATCH_CALLS,
      // A refused sign-in says when to come back, as every other 429 and 503 here does.
      responseMeta({ errors }) {
        const waits = errors.map((e) => (e.cause instanceof TooManyAttemptsError ? e.cause.retryAfterSeconds : 0));
        const busy = errors.some((e) => e.cause instanceof HashingBusyError);
        const seconds = Math.max(...waits, busy ? 2 : 0);
        return seconds > 0 ? { headers: { "retry-after": String(Math.ceil(seconds)) } } : {};
      },
      onError({ error, path, req }) {
        metrics.observeProcedureError(path ?? "", error.code);
        if (path === "auth.login") {
          if (error.cause instanceof TooManyAttemptsError) metrics.observeSignInRefusal("too_many_attempts");
          else if (error.cause instanceof HashingBusyError) metrics.observeSignInRefusal("busy");
          else if (error.code === "UNAUTHORIZED") metrics.observeSignInRefusal("wrong_credentials");
        }
        // Logged once, with the failed request's line (request-log.ts).
        if (error.code === "INTERNAL_SERVER_ERROR") requestLines.noteFailure(req, error);
      },
    } satisfies FastifyTRPCPluginOptions<AppRouter>["trpcOptions"],
  });

  // "ready" (200) once the whole read model is built, "starting" (503) before: a proxy or orchestrator may wait for it.
  app.get("/api/health", async (_request, reply) => {
    const counts = await services.store.countEntities();
    const ready = isReady();
    reply.code(ready ? 200 : 503);
    return {
      status: ready ? "ready" : "starting",
      dataVersion: services.dataVersion,
      // The entity-write journal position this instance's answers reflect; equal on every instance once caught up.
      writeSeq: services.writeSeq,
      store: services.store.db.dialect,
      jobs: jobsHeld() ? "running" : "standby",
      origin: (await services.store.info()).origin,
      counts,
    };
  });

  // Alive (the process answers), whatever the read model's state: a liveness probe, and the cheapest route there is.
  app.get("/api/live", async () => ({ status: "live" }));

  await registerExportRoutes(app, services);
  await registerGraphRoute(app, services);
  await registerShortlistRoute(app, services);

  if (clientDir && existsSync(join(clientDir, "index.html"))) {
    await app.register(fastifyStatic, { root: clientDir, wildcard: false });
    // Client-side routes fall back to the app; unknown API paths stay 404.
    app.setNotFoundHandler((request, reply) => {
      if (request.method === "GET" && !/^\/(api|trpc)\//.test(request.url)) return reply.sendFile("index.html");
      return reply.code(404).send({ error: "Not Found", message: `No route ${request.method} ${request.url}` });
    });
  }
  return app;
}

/** The metrics of a server serving `services`, every procedure of the router known by name. */
export function appMetricsFor(services: Services): AppMetrics {
  return new AppMetrics({
    dataVersion: () => services.dataVersion,
    databasePath: services.store.path,
    databaseBytes:
      services.store.db.dialect === "postgres"
        ? async () =>
            Number(
              (await services.store.db.get<{ bytes: string }>("SELECT pg_database_size(current_database()) AS bytes"))
                ?.bytes,
            )
        : undefined,
    procedures: new Set(Object.keys(appRouter._def.procedures)),
  });
}
