/**
 * Item 9: nobody can lock an owner out, and an attacker gains no guesses. Once, 5 wrong passwords from anywhere gave
 * the owner 429 for 15 minutes. Now failures count per account and address, with a per-account slow-down and a daily
 * ceiling that apply only to clients the account does not know (no device cookie, never signed in from there).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEVICE_COOKIE } from "../../server/auth/device-cookie";
import type { RunningServer } from "../../server/http/server";
import { createAccount } from "../integration/server-helpers";
import { login, sessionOf, startGuardedServer } from "./attack-client";

let server: RunningServer;
let owner: { email: string; password: string };
let deviceCookie: string;

beforeAll(async () => {
  server = await startGuardedServer();
  owner = await createAccount(server.store, "administrator", "Olle Owner");
  // The owner signs in once from home (127.0.0.1) and keeps the device cookie.
  const first = await login(server.url, owner.email, owner.password);
  expect(first.status).toBe(200);
  deviceCookie = first.cookies[DEVICE_COOKIE] as string;
  expect(deviceCookie).toBeTruthy();
});
afterAll(async () => {
  await server?.close();
});

describe("no lock-out of the owner", () => {
  it("an attacker is stopped after 5 guesses from one address, and the right password gains them nothing", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      statuses.push((await login(server.url, owner.email, `guess ${i}`, { from: "127.0.0.66" })).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
    const refused = await login(server.url, owner.email, "one more", { from: "127.0.0.66" });
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(60);
    const right = await login(server.url, owner.email, owner.password, { from: "127.0.0.66" });
    expect(right.status).toBe(429);
    expect(sessionOf(right)).toBeUndefined();
  });

  it("an attack from many addresses slows the account down for unknown clients only", async () => {
    // 10 more failures from 10 addresses reach the per-account slow-down; after that unknown clients get one try per 30 s.
    for (let i = 0; i < 10; i++) await login(server.url, owner.email, `spray ${i}`, { from: `127.0.1.${i + 1}` });
    const slowed = await login(server.url, owner.email, "another guess", { from: "127.0.2.1" });
    const next = await login(server.url, owner.email, "yet another", { from: "127.0.2.2" });
    expect([slowed.status, next.status]).toContain(429);
    expect((slowed.status === 429 ? slowed : next).body).toMatch(/try again in \d+ seconds/);
  });

  it("the owner still signs in from home, with the device cookie or without it", async () => {
    const withCookie = await login(server.url, owner.email, owner.password, {
      headers: { cookie: `${DEVICE_COOKIE}=${deviceCookie}` },
      from: "127.0.3.3",
    });
    expect(withCookie.status).toBe(200);
    expect(sessionOf(withCookie)).toBeTruthy();
    const fromHome = await login(server.url, owner.email, owner.password);
    expect(fromHome.status).toBe(200);
  });

  it("a device cookie made for one account does not help against another", async () => {
    const other = await createAccount(server.store, "member", "Other Person");
    for (let i = 0; i < 11; i++) await login(server.url, other.email, `spray ${i}`, { from: `127.0.4.${i + 1}` });
    const answers = await Promise.all(
      [1, 2, 3].map((i) =>
        login(server.url, other.email, `try ${i}`, {
          headers: { cookie: `${DEVICE_COOKIE}=${deviceCookie}` },
          from: `127.0.5.${i}`,
        }),
      ),
    );
    expect(answers.map((a) => a.status)).toContain(429);
  });
});
