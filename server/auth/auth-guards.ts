/** The sign-in and sign-up defences of one server process, made once and handed to every request's context. */
import type pg from "pg";
import { DeviceCookies } from "./device-cookie";
import { HashPool } from "./hash-pool";
import { KnownAddresses } from "./known-addresses";
import { LoginLimiter, type LoginLimits } from "./login-limiter";
import { SignUpLimiter } from "./sign-up-limiter";

export interface AuthGuards {
  login: LoginLimiter;
  signUp: SignUpLimiter;
  /** Password-reset mails asked for, per client address. */
  mailRequests: SignUpLimiter;
  hashing: HashPool;
  devices: DeviceCookies;
  addresses: KnownAddresses;
}

export interface AuthGuardOptions {
  loginLimits?: LoginLimits;
  signUpsPerHour?: number;
  mailRequestsPerHour?: number;
}

/** Password-reset mails one client address may ask for per hour. */
export const MAIL_REQUESTS_PER_ADDRESS_PER_HOUR = 10;

/** `pool`: several instances on PostgreSQL share the counts there (auth/rate-limiter-store.ts). */
export function createAuthGuards(options: AuthGuardOptions = {}, pool?: pg.Pool, deviceSecret?: Buffer): AuthGuards {
  return {
    login: new LoginLimiter(options.loginLimits, pool),
    signUp: new SignUpLimiter(options.signUpsPerHour, undefined, pool),
    mailRequests: new SignUpLimiter(
      options.mailRequestsPerHour ?? MAIL_REQUESTS_PER_ADDRESS_PER_HOUR,
      "Too many password-reset mails asked for from this address",
      pool,
      "mail-request",
    ),
    hashing: new HashPool(),
    devices: new DeviceCookies(deviceSecret),
    addresses: new KnownAddresses(),
  };
}
