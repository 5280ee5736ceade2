/**
 * The request context: the services every procedure reads, who is asking (from the session cookie), and how to set or
 * clear that cookie. Tests can build it without HTTP.
 */
import type { CreateFastifyContextOptions } from "@trpc/server/adapters/fastify";
import type { Role } from "../../shared/schema/account";
import type { AuthGuards } from "../auth/auth-guards";
import { DEVICE_COOKIE, DEVICE_COOKIE_MAX_AGE } from "../auth/device-cookie";
import { SESSION_COOKIE, sessionCookieOptions } from "../auth/session-cookie";
import type { Mailer } from "../mail/mailer";
import type { Services } from "../services";

/** The signed-in person, as procedures see them. */
export interface Actor {
  id: number;
  displayName: string;
  role: Role;
}

export interface SessionCookie {
  /** The token from the request's cookie, if any. */
  token: string | undefined;
  set(token: string): void;
  clear(): void;
}

export interface Context {
  services: Services;
  actor: Actor | undefined;
  /** The client's address, for rate limits. */
  address: string;
  session: SessionCookie;
  /** The device cookie of past sign-ins on this browser (see auth/device-cookie.ts). */
  device: { value: string | undefined; set(value: string): void };
  guards: AuthGuards;
  /** Queues mail; sending happens in the background. */
  mail: Mailer;
}

const noCookie: SessionCookie = { token: undefined, set() {}, clear() {} };
const noDevice: Context["device"] = { value: undefined, set() {} };

/** Who holds this session token, if it is live and the account is enabled. */
export async function actorOf(services: Services, token: string | undefined): Promise<Actor | undefined> {
  if (!token) return undefined;
  const id = await services.store.sessions.accountOf(token);
  const account = id === undefined ? undefined : await services.store.accounts.byId(id);
  return account && { id: account.id, displayName: account.displayName, role: account.role };
}

export const createContextFactory =
  (services: Services, guards: AuthGuards, mail: Mailer) =>
  async (opts?: CreateFastifyContextOptions): Promise<Context> => {
    if (!opts)
      return { services, actor: undefined, address: "local", session: noCookie, device: noDevice, guards, mail };
    const { req, res } = opts;
    const secure = req.protocol === "https";
    const token = req.cookies[SESSION_COOKIE];
    return {
      services,
      actor: await actorOf(services, token),
      address: req.ip,
      guards,
      mail,
      device: {
        value: req.cookies[DEVICE_COOKIE],
        set: (value) =>
          void res.setCookie(DEVICE_COOKIE, value, {
            ...sessionCookieOptions(secure),
            path: "/trpc",
            maxAge: DEVICE_COOKIE_MAX_AGE,
          }),
      },
      session: {
        token,
        set: (value) => void res.setCookie(SESSION_COOKIE, value, sessionCookieOptions(secure)),
        clear: () => void res.clearCookie(SESSION_COOKIE, { ...sessionCookieOptions(secure), maxAge: undefined }),
      },
    };
  };
