/**
 * The attacker's tools for tests/security/: raw HTTP over node:http, so a test controls what a library would hide —
 * the source address (any of 127.0.0.0/8 reaches a server on 127.0.0.1, standing for different clients), headers,
 * cookies, batching and streaming — and a server started with the real limits, not the relaxed ones of functional tests.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SESSION_COOKIE } from "../../server/auth/session-cookie";
import { readEnv } from "../../server/env";
import type { AppOptions } from "../../server/http/app";
import { CSRF_HEADER } from "../../server/http/cross-site-writes";
import { type RunningServer, startServer } from "../../server/http/server";
import { smallDataset, tempDatabasePath, writeDataDir } from "../fixtures/dataset";

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** Cookies the answer sets, by name ("" for a cleared one). */
  cookies: Record<string, string>;
  ms: number;
}

export interface Call {
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
  /** The client's address: 127.0.0.1 unless another loopback address stands for another client. */
  from?: string;
}

export function send(base: string, path: string, call: Call = {}): Promise<Answer> {
  const url = new URL(path, base);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: call.method ?? (call.body === undefined ? "GET" : "POST"),
        localAddress: call.from,
        agent: false,
        headers: {
          ...(call.body !== undefined ? { "content-type": "application/json", [CSRF_HEADER]: "1" } : {}),
          ...call.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const cookies: Record<string, string> = {};
          for (const line of res.headers["set-cookie"] ?? []) {
            const [pair] = line.split(";");
            const at = (pair ?? "").indexOf("=");
            cookies[(pair ?? "").slice(0, at)] = (pair ?? "").slice(at + 1);
          }
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString("utf8"),
            cookies,
            ms: performance.now() - started,
          });
        });
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    if (call.body !== undefined) req.write(call.body);
    req.end();
  });
}

/** One unbatched tRPC mutation. */
export const mutate = (base: string, path: string, input: unknown, call: Call = {}) =>
  send(base, `/trpc/${path}`, { ...call, body: JSON.stringify(input) });

export const login = (base: string, email: string, password: string, call: Call = {}) =>
  mutate(base, "auth.login", { email, password }, call);

export const sessionOf = (answer: Answer): string | undefined => answer.cookies[SESSION_COOKIE] || undefined;

/** A folder with a stand-in built client (index.html), so GET / is served without building the real one. */
export function standInClient(): string {
  const dir = join(tmpdir(), `pk-client-${process.pid}-${Math.random().toString(36).slice(2)}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "index.html"), "<!doctype html><title>Partnerkartan</title><p>app</p>");
  return dir;
}

/** The real server with the real limits (unless a test overrides one), on the small data set. */
export async function startGuardedServer(
  overrides: Partial<Omit<AppOptions, "services">> = {},
  env: Record<string, string> = {},
): Promise<RunningServer> {
  return startServer(
    readEnv({
      PORT: "0",
      HOST: "127.0.0.1",
      DATABASE_PATH: tempDatabasePath(),
      DATA_DIR: writeDataDir(smallDataset()),
      LOG_LEVEL: "silent",
      ...env,
    }),
    standInClient(),
    overrides,
  );
}

/** The p-th percentile of some numbers (0–100). */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}
