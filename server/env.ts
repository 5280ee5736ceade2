/** Settings from the environment, validated at start: a bad value stops the server with the setting named. */
import { resolve } from "node:path";
import { z } from "zod";
import { DEFAULT_CONNECTION_LIMITS } from "./http/connection-limits";
import { DEFAULT_HEAVY_PER_MINUTE } from "./http/heavy-work";
import { parseTrustProxy, TrustProxyError } from "./http/trust-proxy";

const count = (fallback: number) => z.coerce.number().int().min(1).max(1_000_000).default(fallback);

const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** "90s", "30m", "6h", "1d" as milliseconds. */
const duration = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((text, ctx) => {
      const match = /^\s*(\d+)\s*([smhd])\s*$/.exec(text);
      if (!match || Number(match[1]) < 1) {
        ctx.addIssue({ code: "custom", message: 'expected a whole number and a unit: "90s", "30m", "6h" or "1d"' });
        return z.NEVER;
      }
      return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
    });

const flag = z
  .enum(["true", "false", "1", "0", "yes", "no"], { message: 'expected "true" or "false"' })
  .default("false")
  .transform((text) => text === "true" || text === "1" || text === "yes");

export const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("localhost"),
  DATABASE_PATH: z.string().min(1).default("data/partnerkartan.db"),
  /**
   * A PostgreSQL server instead of the SQLite file (postgres://user:password@host:5432/db): several instances can
   * then serve one database. Unset, the store is the file at DATABASE_PATH.
   */
  DATABASE_URL: z
    .url({
      protocol: /^postgres(ql)?$/,
      error: "must be a postgres:// URL, e.g. postgres://partnerkartan:password@localhost:5432/partnerkartan",
    })
    .optional(),
  /**
   * Where the built read model is saved, so that a start can take it back instead of building it
   * (live/saved-model.ts): a path, or "off". Default: DATABASE_PATH + ".readmodel". Not used with DATABASE_URL.
   */
  READ_MODEL_FILE: z.string().min(1).optional(),
  /** Where the seed files live; read only when the database is new. */
  DATA_DIR: z.string().min(1).default("data"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /**
   * Behind a reverse proxy that terminates HTTPS: how many proxies (usually 1) or their addresses, so session cookies
   * are marked Secure and rate limits see the client's address. See http/trust-proxy.ts.
   */
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((value, ctx) => {
      try {
        return parseTrustProxy(value);
      } catch (error) {
        if (!(error instanceof TrustProxyError)) throw error;
        ctx.addIssue({ code: "custom", message: error.message });
        return z.NEVER;
      }
    }),
  /** Open connections one client address may hold (not counted for a trusted proxy). */
  CONNECTIONS_PER_ADDRESS: count(DEFAULT_CONNECTION_LIMITS.perAddress),
  /** Large answers (whole graph, metrics, coverage, exports) one client address may ask for per minute. */
  HEAVY_REQUESTS_PER_MINUTE: count(DEFAULT_HEAVY_PER_MINUTE),
  /** The SMTP server mail goes out through; without it mail goes to the outbox administrators read in the app. */
  SMTP_URL: z
    .url({
      protocol: /^smtps?$/,
      error: "must be an smtp:// or smtps:// URL, e.g. smtp://user:password@mail.example.org:587",
    })
    .optional(),
  /** The sender of every message. */
  MAIL_FROM: z
    .string()
    .trim()
    .regex(/^(?:[^<>\r\n]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/, "must be an address or Name <address>")
    .default("Partnerkartan <noreply@localhost>"),
  /** The origin people reach the app at, for links in mail (default http://localhost:PORT). */
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: "must be an http:// or https:// URL, e.g. https://partnerkartan.se" })
    .transform((url) => url.replace(/\/+$/, ""))
    .optional(),
  /**
   * A folder for backups the server takes by itself; unset, it takes none (npm run backup still works). With
   * DATABASE_URL they are pg_dump files, taken by the instance that runs the background jobs.
   */
  BACKUP_DIR: z.string().min(1).optional(),
  /** How often the server takes a backup into BACKUP_DIR. */
  BACKUP_EVERY: duration("1d"),
  /** How many of its own backups the server keeps in BACKUP_DIR; older ones are deleted. */
  BACKUP_KEEP: count(7),
  /**
   * Several instances on PostgreSQL: how often one without the background jobs asks to take them over, and how often
   * the one with them checks its hold. A killed holder's jobs move on within about this long.
   */
  JOB_LEASE_RETRY: duration("5s"),
  /** The pg_dump the server's own backups of a PostgreSQL store run (BACKUP_DIR with DATABASE_URL). */
  PG_DUMP: z.string().min(1).default("pg_dump"),
  /** Lets /metrics answer other hosts than localhost that send `Authorization: Bearer <token>`. */
  METRICS_TOKEN: z.string().min(16, "at least 16 characters").optional(),
  /** Requests slower than this (ms) are logged, one line each. */
  SLOW_REQUEST_MS: z.coerce.number().int().min(1).max(600_000).default(1000),
  /** Log every request, one line each (off: only start, stop, errors and slow requests). */
  ACCESS_LOG: flag,
});
export type Env = z.infer<typeof EnvSchema> & { STORE_LOCATION: string };

/** Settings whose value a refusal must not print. */
const SECRET_SETTINGS = new Set(["METRICS_TOKEN", "DATABASE_URL"]);

export class SettingsError extends Error {
  override name = "SettingsError";
}

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    const got = (key: string) =>
      SECRET_SETTINGS.has(key) ? `${source[key]?.length ?? 0} characters` : JSON.stringify(source[key]);
    const lines = result.error.issues.map((i) => `${i.path.join(".")}: ${i.message} (got ${got(String(i.path[0]))})`);
    throw new SettingsError(`Invalid settings:\n  ${lines.join("\n  ")}`);
  }
  const data = result.data;
  return {
    /** Where the store is: the PostgreSQL URL, or the SQLite file's full path. */
    STORE_LOCATION: data.DATABASE_URL ?? resolve(data.DATABASE_PATH),
    ...data,
    DATABASE_PATH: resolve(data.DATABASE_PATH),
    DATA_DIR: resolve(data.DATA_DIR),
    // Off with PostgreSQL: the saved read model is the SQLite file's, beside it.
    READ_MODEL_FILE:
      data.READ_MODEL_FILE === "off" || data.DATABASE_URL !== undefined
        ? "off"
        : resolve(data.READ_MODEL_FILE ?? `${resolve(data.DATABASE_PATH)}.readmodel`),
    BACKUP_DIR: data.BACKUP_DIR === undefined ? undefined : resolve(data.BACKUP_DIR),
  };
}
