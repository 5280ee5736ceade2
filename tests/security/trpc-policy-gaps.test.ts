/**
 * Gaps in the /trpc request policy (trpc-request-policy.ts) found by the batched fuzz test (fuzz-batched.test.ts).
 * tRPC streams an answer (jsonl) on `trpc-accept: application/jsonl` and, failing that header, on
 * `Accept: application/jsonl`; the policy looked at the first only, and let sign-in through as a batch of one. So
 * `POST /trpc/auth.login?batch=1` with `Accept: application/jsonl` signed in with the answer's headers already sent:
 * a session was created that no cookie carried. Now auth's mutations are refused in any batch, and either header
 * counts as streaming.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../server/http/server";
import { createAccount } from "../integration/server-helpers";
import { login, send, sessionOf, startGuardedServer } from "./attack-client";

let server: RunningServer;
let member: { email: string; password: string };

beforeAll(async () => {
  server = await startGuardedServer();
  member = await createAccount(server.store, "member");
});
afterAll(async () => {
  await server?.close();
});

const rows = (table: "session" | "account") =>
  (server.store.db.raw.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe("the /trpc policy for sign-in", () => {
  it("refuses sign-in streamed through the Accept header, and creates no session", async () => {
    const sessions = rows("session");
    const answer = await send(server.url, "/trpc/auth.login?batch=1", {
      body: JSON.stringify({ 0: member }),
      headers: { accept: "application/jsonl" },
      from: "127.0.12.1",
    });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body).error.message).toMatch(/auth\.login must be sent alone/);
    expect(sessionOf(answer)).toBeUndefined();
    expect(rows("session")).toBe(sessions);
  });

  it("refuses sign-in and sign-up as a batch of one", async () => {
    const sessions = rows("session");
    const accounts = rows("account");
    const signIn = await send(server.url, "/trpc/auth.login?batch=1", {
      body: JSON.stringify({ 0: member }),
      from: "127.0.12.2",
    });
    const signUp = await send(server.url, "/trpc/auth.signUp?batch=1", {
      body: JSON.stringify({ 0: { email: "new@example.org", password: "a long enough passphrase", displayName: "N" } }),
      from: "127.0.12.2",
    });
    for (const answer of [signIn, signUp]) {
      expect(answer.status).toBe(400);
      expect(sessionOf(answer)).toBeUndefined();
    }
    expect(rows("session")).toBe(sessions);
    expect(rows("account")).toBe(accounts);
  });

  it("refuses auth.me streamed through the Accept header as through trpc-accept", async () => {
    const streaming: Record<string, string>[] = [
      { accept: "application/jsonl" },
      { "trpc-accept": "application/jsonl" },
    ];
    for (const headers of streaming) {
      const answer = await send(server.url, "/trpc/auth.me?batch=1", { headers, from: "127.0.12.3" });
      expect(answer.status).toBe(400);
      expect(answer.body).toMatch(/auth\.me cannot be streamed/);
    }
  });

  it("still signs in unbatched, as the app does, and still streams other batches", async () => {
    const answer = await login(server.url, member.email, member.password, { from: "127.0.12.4" });
    expect(answer.status).toBe(200);
    expect(sessionOf(answer)).toBeDefined();
    const streamed = await send(server.url, "/trpc/region.list,search.query?batch=1", {
      headers: { accept: "application/jsonl" },
      method: "GET",
      from: "127.0.12.4",
    });
    expect(streamed.status).toBe(200);
  });
});
