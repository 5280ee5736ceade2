/**
 * CSRF defence for every write: a request that changes data must come from this site. Browsers send an Origin header
 * with every POST; it must be our own origin. Clients that send no Origin (scripts, the command line) must send the
 * custom header `x-partnerkartan`, which a cross-site page cannot add without a CORS preflight we never grant.
 * Together with SameSite=Lax session cookies this closes cross-site request forgery.
 */
import type { FastifyReply, FastifyRequest } from "fastify";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
export const CSRF_HEADER = "x-partnerkartan";

export async function refuseCrossSiteWrites(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (SAFE_METHODS.has(request.method)) return;
  const origin = request.headers.origin;
  const own = `${request.protocol}://${request.host}`;
  if (origin !== undefined ? origin === own : request.headers[CSRF_HEADER] !== undefined) return;
  await reply.code(403).send({
    error: "Forbidden",
    message:
      origin !== undefined
        ? `Cross-site request refused: Origin ${origin} is not ${own}.`
        : `Cross-site request refused: send the header "${CSRF_HEADER}: 1" or an Origin header.`,
  });
}
