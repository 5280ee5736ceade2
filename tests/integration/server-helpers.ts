/** Starts the real server (real SQLite file, real HTTP on a free port) for integration tests, with a typed tRPC client. */
import { createTRPCClient, httpLink, TRPCClientError } from "@trpc/client";
import type { AppRouter } from "../../server/api/router";
import { hashPassword } from "../../server/auth/password";
import { SESSION_COOKIE } from "../../server/auth/session-cookie";
import { readEnv } from "../../server/env";
import type { AppOptions } from "../../server/http/app";
import { CSRF_HEADER } from "../../server/http/cross-site-writes";
import { type RunningServer, startServer } from "../../server/http/server";
import type { Store } from "../../server/store/store";
import type { Role } from "../../shared/schema/account";
import type { OutboxMail } from "../../shared/schema/mail";

/**
 * Functional tests sign in, sign up and load the graph far more often from one address than a person does, so their
 * server has the abuse limits raised; tests/security/ starts servers with the real ones.
 */
export const RELAXED_LIMITS: Partial<AppOptions> = {
  auth: {
    loginLimits: {
      perAccountAndAddress: 1000,
      windowSeconds: 60,
      perAddressPerHour: 10_000,
      slowDownAfter: 10_000,
      slowDownSeconds: 1,
      dailyCeiling: 100_000,
    },
    signUpsPerHour: 10_000,
    mailRequestsPerHour: 10_000,
  },
  heavyPerMinute: 100_000,
};

export async function startTestServer(
  dataDir: string,
  databasePath: string,
  clientDir?: string,
  overrides: Partial<AppOptions> = RELAXED_LIMITS,
  /**
   * More settings, such as SMTP_URL (without it, mail goes to the outbox). READ_MODEL_FILE is "off" unless given:
   * a saved read model costs each test server a background build (tests/integration/saved-read-model.test.ts).
   */
  settings: Partial<Record<"SMTP_URL" | "MAIL_FROM" | "PUBLIC_URL" | "DATABASE_URL" | "READ_MODEL_FILE", string>> = {},
): Promise<RunningServer> {
  const env = readEnv({
    PORT: "0",
    HOST: "127.0.0.1",
    DATABASE_PATH: databasePath,
    DATA_DIR: dataDir,
    LOG_LEVEL: "silent",
    READ_MODEL_FILE: "off",
    ...settings,
  });
  const server = await startServer(env, clientDir, overrides);
  // Tests begin once /api/health says "ready", as a proxy in front would wait for it.
  await server.whenReady;
  return server;
}

/** A tRPC client as a script would use it: no cookies, the CSRF header on every request. */
export function clientFor(url: string) {
  return createTRPCClient<AppRouter>({ links: [httpLink({ url: `${url}/trpc`, headers: { [CSRF_HEADER]: "1" } })] });
}

/** A tRPC client that keeps the session cookie between calls, as a browser does. */
export function sessionClientFor(url: string) {
  const jar = { cookie: "" };
  const fetchWithCookies: typeof fetch = async (input, init) => {
    const headers = new Headers(init?.headers);
    if (jar.cookie) headers.set("cookie", jar.cookie);
    const response = await fetch(input, { ...init, headers });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const [name, value] = (pair ?? "").split("=");
      if (name === SESSION_COOKIE) jar.cookie = value ? `${name}=${value}` : "";
    }
    return response;
  };
  const client = createTRPCClient<AppRouter>({
    links: [httpLink({ url: `${url}/trpc`, headers: { [CSRF_HEADER]: "1" }, fetch: fetchWithCookies })],
  });
  cookieJars.set(client, jar);
  return client;
}

const cookieJars = new WeakMap<object, { cookie: string }>();
/** The session cookie a sessionClientFor client holds now ("" when signed out). */
export const cookieOf = (client: object): string => cookieJars.get(client)?.cookie ?? "";

/** Creates an account directly in the store (as `npm run admin:create` does) and returns its credentials. */
export async function createAccount(
  store: Store,
  role: Role,
  name: string = role,
): Promise<{ id: number; email: string; password: string }> {
  const email = `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}@example.org`;
  const password = `correct horse battery ${name}`;
  const account = await store.accounts.create({
    email,
    displayName: name,
    role,
    passwordHash: await hashPassword(password),
    emailVerified: true,
  });
  return { id: account.id, email, password };
}

/** The newest message to `address` in the outbox (a server without SMTP_URL keeps every message there). */
export async function outboxMail(store: Store, address: string): Promise<OutboxMail> {
  const [mail] = await store.mail.to(address);
  if (!mail) throw new Error(`no mail to ${address} in the outbox`);
  return mail;
}

/** The secret of a link in a mail: `kind` is "verify", "reset" or "email" (as in /?lang=sv#verify=…). */
export function tokenIn(text: string | null, kind: "verify" | "reset" | "email"): string {
  const found = new RegExp(`/\\?lang=(?:sv|en)#${kind}=([A-Za-z0-9_-]{43})`).exec(text ?? "");
  if (!found) throw new Error(`no ${kind} link in the mail`);
  return found[1] as string;
}

/**
 * Signs up as a visitor does, follows the link in the verification mail (read from the outbox) and signs in: the way
 * tests get a verified member without weakening the rule that an unverified account cannot sign in.
 */
export async function signUpVerified(
  server: RunningServer,
  input: { email: string; password: string; displayName: string; language?: "sv" | "en" },
  client = sessionClientFor(server.url),
) {
  await client.auth.signUp.mutate(input);
  const token = tokenIn(await (await outboxMail(server.store, input.email)).text, "verify");
  await client.auth.verifyEmail.mutate({ token });
  const me = await client.auth.login.mutate({ email: input.email, password: input.password });
  return { client, me };
}

/** Awaits a call that must fail with a tRPC error; returns its HTTP status and message. */
export async function trpcFailure(promise: Promise<unknown>): Promise<{ status: number; message: string }> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCClientError)) throw new Error(`expected a tRPC error, got ${String(error)}`);
  return { status: error.data?.httpStatus as number, message: error.message };
}
