/** Settings from the environment, validated at start: a bad value stops the server with the setting named. */
import { resolve } from "node:path";
import { z } from "zod";

export const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("localhost"),
  DATABASE_PATH: z.string().min(1).default("data/partnerkartan.db"),
  /** Where the seed files live; read only when the database is new. */
  DATA_DIR: z.string().min(1).default("data"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** "true" behind a reverse proxy that terminates HTTPS, so session cookies are marked Secure and rate limits see the client's address. */
  TRUST_PROXY: z.stringbool().default(false),
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
