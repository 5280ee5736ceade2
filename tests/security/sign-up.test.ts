/**
 * Item 10: sign-up is rate-limited per address (it costs a password hash and sends a mail). Each attempt counts,
 * before any work, whether it succeeds or not. A taken address gets the same answer as a new one.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../server/http/server";
import { mutate, startGuardedServer } from "./attack-client";

let server: RunningServer;

beforeAll(async () => {
  server = await startGuardedServer();
});
afterAll(async () => {
  await server?.close();
});

const signUp = (i: number, from: string, name = `New Person ${i}`) =>
  mutate(
    server.url,
    "auth.signUp",
    { email: `new${i}@example.org`, password: "a long enough passphrase", displayName: name },
    { from },
  );

describe("sign-up", () => {
  it("allows 5 sign-ups an hour from one address, then 429; another address is unaffected", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await signUp(i, "127.0.0.50")).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    expect((await signUp(100, "127.0.0.51")).status).toBe(200);
  });

  it("answers probes for existing addresses as for new ones, and counts them too", async () => {
    const statuses: number[] = [];
    const bodies: string[] = [];
    for (let i = 0; i < 7; i++) {
      const answer = await signUp(100, "127.0.0.52", `Prober ${i}`);
      statuses.push(answer.status);
      bodies.push(answer.body);
    }
    expect(statuses.slice(0, 5).every((s) => s === 200)).toBe(true);
    expect(new Set(bodies.slice(0, 5)).size).toBe(1);
    expect(statuses.slice(5)).toEqual([429, 429]);
  });

  it("refuses sign-ups in parallel beyond the limit", async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => signUp(200 + i, "127.0.0.53")));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(5);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(15);
  });
});

describe("password-reset requests", () => {
  it("allow 10 an hour from one address, known or not, then 429 with Retry-After; another address is unaffected", async () => {
    const ask = (email: string, from: string) => mutate(server.url, "auth.requestPasswordReset", { email }, { from });
    const answers = [];
    for (let i = 0; i < 12; i++)
      answers.push(await ask(i % 2 ? "new0@example.org" : `nobody${i}@example.org`, "127.0.0.60"));
    expect(answers.map((a) => a.status)).toEqual([...Array(10).fill(200), 429, 429]);
    expect(new Set(answers.slice(0, 10).map((a) => a.body)).size).toBe(1);
    expect(Number(answers[10]?.headers["retry-after"])).toBeGreaterThan(0);
    expect((await ask("new0@example.org", "127.0.0.61")).status).toBe(200);
  });
});
