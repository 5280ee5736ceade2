/**
 * Where sign-in and sign-up counts live. One server on a SQLite file keeps them in its memory; several instances on
 * one PostgreSQL database keep them in its `rate_limit` table (rate-limiter-flexible's RateLimiterPostgres; the table
 * is made by migratePostgres), so an attacker gains nothing by spreading guesses over instances. Keys are SHA-256 hashes:
 * no e-mail address or client address is stored.
 */
import { createHash } from "node:crypto";
import type pg from "pg";
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterPostgres } from "rate-limiter-flexible";

let limiters = 0;

export function rateLimiter(
  pool: pg.Pool | undefined,
  options: { points: number; duration: number; keyPrefix?: string },
): RateLimiterAbstract {
  // Each limiter needs its own prefix: they share one table (and, in memory, nothing, but the prefix costs nothing).
  const keyPrefix = options.keyPrefix ?? `limit${++limiters}`;
  if (!pool) return new RateLimiterMemory({ ...options, keyPrefix });
  return new RateLimiterPostgres({
    storeClient: pool,
    storeType: "pool",
    tableName: "rate_limit",
    tableCreated: true,
    clearExpiredByTimeout: true,
    ...options,
    keyPrefix,
  });
}

/** A limiter key that names no one. */
export const limiterKey = (text: string): string => createHash("sha256").update(text).digest("base64url");
