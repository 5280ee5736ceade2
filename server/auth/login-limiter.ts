/**
 * Slows down password guessing without letting anyone lock an owner out, after OWASP's Authentication Cheat Sheet
 * ("account lockout" and "device cookies"): failures are counted per account-and-address, per address, and per account.
 *
 * - Per account and address: 5 failures in 15 minutes, then that address waits. The owner's own address is untouched
 *   by an attacker elsewhere.
 * - Per address: 50 failures in an hour over all accounts (password spraying).
 * - Per account, from clients it does not know: after 10 failures in a day, one attempt per 30 s from anywhere
 *   (slow-down), and no more than 100 failures a day (ceiling). A client the account knows, one that has signed in to
 *   it before (device cookie or address), is exempt from both, so an attack on the account does not lock its owner out.
 *
 * Attempts are reserved before the password is checked and given back only on success: parallel or batched attempts
 * cannot all pass the check before any is counted. Counts live in memory (rate-limiter-flexible), or with several
 * instances in PostgreSQL (auth/rate-limiter-store.ts).
 */
import type pg from "pg";
import { type RateLimiterAbstract, RateLimiterRes } from "rate-limiter-flexible";
import { limiterKey, rateLimiter } from "./rate-limiter-store";

export class TooManyAttemptsError extends Error {
  override name = "TooManyAttemptsError";
  constructor(
    readonly retryAfterSeconds: number,
    what = "Too many failed sign-in attempts",
  ) {
    const wait =
      retryAfterSeconds < 90
        ? `${Math.ceil(retryAfterSeconds)} seconds`
        : `${Math.ceil(retryAfterSeconds / 60)} minutes`;
    super(`${what}; try again in ${wait}.`);
  }
}

export interface LoginLimits {
  /** Failures per account and address within windowSeconds. */
  perAccountAndAddress: number;
  windowSeconds: number;
  /** Failures per address over all accounts within an hour. */
  perAddressPerHour: number;
  /** Failures per account in a day from unknown clients before the slow-down starts. */
  slowDownAfter: number;
  /** While slowed down, one attempt per this many seconds for the account, from unknown clients. */
  slowDownSeconds: number;
  /** Failures per account in a day from unknown clients, after which unknown clients are refused for the day. */
  dailyCeiling: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  perAccountAndAddress: 5,
  windowSeconds: 15 * 60,
  perAddressPerHour: 50,
  slowDownAfter: 10,
  slowDownSeconds: 30,
  dailyCeiling: 100,
};

const DAY_SECONDS = 24 * 60 * 60;

/** One reserved attempt: it stays counted as a failure unless succeeded() or cancel() gives it back. */
export interface LoginAttempt {
  succeeded(): Promise<void>;
  /** The password was never checked (the server was busy): every count is given back. */
  cancel(): Promise<void>;
}

export class LoginLimiter {
  private readonly pair: RateLimiterAbstract;
  private readonly address: RateLimiterAbstract;
  private readonly accountDay: RateLimiterAbstract;
  private readonly accountPace: RateLimiterAbstract;

  constructor(
    readonly limits: LoginLimits = DEFAULT_LOGIN_LIMITS,
    pool?: pg.Pool,
  ) {
    this.pair = rateLimiter(pool, {
      points: limits.perAccountAndAddress,
      duration: limits.windowSeconds,
      keyPrefix: "login-pair",
    });
    this.address = rateLimiter(pool, {
      points: limits.perAddressPerHour,
      duration: 60 * 60,
      keyPrefix: "login-address",
    });
    this.accountDay = rateLimiter(pool, { points: limits.dailyCeiling, duration: DAY_SECONDS, keyPrefix: "login-day" });
    this.accountPace = rateLimiter(pool, { points: 1, duration: limits.slowDownSeconds, keyPrefix: "login-pace" });
  }

  /**
   * Reserves one attempt for this account from this address, or throws TooManyAttemptsError without reserving any.
   * `known` says the client has signed in to this account before (device cookie or address): the per-account
   * slow-down and ceiling do not apply to it.
   */
  async reserve(email: string, address: string, known: boolean): Promise<LoginAttempt> {
    const account = limiterKey(accountKey(email));
    const pairKey = limiterKey(`${accountKey(email)}|${address}`);
    address = limiterKey(address);
    const taken: Array<[RateLimiterAbstract, string]> = [];
    const take = async (limiter: RateLimiterAbstract, key: string) => {
      try {
        await limiter.consume(key);
        taken.push([limiter, key]);
      } catch (refusal) {
        // Give back what this attempt took from the other counts: a refused attempt costs nothing but time.
        await Promise.all(taken.map(([l, k]) => l.reward(k, 1)));
        if (refusal instanceof RateLimiterRes) throw new TooManyAttemptsError(refusal.msBeforeNext / 1000);
        throw refusal;
      }
    };
    await take(this.pair, pairKey);
    await take(this.address, address);
    if (!known) {
      const day = await this.accountDay.get(account);
      if (day && day.consumedPoints >= this.limits.slowDownAfter) await take(this.accountPace, account);
      await take(this.accountDay, account);
    }
    let settled = false;
    return {
      succeeded: async () => {
        if (settled) return;
        settled = true;
        // Success clears this address's count for the account and gives back the address and day points.
        await Promise.all([
          this.pair.delete(pairKey),
          this.address.reward(address, 1),
          ...(known ? [] : [this.accountDay.reward(account, 1)]),
        ]);
      },
      cancel: async () => {
        if (settled) return;
        settled = true;
        await Promise.all(taken.map(([l, k]) => l.reward(k, 1)));
      },
    };
  }
}

/** E-mail addresses compare case-insensitively, as the account store does. */
export const accountKey = (email: string): string => email.trim().toLowerCase();
