/**
 * The device cookie of OWASP's "slow down online guessing attacks with device cookies": after a successful sign-in the
 * browser gets a cookie bound to that account, and a client presenting it is known to the login limiter, so a
 * slow-down aimed at the account never reaches its owner. The value is an HMAC of the account key under a secret
 * kept in the store (Store.deviceCookieSecret), so every instance on one database and every restart know the cookie;
 * without one (tests), a secret made at start.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { accountKey } from "./login-limiter";

export const DEVICE_COOKIE = "pk_device";
/** 180 days: long enough that owners keep it, short enough that stolen ones age out. */
export const DEVICE_COOKIE_MAX_AGE = 180 * 24 * 60 * 60;

export class DeviceCookies {
  constructor(private readonly secret: Buffer = randomBytes(32)) {}

  /** The cookie's value for this account; several accounts on one device get one value each, joined by ".". */
  tokenFor(email: string): string {
    return createHmac("sha256", this.secret).update(accountKey(email)).digest("base64url").slice(0, 32);
  }

  /** Adds this account to a device cookie's value (kept to the 5 most recent accounts). */
  add(cookie: string | undefined, email: string): string {
    const token = this.tokenFor(email);
    const others = (cookie ?? "").split(".").filter((t) => t && t !== token);
    return [token, ...others].slice(0, 5).join(".");
  }

  /** Whether the cookie was given to this account's owner by this process. */
  knows(cookie: string | undefined, email: string): boolean {
    if (!cookie) return false;
    const expected = Buffer.from(this.tokenFor(email));
    return cookie.split(".").some((t) => t.length === expected.length && timingSafeEqual(Buffer.from(t), expected));
  }
}
