/** The session cookie: httpOnly (no script reads it), SameSite=Lax, Secure whenever the request came over HTTPS. */
import type { CookieSerializeOptions } from "@fastify/cookie";
import { SESSION_DAYS } from "../store/sessions";

export const SESSION_COOKIE = "partnerkartan_session";

export const sessionCookieOptions = (secure: boolean): CookieSerializeOptions => ({
  httpOnly: true,
  sameSite: "lax",
  secure,
  path: "/",
  maxAge: SESSION_DAYS * 24 * 3600,
});
