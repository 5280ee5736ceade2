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
  const message =
    origin !== undefined
      ? `Cross-site request refused: this request comes from ${origin}; writes are accepted only from this site (${own}).`
      : `Cross-site request refused: a script must send the header "${CSRF_HEADER}: 1" (browsers send the site's own Origin).`;
  // Under /trpc, the refusal has the shape of every other tRPC error, so clients read it the same way.
  await reply
    .code(403)
    .send(
      request.url.startsWith("/trpc/")
        ? { error: { message, code: -32003, data: { code: "FORBIDDEN", httpStatus: 403 } } }
        : { error: "Forbidden", message },
    );
}
