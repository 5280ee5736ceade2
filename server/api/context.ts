/**
 * The request context: the services every procedure reads, who is asking (from the session cookie), and how to set or
 * clear that cookie. Tests can build it without HTTP.
 */
import type { CreateFastifyContextOptions } from "@trpc/server/adapters/fastify";
import type { Role } from "../../shared/schema/account";
import type { LoginLimiter } from "../auth/login-limiter";
import { SESSION_COOKIE, sessionCookieOptions } from "../auth/session-cookie";
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
  loginLimiter: LoginLimiter;
}

const noCookie: SessionCookie = { token: undefined, set() {}, clear() {} };

/** Who holds this session token, if it is live and the account is enabled. */
export function actorOf(services: Services, token: string | undefined): Actor | undefined {
  if (!token) return undefined;
  const id = services.store.sessions.accountOf(token);
  const account = id === undefined ? undefined : services.store.accounts.byId(id);
  return account && { id: account.id, displayName: account.displayName, role: account.role };
}

export const createContextFactory =
  (services: Services, loginLimiter: LoginLimiter) =>
  (opts?: CreateFastifyContextOptions): Context => {
    if (!opts) return { services, actor: undefined, address: "local", session: noCookie, loginLimiter };
    const { req, res } = opts;
    const secure = req.protocol === "https";
    const token = req.cookies[SESSION_COOKIE];
    return {
      services,
      actor: actorOf(services, token),
      address: req.ip,
      loginLimiter,
      session: {
        token,
        set: (value) => void res.setCookie(SESSION_COOKIE, value, sessionCookieOptions(secure)),
        clear: () => void res.clearCookie(SESSION_COOKIE, { ...sessionCookieOptions(secure), maxAge: undefined }),
      },
    };
  };
