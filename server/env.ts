/** Settings from the environment, validated at start: a bad value stops the server with the setting named. */
import { resolve } from "node:path";
import { z } from "zod";
import { DEFAULT_CONNECTION_LIMITS } from "./http/connection-limits";
import { DEFAULT_HEAVY_PER_MINUTE } from "./http/heavy-work";
import { parseTrustProxy, TrustProxyError } from "./http/trust-proxy";

const count = (fallback: number) => z.coerce.number().int().min(1).max(1_000_000).default(fallback);

export const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("localhost"),
  DATABASE_PATH: z.string().min(1).default("data/partnerkartan.db"),
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
});
export type Env = z.infer<typeof EnvSchema>;

export class SettingsError extends Error {
  override name = "SettingsError";
}

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map(
      (i) => `${i.path.join(".")}: ${i.message} (got ${JSON.stringify(source[String(i.path[0])])})`,
    );
    throw new SettingsError(`Invalid settings:\n  ${lines.join("\n  ")}`);
  }
  return { ...result.data, DATABASE_PATH: resolve(result.data.DATABASE_PATH), DATA_DIR: resolve(result.data.DATA_DIR) };
}
