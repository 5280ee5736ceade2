/**
 * Security headers: helmet's defaults with a content security policy for this app, plus two rules of our own.
 * - Framing: no page may be framed by another site (frame-ancestors 'self', X-Frame-Options SAMEORIGIN), except the
 *   embed view (?embed=1), which exists to be framed on partners' pages and gets frame-ancestors *.
 * - Caching: an answer that may carry personal data (any tRPC answer to a signed-in request, and every answer of the
 *   account, submission, entity and admin procedures) is sent with Cache-Control: no-store, so no browser or proxy
 *   cache keeps it.
 */
import helmet from "@fastify/helmet";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { SESSION_COOKIE } from "../auth/session-cookie";
import { trpcCallsOf } from "./trpc-request-policy";

const directives = (frameAncestors: string) => ({
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", "data:", "blob:"],
  workerSrc: ["'self'", "blob:"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  frameAncestors: [frameAncestors],
  upgradeInsecureRequests: null,
});

/** tRPC procedures whose answers are about accounts: never cached, signed in or not. */
const PERSONAL = /^(auth|submission|entity|admin)\./;

const isEmbedPage = (request: FastifyRequest, reply: FastifyReply) =>
  (request.query as Record<string, unknown> | undefined)?.embed === "1" &&
  String(reply.getHeader("content-type") ?? "").startsWith("text/html");

export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { directives: directives("'self'") },
    crossOriginEmbedderPolicy: false,
    xFrameOptions: { action: "sameorigin" },
    strictTransportSecurity: false,
  });
  const embedPolicy = Object.entries(directives("*"))
    .filter(([, v]) => v !== null)
    .map(([k, v]) => `${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} ${(v as string[]).join(" ")}`)
    .join(";");

  app.addHook("onSend", async (request, reply, payload) => {
    if (isEmbedPage(request, reply)) {
      reply.header("content-security-policy", embedPolicy);
      reply.removeHeader("x-frame-options");
    }
    const calls = trpcCallsOf(request.url);
    if (calls && (request.cookies?.[SESSION_COOKIE] || calls.paths.some((p) => PERSONAL.test(p)))) {
      reply.header("cache-control", "no-store");
    }
    return payload;
  });
}
