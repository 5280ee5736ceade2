/**
 * The server's metrics in the Prometheus text format (prom-client), one registry per server. Label values are
 * bounded: routes are Fastify's route patterns (an unmatched URL is "unmatched"), procedures are the router's names
 * (anything else is "unknown"), so no client can make the series grow without end.
 */
import { statSync } from "node:fs";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

/** Seconds: from a cached answer (a few ms) to a large export (seconds). */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export const UNKNOWN_PROCEDURE = "unknown";

export type SignInRefusal = "wrong_credentials" | "too_many_attempts" | "busy";

export interface AppMetricsSources {
  dataVersion(): number;
  databasePath: string;
  /** On PostgreSQL, the database's size (pg_database_size); the SQLite file's size is read from disk instead. */
  databaseBytes?: () => Promise<number>;
  /** The known tRPC procedure names ("graph.snapshot", …); others are counted as "unknown". */
  procedures: ReadonlySet<string>;
}

export class AppMetrics {
  readonly registry = new Registry();
  private readonly requests: Counter<"method" | "route" | "status">;
  private readonly requestSeconds: Histogram<"method" | "route">;
  private readonly errors: Counter<"status">;
  private readonly procedureCalls: Counter<"procedure">;
  private readonly procedureSeconds: Histogram<"procedure">;
  private readonly procedureErrors: Counter<"procedure" | "code">;
  private readonly refreshSeconds: Histogram;
  private readonly signInRefusals: Counter<"reason">;
  constructor(private readonly sources: AppMetricsSources) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    this.requests = new Counter({
      name: "partnerkartan_http_requests_total",
      help: "HTTP requests answered, by method, route pattern and status code",
      labelNames: ["method", "route", "status"],
      registers,
    });
    this.requestSeconds = new Histogram({
      name: "partnerkartan_http_request_duration_seconds",
      help: "Time to answer an HTTP request, by method and route pattern",
      labelNames: ["method", "route"],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.errors = new Counter({
      name: "partnerkartan_http_errors_total",
      help: "HTTP answers with a 4xx or 5xx status, by status code",
      labelNames: ["status"],
      registers,
    });
    this.procedureCalls = new Counter({
      name: "partnerkartan_trpc_calls_total",
      help: "tRPC procedure calls (each call of a batch counts), by procedure",
      labelNames: ["procedure"],
      registers,
    });
    this.procedureSeconds = new Histogram({
      name: "partnerkartan_trpc_request_duration_seconds",
      help: "Time to answer the HTTP request that carried a tRPC call, by procedure",
      labelNames: ["procedure"],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.procedureErrors = new Counter({
      name: "partnerkartan_trpc_errors_total",
      help: "tRPC calls that failed, by procedure and tRPC error code",
      labelNames: ["procedure", "code"],
      registers,
    });
    this.refreshSeconds = new Histogram({
      name: "partnerkartan_read_model_refresh_seconds",
      help: "Time to bring the read model (graph, search, match index) up to date after a write",
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    });
    this.signInRefusals = new Counter({
      name: "partnerkartan_sign_in_refusals_total",
      help: "Refused sign-ins: wrong_credentials, too_many_attempts (login limiter), busy (password hashing full)",
      labelNames: ["reason"],
      registers,
    });
    for (const reason of ["wrong_credentials", "too_many_attempts", "busy"] as const)
      this.signInRefusals.inc({ reason }, 0);
    new Gauge({
      name: "partnerkartan_data_version",
      help: "The data version the read model serves",
      registers,
      collect() {
        this.set(sources.dataVersion());
      },
    });
    new Gauge({
      name: "partnerkartan_database_bytes",
      help: "Size of the store: the SQLite file with its write-ahead log, or the PostgreSQL database",
      registers,
      async collect() {
        this.set(
          sources.databaseBytes
            ? await sources.databaseBytes().catch(() => 0)
            : fileSize(sources.databasePath) + fileSize(`${sources.databasePath}-wal`),
        );
      },
    });
  }

  /**
   * The hook for mail (issue 18): once the server queues mail, it calls this with a function that counts the queue,
   * and `partnerkartan_mail_queued` reports it. Until then the gauge does not exist.
   */
  reportQueuedMails(count: () => Promise<number>): void {
    new Gauge({
      name: "partnerkartan_mail_queued",
      help: "Mail waiting to be sent",
      registers: [this.registry],
      async collect() {
        this.set(await count());
      },
    });
  }

  /** The label a procedure name gets: itself if the router has it, else "unknown". */
  procedureLabel(name: string): string {
    return this.sources.procedures.has(name) ? name : UNKNOWN_PROCEDURE;
  }

  observeRequest(method: string, route: string, status: number, seconds: number, procedures: readonly string[]): void {
    this.requests.inc({ method, route, status: String(status) });
    this.requestSeconds.observe({ method, route }, seconds);
    if (status >= 400) this.errors.inc({ status: String(status) });
    for (const name of procedures) {
      const procedure = this.procedureLabel(name);
      this.procedureCalls.inc({ procedure });
      this.procedureSeconds.observe({ procedure }, seconds);
    }
  }

  observeProcedureError(name: string, code: string): void {
    this.procedureErrors.inc({ procedure: this.procedureLabel(name), code });
  }

  observeRefresh(seconds: number): void {
    this.refreshSeconds.observe(seconds);
  }

  observeSignInRefusal(reason: SignInRefusal): void {
    this.signInRefusals.inc({ reason });
  }
}

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
