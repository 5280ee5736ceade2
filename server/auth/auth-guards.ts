/** The sign-in and sign-up defences of one server process, made once and handed to every request's context. */
import { DeviceCookies } from "./device-cookie";
import { HashPool } from "./hash-pool";
import { KnownAddresses } from "./known-addresses";
import { LoginLimiter, type LoginLimits } from "./login-limiter";
import { SignUpLimiter } from "./sign-up-limiter";

export interface AuthGuards {
  login: LoginLimiter;
  signUp: SignUpLimiter;
  hashing: HashPool;
  devices: DeviceCookies;
  addresses: KnownAddresses;
}

export interface AuthGuardOptions {
  loginLimits?: LoginLimits;
  signUpsPerHour?: number;
}

export function createAuthGuards(options: AuthGuardOptions = {}): AuthGuards {
  return {
    login: new LoginLimiter(options.loginLimits),
    signUp: new SignUpLimiter(options.signUpsPerHour),
    hashing: new HashPool(),
    devices: new DeviceCookies(),
    addresses: new KnownAddresses(),
  };
}
