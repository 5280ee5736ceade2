/** The Fastify app: tRPC under /trpc, plain /api URLs, the built client as static files, security headers, limits. */
import { existsSync } from "node:fs";
import { join } from "node:path";
import cookie from "@fastify/cookie";
import helmet from "@fastify/helmet";
import fastifyStatic from "@fastify/static";
import { type FastifyTRPCPluginOptions, fastifyTRPCPlugin } from "@trpc/server/adapters/fastify";
import Fastify, { type FastifyInstance } from "fastify";
import { createContextFactory } from "../api/context";
import { type AppRouter, appRouter } from "../api/router";
import { LoginLimiter, type LoginLimits } from "../auth/login-limiter";
import type { Services } from "../services";
import { refuseCrossSiteWrites } from "./cross-site-writes";
import { registerExportRoutes } from "./export-routes";
import { registerGraphRoute } from "./graph-route";

export interface AppOptions {
  services: Services;
  /** Folder with the built client (index.html); omitted in `npm run dev`, where Vite serves it. */
  clientDir?: string;
  logLevel?: string;
  /** Behind a reverse proxy that terminates HTTPS: trust its X-Forwarded-* headers (client address, protocol). */
  trustProxy?: boolean;
  loginLimits?: LoginLimits;
}

/** Largest request body accepted; the API takes small JSON inputs only. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

export async function createApp({
  services,
  clientDir,
  logLevel = "info",
  trustProxy = false,
  loginLimits,
}: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logLevel === "silent" ? false : { level: logLevel },
    trustProxy,
    bodyLimit: BODY_LIMIT_BYTES,
    routerOptions: { maxParamLength: 5000 },
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:", "blob:"],
        workerSrc: ["'self'", "blob:"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["*"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
    // Embed mode (?embed=1) is for partners' pages; CSP frame-ancestors states that, and X-Frame-Options would contradict it.
    xFrameOptions: false,
    strictTransportSecurity: false,
  });

  await app.register(cookie);
  app.addHook("onRequest", refuseCrossSiteWrites);

  await app.register(fastifyTRPCPlugin, {
    prefix: "/trpc",
    trpcOptions: {
      router: appRouter,
      createContext: createContextFactory(services, new LoginLimiter(loginLimits)),
      onError({ error, path }) {
        if (error.code === "INTERNAL_SERVER_ERROR") app.log.error({ err: error, path }, "tRPC procedure failed");
      },
    } satisfies FastifyTRPCPluginOptions<AppRouter>["trpcOptions"],
  });

  app.get("/api/health", async () => {
    const counts = services.store.countEntities();
    return { status: "ok", dataVersion: services.dataVersion, origin: services.store.info().origin, counts };
  });

  await registerExportRoutes(app, services);
  await registerGraphRoute(app, services);

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
