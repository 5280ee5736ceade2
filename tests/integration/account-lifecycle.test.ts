/**
 * The account lifecycle end to end: the real HTTP server sends its mail to a real SMTP server in this process, and the
 * tests follow the links in the messages as their reader would. Sign-up → verification mail → sign-in; a taken
 * address answered like a new one; forgotten password → mail → reset → old sessions dead.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../server/http/server";
import { smallDataset, tempDatabasePath, writeDataDir } from "../fixtures/dataset";
import { startMailServer, type TestMailServer } from "./mail-server";
import { cookieOf, trpcFailure as failure, RELAXED_LIMITS, sessionClientFor, startTestServer } from "./server-helpers";

let smtp: TestMailServer;
let server: RunningServer;
const PASSWORD = "a long enough passphrase";

/** The secret from the link in a message: /#verify=…, /#reset=…, /#email=… */
function linkToken(links: string[], kind: "verify" | "reset" | "email"): string {
  const link = links.find((l) => l.includes(`/#${kind}=`));
  if (!link) throw new Error(`no ${kind} link in ${links.join(", ")}`);
  expect(link.startsWith("https://karta.example.org/#")).toBe(true);
  return link.slice(link.indexOf("=") + 1);
}

beforeAll(async () => {
  smtp = await startMailServer();
  server = await startTestServer(writeDataDir(smallDataset()), tempDatabasePath(), undefined, RELAXED_LIMITS, {
    SMTP_URL: smtp.url,
    PUBLIC_URL: "https://karta.example.org",
  });
});
afterAll(async () => {
  await server?.close();
  await smtp?.close();
});

describe("sign-up with e-mail verification", () => {
  it("sends a verification mail; the account cannot sign in until the link is followed, then it can", async () => {
    const visitor = sessionClientFor(server.url);
    const email = "Vera@Example.org";
    expect(
      await visitor.auth.signUp.mutate({ email, password: PASSWORD, displayName: "Vera", language: "en" }),
    ).toEqual({ ok: true });
    expect(cookieOf(visitor)).toBe("");
    const mail = await smtp.waitFor("vera@example.org");
    expect(mail.subject).toBe("Confirm your e-mail address");
    const token = linkToken(mail.links, "verify");

    const early = await failure(visitor.auth.login.mutate({ email, password: PASSWORD }));
    expect(early.status).toBe(403);
    expect(early.message).toMatch(/Confirm your e-mail address first/);

    expect(await visitor.auth.verifyEmail.mutate({ token })).toEqual({ ok: true });
    const me = await visitor.auth.login.mutate({ email, password: PASSWORD });
    expect(me).toMatchObject({ email: "vera@example.org", displayName: "Vera", role: "member", language: "en" });
    // The link works once.
    expect((await failure(visitor.auth.verifyEmail.mutate({ token }))).message).toMatch(
      /field "token": this link has expired or was already used/,
    );
  });

  it("answers a taken address exactly like a new one; its owner gets a 'someone tried' mail instead", async () => {
    const fresh = await fetch(`${server.url}/trpc/auth.signUp`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-partnerkartan": "1" },
      body: JSON.stringify({ email: "nobody@example.org", password: PASSWORD, displayName: "Nobody" }),
    });
    const taken = await fetch(`${server.url}/trpc/auth.signUp`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-partnerkartan": "1" },
      body: JSON.stringify({ email: "vera@example.org", password: "someone else's phrase", displayName: "Not Vera" }),
    });
    expect([fresh.status, taken.status]).toEqual([200, 200]);
    expect(await taken.text()).toBe(await fresh.text());
    expect(taken.headers.getSetCookie()).toEqual([]);

    const warning = await smtp.waitFor("vera@example.org", (m) => m.subject.startsWith("Someone tried"));
    expect(warning.subject).toBe("Someone tried to sign up with your address");
    expect(warning.text).toMatch(/Nothing has changed/);
    // Vera's account is untouched: the stranger's password does not open it.
    const stranger = sessionClientFor(server.url);
    expect(
      (await failure(stranger.auth.login.mutate({ email: "vera@example.org", password: "someone else's phrase" })))
        .status,
    ).toBe(401);
    expect(server.store.accounts.byEmail("vera@example.org")?.displayName).toBe("Vera");
  });

  it("refuses a display name that is taken, whichever the address (names are public)", async () => {
    for (const email of ["vera@example.org", "brand-new@example.org"]) {
      const refused = await failure(
        sessionClientFor(server.url).auth.signUp.mutate({ email, password: PASSWORD, displayName: "VERA" }),
      );
      expect(refused).toMatchObject({ status: 409, message: expect.stringContaining('field "displayName"') });
    }
  });
});

describe("forgotten password", () => {
  it("mails a reset link; the reset ends every session, the old password stops working, the new one works", async () => {
    const email = "rut@example.org";
    const first = sessionClientFor(server.url);
    await first.auth.signUp.mutate({ email, password: PASSWORD, displayName: "Rut" });
    await first.auth.verifyEmail.mutate({ token: linkToken((await smtp.waitFor(email)).links, "verify") });
    await first.auth.login.mutate({ email, password: PASSWORD });
    const second = sessionClientFor(server.url);
    await second.auth.login.mutate({ email, password: PASSWORD });
    expect(await second.auth.me.query()).toMatchObject({ displayName: "Rut" });

    const anonymous = sessionClientFor(server.url);
    expect(await anonymous.auth.requestPasswordReset.mutate({ email: "RUT@example.org" })).toEqual({ ok: true });
    // An unknown address gets the same answer, and no mail goes anywhere.
    expect(await anonymous.auth.requestPasswordReset.mutate({ email: "ghost@example.org" })).toEqual({ ok: true });
    const mail = await smtp.waitFor(email, (m) => m.subject === "Välj ett nytt lösenord");
    expect(mail.text).toMatch(/gäller i en timme/);
    const token = linkToken(mail.links, "reset");
    // The token is kept only as its SHA-256.
    const stored = server.store.db.prepare("SELECT token_hash FROM account_token WHERE purpose = 'reset'").all() as {
      token_hash: string;
    }[];
    expect(stored.map((r) => r.token_hash)).not.toContain(token);

    expect(await anonymous.auth.resetLinkLive.query({ token })).toEqual({ live: true });
    await anonymous.auth.resetPassword.mutate({ token, password: "a brand new passphrase" });
    expect(await first.auth.me.query()).toBeNull();
    expect(await second.auth.me.query()).toBeNull();
    expect((await failure(anonymous.auth.login.mutate({ email, password: PASSWORD }))).status).toBe(401);
    expect(await anonymous.auth.login.mutate({ email, password: "a brand new passphrase" })).toMatchObject({
      displayName: "Rut",
    });
    await smtp.waitFor(email, (m) => m.subject === "Ditt lösenord är bytt");

    // Single use.
    expect(await anonymous.auth.resetLinkLive.query({ token })).toEqual({ live: false });
    const again = await failure(anonymous.auth.resetPassword.mutate({ token, password: "yet another passphrase" }));
    expect(again).toMatchObject({ status: 400, message: expect.stringContaining('field "token"') });
    expect(smtp.received.some((m) => m.to === "ghost@example.org")).toBe(false);
  });

  it("refuses a reset link older than an hour", async () => {
    const account = server.store.accounts.byEmail("rut@example.org");
    if (!account) throw new Error("no Rut");
    const token = server.store.tokens.issue(account.id, "reset", { now: new Date(Date.now() - 3_601_000) });
    const late = await failure(
      sessionClientFor(server.url).auth.resetPassword.mutate({ token, password: "too late passphrase" }),
    );
    expect(late).toMatchObject({ status: 400, message: expect.stringContaining("expired") });
  });

  it("lets the owner of an address an unverified account was made with take it over by resetting", async () => {
    const email = "taken-over@example.org";
    await sessionClientFor(server.url).auth.signUp.mutate({
      email,
      password: "the squatter's phrase",
      displayName: "Squatter",
    });
    await smtp.waitFor(email);
    const owner = sessionClientFor(server.url);
    await owner.auth.requestPasswordReset.mutate({ email });
    const reset = await smtp.waitFor(email, (m) => m.subject === "Välj ett nytt lösenord");
    await owner.auth.resetPassword.mutate({
      token: linkToken(reset.links, "reset"),
      password: "the owner's passphrase",
    });
    expect(await owner.auth.login.mutate({ email, password: "the owner's passphrase" })).toMatchObject({ email });
  });
});
