/**
 * A budget for the answers that cost real work: the heavy tRPC procedures (trpc-request-policy.ts), the exports and
 * the whole graph. Two limits, both checked before any work starts:
 * - per client address, at most `perMinute` heavy calls a minute (a batch counts each heavy call in it); beyond that
 *   429 with Retry-After. A person reloading the app uses a few a minute.
 * - over all clients, at most HEAVY_CONCURRENCY heavy answers are produced at once and HEAVY_QUEUE wait; beyond that
 *   503 with Retry-After, so that many addresses together cannot starve the cheap requests (health, search, pages).
 *   A call refused so costs the client nothing of its budget; and the queued answers start one per event-loop turn,
 *   so cheap requests are read in between.
 * A slot is held until the answer has been sent or the client has gone, so slow readers of big exports count too.
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import pLimit from "p-limit";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { HEAVY_PROCEDURES, sendTrpcRefusal, trpcCallsOf } from "./trpc-request-policy";

export const HEAVY_CONCURRENCY = 2;
export const HEAVY_QUEUE = 16;
export const DEFAULT_HEAVY_PER_MINUTE = 120;

/** Plain URLs whose answer is graph-sized. */
const HEAVY_URL = /^\/api\/(export\/|graph(\?|$))/;

/** How many heavy calls this request makes (0 for the rest). */
export function heavyCallsOf(url: string): number {
  const calls = trpcCallsOf(url);
  if (calls) return calls.paths.filter((p) => HEAVY_PROCEDURES.has(p)).length;
  return HEAVY_URL.test(url) ? 1 : 0;
}

export class HeavyWork {
  private readonly perClient: RateLimiterMemory;
  private readonly slots = pLimit(HEAVY_CONCURRENCY);

  constructor(perMinute = DEFAULT_HEAVY_PER_MINUTE) {
    this.perClient = new RateLimiterMemory({ points: perMinute, duration: 60, keyPrefix: "heavy" });
  }

  /** The onRequest hook: refuses over budget, else waits for a slot that is freed when the answer is done. */
  readonly hook = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const cost = heavyCallsOf(request.url);
    if (cost === 0) return;
    try {
      await this.perClient.consume(request.ip, cost);
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      const seconds = Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
      reply.header("retry-after", String(seconds));
      await this.refuse(request, reply, 429, `Too many large requests from this address; try again in ${seconds} s.`);
      return;
    }
    if (this.slots.pendingCount >= HEAVY_QUEUE) {
      // Busy is the server's state, not the client's doing: a refused call does not use up the client's budget.
      await this.perClient.reward(request.ip, cost);
      reply.header("retry-after", "2");
      await this.refuse(request, reply, 503, "The server is busy with other large requests; try again in a moment.");
      return;
    }
    await new Promise<void>((started) => {
      void this.slots(
        () =>
          new Promise<void>((done) => {
            // Each heavy answer starts on a macrotask of its own. A finished answer frees its slot in a chain of
            // promise callbacks; started there too, the next queued answer (and the next…) would run before the
            // event loop reads another socket, and /api/health would wait for the whole queue.
            setImmediate(() => {
              if (reply.raw.writableFinished || request.raw.destroyed) return done();
              reply.raw.once("close", () => done());
              started();
            });
          }),
      ).finally(() => started());
    });
  };

  private async refuse(request: FastifyRequest, reply: FastifyReply, status: 429 | 503, message: string) {
    if (request.url.startsWith("/trpc/")) await sendTrpcRefusal(reply, status, message);
    else
      await reply.code(status).send({ error: status === 429 ? "Too Many Requests" : "Service Unavailable", message });
  }
}
