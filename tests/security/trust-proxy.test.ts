/**
 * Item 8: behind a proxy, a client cannot choose its own address. Once, TRUST_PROXY=true believed every hop of
 * X-Forwarded-For, so a new made-up address per request walked past the per-address limits. Now the setting is a
 * hop count or the proxies' addresses, and "true" is refused with a message that says what to write.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readEnv } from "../../server/env";
import type { RunningServer } from "../../server/http/server";
import { login, startGuardedServer } from "./attack-client";

let server: RunningServer;

beforeAll(async () => {
  // One proxy in front (the test plays it): it appends the address it saw to X-Forwarded-For.
  server = await startGuardedServer({}, { TRUST_PROXY: "1" });
});
afterAll(async () => {
  await server?.close();
});

/** What a proxy forwards when its client wrote `spoofed` into X-Forwarded-For itself. */
const viaProxy = (spoofed: string, client: string) => ({
  headers: { "x-forwarded-for": `${spoofed}, ${client}` },
});

describe("TRUST_PROXY", () => {
  it("counts the address the proxy saw, not the one the client wrote: spoofing gains no guesses", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const answer = await login(
        server.url,
        "someone@example.org",
        `guess ${i}`,
        viaProxy(`10.9.${i}.${i}`, "203.0.113.7"),
      );
      statuses.push(answer.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
    // Another real client behind the same proxy is not affected.
    expect((await login(server.url, "someone@example.org", "x", viaProxy("1.1.1.1", "203.0.113.8"))).status).toBe(401);
  });

  it("refuses TRUST_PROXY=true and bad addresses at start, naming the setting", () => {
    expect(() => readEnv({ TRUST_PROXY: "true" })).toThrow(/TRUST_PROXY: must be the number of proxies/);
    expect(() => readEnv({ TRUST_PROXY: "10.0.0.1, not-an-address" })).toThrow(/TRUST_PROXY: "not-an-address" is not/);
    expect(readEnv({ TRUST_PROXY: "2" }).TRUST_PROXY).toBe(2);
    expect(readEnv({ TRUST_PROXY: "10.0.0.0/8, loopback" }).TRUST_PROXY).toEqual(["10.0.0.0/8", "loopback"]);
    expect(readEnv({}).TRUST_PROXY).toBe(false);
  });

  it("with a list of proxy addresses, trusts X-Forwarded-For only from those proxies", async () => {
    const listed = await startGuardedServer({}, { TRUST_PROXY: "127.0.0.1" });
    try {
      // From a listed proxy: the forwarded client is counted.
      for (let i = 0; i < 5; i++)
        await login(listed.url, "a@example.org", `g${i}`, viaProxy("9.9.9.9", "198.51.100.1"));
      expect((await login(listed.url, "a@example.org", "g", viaProxy("9.9.9.9", "198.51.100.1"))).status).toBe(429);
      // From elsewhere (not a listed proxy), the header is ignored: the connection's own address counts.
      const direct = { ...viaProxy("9.9.9.9", "198.51.100.1"), from: "127.0.0.77" };
      expect((await login(listed.url, "a@example.org", "g", direct)).status).toBe(401);
    } finally {
      await listed.close();
    }
  });
});
