/**
 * Which requests get a log line. By default only those a person must look at: a failure (5xx, with its error) and a
 * slow request (over SLOW_REQUEST_MS); with ACCESS_LOG every request gets one. Fastify's own line per request is off.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import { loggableUrl } from "./log-output";

export interface RequestLogOptions {
  slowMs: number;
  accessLog: boolean;
}

export const DEFAULT_REQUEST_LOG: RequestLogOptions = { slowMs: 1000, accessLog: false };

export class RequestLog {
  private readonly failures = new WeakMap<FastifyRequest, unknown>();

  /** Keeps the error behind a failed request, for its one line (tRPC catches its errors before Fastify sees them). */
  noteFailure(request: FastifyRequest, error: unknown): void {
    this.failures.set(request, error);
  }

  register(app: FastifyInstance, { slowMs, accessLog }: RequestLogOptions): void {
    app.addHook("onError", async (request, reply, error) => {
      if (reply.statusCode >= 500) this.noteFailure(request, error);
    });
    app.addHook("onResponse", async (request, reply) => {
      const ms = Math.round(reply.elapsedTime);
      const status = reply.statusCode;
      const fields = { method: request.method, url: loggableUrl(request.url), status, ms };
      // A failed call inside a tRPC batch answers 207, not 500: its error still gets the line.
      const failure = this.failures.get(request);
      if (status >= 500 || failure) request.log.error({ ...fields, err: failure }, "request failed");
      else if (ms > slowMs) request.log.warn(fields, "slow request");
      else if (accessLog) request.log.info(fields, "request");
    });
  }
}
