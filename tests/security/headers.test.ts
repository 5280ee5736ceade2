/**
 * Item 13: headers. Answers that may carry personal data are never cached; only the embed view may be framed by other
 * sites; auth.* cannot be streamed (a streamed answer's headers leave before the procedure runs, so a sign-in made a
 * session without sending its cookie).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../server/http/server";
import { createAccount } from "../integration/server-helpers";
import { login, mutate, send, sessionOf, startGuardedServer } from "./attack-client";

let server: RunningServer;
let account: { email: string; password: string };

beforeAll(async () => {
  server = await startGuardedServer();
  account = await createAccount(server.store, "member", "Mira Member");
});
afterAll(async () => {
  await server?.close();
});

const frameAncestors = (csp: unknown) => /frame-ancestors ([^;]+)/.exec(String(csp))?.[1];

describe("framing", () => {
  it("lets no other site frame the app's pages", async () => {
    for (const path of ["/", "/?lang=en", "/some/client/route"]) {
      const page = await send(server.url, path);
      expect(page.status).toBe(200);
      expect(frameAncestors(page.headers["content-security-policy"])).toBe("'self'");
      expect(page.headers["x-frame-options"]).toBe("SAMEORIGIN");
    }
  });

  it("lets any site frame the embed view", async () => {
    const embed = await send(server.url, "/?embed=1&node=organisation:digidem-lab");
    expect(embed.status).toBe(200);
    expect(frameAncestors(embed.headers["content-security-policy"])).toBe("*");
    expect(embed.headers["x-frame-options"]).toBeUndefined();
    // Everything else in the policy stays as strict as on other pages.
    expect(String(embed.headers["content-security-policy"])).toMatch(/script-src 'self'/);
  });
});

describe("caching of personal data", () => {
  it("sends no-store on the signed-in person's answers, and on account procedures signed in or not", async () => {
    const signIn = await login(server.url, account.email, account.password);
    expect(signIn.headers["cache-control"]).toBe("no-store");
    const cookie = `partnerkartan_session=${sessionOf(signIn)}`;
    const me = await send(server.url, "/trpc/auth.me", { headers: { cookie } });
    expect(JSON.parse(me.body).result.data.email).toBe(account.email);
    expect(me.headers["cache-control"]).toBe("no-store");
    const mine = await send(server.url, "/trpc/submission.mine", { headers: { cookie } });
    expect(mine.headers["cache-control"]).toBe("no-store");
    const batch = await send(server.url, "/trpc/region.list,auth.me?batch=1", { headers: { cookie } });
    expect(batch.headers["cache-control"]).toBe("no-store");
    expect((await send(server.url, "/trpc/auth.me")).headers["cache-control"]).toBe("no-store");
  });
});

describe("streaming", () => {
  it("refuses a streamed sign-in and sets no session", async () => {
    const streamed = await mutate(
      server.url,
      "auth.login",
      { email: account.email, password: account.password },
      { headers: { "trpc-accept": "application/jsonl" } },
    );
    expect(streamed.status).toBe(400);
    expect(streamed.body).toMatch(/cannot be streamed/);
    expect(sessionOf(streamed)).toBeUndefined();
    const batchStreamed = await send(server.url, "/trpc/auth.login?batch=1", {
      body: JSON.stringify({ 0: { email: account.email, password: account.password } }),
      headers: { "trpc-accept": "application/jsonl" },
    });
    expect(batchStreamed.status).toBe(400);
    expect(sessionOf(batchStreamed)).toBeUndefined();
  });
});
