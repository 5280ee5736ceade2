/**
 * Item 1: the sign-in limit holds under batching and concurrency, and a flood of sign-ins cannot starve the server.
 * Once, 300 batched guesses with the right one last got a session, 40 parallel guesses all reached the password
 * check, and GET / waited 31 s behind the hashing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../server/http/server";
import { createAccount } from "../integration/server-helpers";
import { login, percentile, send, sessionOf, startGuardedServer } from "./attack-client";

let server: RunningServer;
let victim: { email: string; password: string };

beforeAll(async () => {
  server = await startGuardedServer();
  victim = await createAccount(server.store, "administrator", "Ada Admin");
});
afterAll(async () => {
  await server?.close();
});

describe("sign-in under batching and concurrency", () => {
  it("refuses a batch of sign-ins: 300 guesses with the right password last get no session", async () => {
    const calls = 300;
    const body = Object.fromEntries(
      Array.from({ length: calls }, (_, i) => [
        String(i),
        { email: victim.email, password: i === calls - 1 ? victim.password : `guess ${i}` },
      ]),
    );
    const path = `/trpc/${Array.from({ length: calls }, () => "auth.login").join(",")}?batch=1`;
    const answer = await send(server.url, path, { body: JSON.stringify(body), from: "127.0.0.9" });
    expect(answer.status).toBe(400);
    expect(sessionOf(answer)).toBeUndefined();
    // Even a batch within the size limit may not carry a sign-in.
    const small = await send(server.url, "/trpc/auth.login,auth.login?batch=1", {
      body: JSON.stringify({ 0: { email: victim.email, password: "x" }, 1: victim }),
      from: "127.0.0.9",
    });
    expect(small.status).toBe(400);
    expect(small.body).toMatch(/auth\.login must be sent alone/);
    expect(sessionOf(small)).toBeUndefined();
  });

  it("lets at most the limit of 40 parallel wrong guesses reach the password check; the rest get 429", async () => {
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        login(server.url, victim.email, `parallel guess ${i}`, { from: "127.0.0.10" }),
      ),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(35);
    // The guesses are spent: the right password from that address is refused too, so nothing was gained.
    const right = await login(server.url, victim.email, victim.password, { from: "127.0.0.10" });
    expect(right.status).toBe(429);
    expect(sessionOf(right)).toBeUndefined();
  });

  it("keeps serving pages while 200 sign-ins from many addresses arrive at once", async () => {
    const flood = Array.from({ length: 200 }, (_, i) =>
      login(server.url, `nobody${i}@example.org`, "a wrong passphrase", {
        from: `127.0.${1 + (i % 50)}.${20 + (i % 7)}`,
      }),
    );
    await new Promise((r) => setTimeout(r, 50));
    const pages: number[] = [];
    for (let i = 0; i < 10; i++) {
      const page = await send(server.url, "/");
      expect(page.status).toBe(200);
      pages.push(page.ms);
    }
    const answers = await Promise.all(flood);
    // Every sign-in got an answer: checked (401), or refused at once as busy (503); none hung or failed.
    expect(answers.every((a) => a.status === 401 || a.status === 503)).toBe(true);
    // The first page may wait for the flood's requests to be read (this process also sends them); the rest must not
    // wait for hashing. Unbounded, every page waited for all 200 hashes (tens of seconds on this machine).
    expect(percentile(pages, 50)).toBeLessThan(500);
    expect(answers.filter((a) => a.status === 503).length).toBeGreaterThan(0);
  });
});
