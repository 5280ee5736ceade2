/**
 * Pins the server's log (issue 19, item 3) on the real process (`server/main.ts`, stdout a pipe, so JSON lines): by
 * default a handful of lines for 200 requests (start, no line per request); one error line for a 500; with
 * ACCESS_LOG a line per request, and never an e-mail address, a password or a session token, not even for sign-ins.
 */
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { openStore } from "../../server/http/server";
import { smallDataset, tempDatabasePath, writeDataDir } from "../fixtures/dataset";
import { clientFor, createAccount, trpcFailure } from "./server-helpers";
import { killServerProcesses, startServerProcess } from "./server-process";

interface LoggedServer {
  url: string;
  databasePath: string;
  /** Every line written so far, parsed. */
  lines(): Record<string, unknown>[];
  output(): string;
}

async function startLoggedServer(env: Record<string, string>): Promise<LoggedServer> {
  const databasePath = tempDatabasePath();
  const dataDir = writeDataDir(smallDataset());
  await (await openStore({ DATABASE_PATH: databasePath, DATA_DIR: dataDir })).store.close();
  const server = await startServerProcess({ DATABASE_PATH: databasePath, DATA_DIR: dataDir, ...env });
  return {
    url: server.url,
    databasePath,
    output: server.output,
    lines: () =>
      server
        .stdout()
        .split("\n")
        .filter((line) => line.trim() !== "")
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

afterEach(async () => {
  killServerProcesses();
});

describe("the server's log", () => {
  it("has a handful of lines for 200 requests, and one error line for a 500", async () => {
    const server = await startLoggedServer({});
    const api = clientFor(server.url);
    for (let i = 0; i < 200; i++) {
      if (i % 4 === 0) await fetch(`${server.url}/api/health`);
      else if (i % 4 === 1) await api.region.list.query();
      else if (i % 4 === 2) await api.search.query.query({ q: "org" });
      else await fetch(`${server.url}/api/no-such-thing`);
    }
    await new Promise((r) => setTimeout(r, 200));
    const quiet = server.lines();
    expect(quiet.length, server.output()).toBeLessThanOrEqual(6);
    expect(quiet.some((l) => /running at/.test(String(l.msg)))).toBe(true);

    // A real failure: the session table disappears under the running server (a store damaged by hand).
    const db = new Database(server.databasePath);
    db.exec("DROP TABLE session");
    db.close();
    const failed = await fetch(`${server.url}/trpc/auth.me`, { headers: { cookie: "partnerkartan_session=abc" } });
    expect(failed.status).toBe(500);
    await new Promise((r) => setTimeout(r, 200));
    const after = server.lines().slice(quiet.length);
    expect(after, server.output()).toHaveLength(1);
    expect(after[0]).toMatchObject({ level: 50, msg: "request failed", url: "/trpc/auth.me", status: 500 });
    expect(JSON.stringify(after[0])).toMatch(/no such table: session/);
    expect(JSON.stringify(after[0])).not.toContain("abc");
  }, 60_000);

  it("with ACCESS_LOG logs each request, and a sign-in never shows the address, password or token", async () => {
    const server = await startLoggedServer({ ACCESS_LOG: "true" });
    const store = new (await import("../../server/store/store")).Store(server.databasePath);
    const member = await createAccount(store, "member", "Logged Member");
    await store.close();
    const signIn = (password: string) =>
      fetch(`${server.url}/trpc/auth.login`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-partnerkartan": "1" },
        body: JSON.stringify({ email: member.email, password }),
      });
    const ok = await signIn(member.password);
    expect(ok.status).toBe(200);
    const cookie = ok.headers.getSetCookie().join("; ");
    const token = /partnerkartan_session=([^;]+)/.exec(cookie)?.[1] as string;
    expect(token).toBeTruthy();
    expect((await signIn("wrong password, surely")).status).toBe(401);
    await fetch(`${server.url}/trpc/auth.me`, { headers: { cookie: `partnerkartan_session=${token}` } });
    const api = clientFor(server.url);
    await api.search.query.query({ q: member.email });
    expect((await trpcFailure(api.node.byId.query({ id: `organisation:${member.email}` }))).status).toBe(400);
    await new Promise((r) => setTimeout(r, 200));

    const text = server.output();
    // A sign-in on a busy machine may take over SLOW_REQUEST_MS: then its line says "slow request".
    const requests = server.lines().filter((l) => l.msg === "request" || l.msg === "slow request");
    expect(requests.length).toBe(5);
    expect(requests[0]).toMatchObject({ method: "POST", url: "/trpc/auth.login", status: 200 });
    expect(text).not.toContain(member.email);
    expect(text).not.toContain(member.email.split("@")[0]);
    expect(text).not.toContain(member.password);
    expect(text).not.toContain(token);
    expect(text).not.toMatch(/@example\.org/);
  }, 60_000);
});
