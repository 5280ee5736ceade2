/**
 * Limits account creation per client address: sign-up costs a password hash and sends a mail, so both the work and
 * the mail are rationed. The attempt is counted before any work, whether it then succeeds or not. Requests for a
 * password-reset mail are rationed by a second limiter of the same kind.
 */
import type pg from "pg";
import { type RateLimiterAbstract, RateLimiterRes } from "rate-limiter-flexible";
import { TooManyAttemptsError } from "./login-limiter";
import { limiterKey, rateLimiter } from "./rate-limiter-store";

export const SIGN_UPS_PER_ADDRESS_PER_HOUR = 5;

export class SignUpLimiter {
  private readonly byAddress: RateLimiterAbstract;

  constructor(
    perHour = SIGN_UPS_PER_ADDRESS_PER_HOUR,
    private readonly refusal = "Too many accounts created from this address",
    pool?: pg.Pool,
    keyPrefix = "sign-up",
  ) {
    this.byAddress = rateLimiter(pool, { points: perHour, duration: 60 * 60, keyPrefix });
  }

  async reserve(address: string): Promise<void> {
    try {
      await this.byAddress.consume(limiterKey(address));
    } catch (refusal) {
      if (refusal instanceof RateLimiterRes) {
        throw new TooManyAttemptsError(refusal.msBeforeNext / 1000, this.refusal);
      }
      throw refusal;
    }
  }
}
