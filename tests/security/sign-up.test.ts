/**
 * Item 10: sign-up is rate-limited per address (it costs a password hash and, until e-mail verification, tells
 * whether an address has an account). Each attempt counts, before any work, whether it succeeds or not.
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

const signUp = (i: number, from: string) =>
  mutate(
    server.url,
    "auth.signUp",
    { email: `new${i}@example.org`, password: "a long enough passphrase", displayName: `New Person ${i}` },
    { from },
  );

describe("sign-up", () => {
  it("allows 5 sign-ups an hour from one address, then 429; another address is unaffected", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await signUp(i, "127.0.0.50")).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    expect((await signUp(100, "127.0.0.51")).status).toBe(200);
  });

  it("counts probes for existing addresses too, so accounts cannot be enumerated freely", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await signUp(100, "127.0.0.52")).status);
    expect(statuses.slice(0, 5).every((s) => s === 409)).toBe(true);
    expect(statuses.slice(5)).toEqual([429, 429]);
  });

  it("refuses sign-ups in parallel beyond the limit", async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => signUp(200 + i, "127.0.0.53")));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(5);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(15);
  });
});
