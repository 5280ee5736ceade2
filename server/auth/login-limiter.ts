/**
 * Slows down password guessing: failed sign-ins are counted per account (e-mail) and per client address, in memory
 * (rate-limiter-flexible). A success clears the account's count. Limits reset with a restart, which is acceptable
 * for one server process; a cluster would need a shared store.
 */
import { RateLimiterMemory, type RateLimiterRes } from "rate-limiter-flexible";

export class TooManyAttemptsError extends Error {
  override name = "TooManyAttemptsError";
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many failed sign-in attempts; try again in ${Math.ceil(retryAfterSeconds / 60)} minutes.`);
  }
}

export interface LoginLimits {
  perAccount: number;
  perAddress: number;
  windowSeconds: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = { perAccount: 5, perAddress: 20, windowSeconds: 15 * 60 };

export class LoginLimiter {
  private readonly byAccount: RateLimiterMemory;
  private readonly byAddress: RateLimiterMemory;

  constructor(limits: LoginLimits = DEFAULT_LOGIN_LIMITS) {
    this.byAccount = new RateLimiterMemory({
      points: limits.perAccount,
      duration: limits.windowSeconds,
      keyPrefix: "account",
    });
    this.byAddress = new RateLimiterMemory({
      points: limits.perAddress,
      duration: limits.windowSeconds,
      keyPrefix: "address",
    });
  }

  /** Throws TooManyAttemptsError when either count is used up; call before checking the password. */
  async check(email: string, address: string): Promise<void> {
    const [account, addr] = await Promise.all([this.byAccount.get(email), this.byAddress.get(address)]);
    const blocked = [account, addr].filter(
      (r, i): r is RateLimiterRes =>
        r !== null && r.consumedPoints >= (i === 0 ? this.byAccount.points : this.byAddress.points),
    );
    if (blocked.length > 0) throw new TooManyAttemptsError(Math.max(...blocked.map((r) => r.msBeforeNext)) / 1000);
  }

  async failed(email: string, address: string): Promise<void> {
    await Promise.all([this.byAccount.penalty(email, 1), this.byAddress.penalty(address, 1)]);
  }

  async succeeded(email: string): Promise<void> {
    await this.byAccount.delete(email);
  }
}
