/**
 * The account lifecycle end to end: the real HTTP server sends its mail to a real SMTP server in this process, and the
 * tests follow the links in the messages as their reader would. Sign-up → verification mail → sign-in; a taken
 * address answered like a new one; forgotten password → mail → reset → old sessions dead.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../server/http/server";
import type { Project } from "../../shared/schema/project";
import { project, smallDataset, tempDatabasePath, writeDataDir } from "../fixtures/dataset";
import { startMailServer, type TestMailServer } from "./mail-server";
import {
  cookieOf,
  createAccount,
  trpcFailure as failure,
  RELAXED_LIMITS,
  sessionClientFor,
  startTestServer,
} from "./server-helpers";

let smtp: TestMailServer;
let server: RunningServer;
const PASSWORD = "a long enough passphrase";

/** The secret from the link in a message: /?lang=…#verify=…, /?lang=…#reset=…, /?lang=…#email=… */
function linkToken(links: string[], kind: "verify" | "reset" | "email"): string {
  const link = links.find((l) => l.includes(`#${kind}=`));
  if (!link) throw new Error(`no ${kind} link in ${links.join(", ")}`);
  // The page opens in the language of the mail.
  expect(link).toMatch(/^https:\/\/karta\.example\.org\/\?lang=(sv|en)#/);
  return link.slice(link.indexOf("#") + 1).slice(kind.length + 1);
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
    expect(mail.links[0]).toMatch(/\?lang=en#verify=/);

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

  it("a lost verification mail: the advice names a password reset, whose link confirms the address", async () => {
    const visitor = sessionClientFor(server.url);
    const email = "lost-mail@example.org";
    await visitor.auth.signUp.mutate({ email, password: PASSWORD, displayName: "Lova Lost", language: "sv" });
    await smtp.waitFor(email);
    const refused = await failure(visitor.auth.login.mutate({ email, password: PASSWORD }));
    expect(refused.status).toBe(403);
    // Not "sign up again": that would only send a "someone tried" mail, and the name is taken by the account itself.
    expect(refused.message).toMatch(/No mail\? Ask for a password reset \(Forgot password\?\): its link also confirms/);
    expect(await visitor.auth.requestPasswordReset.mutate({ email })).toEqual({ ok: true });
    const reset = await smtp.waitFor(email, (m) => m.links.some((l) => l.includes("#reset=")));
    await visitor.auth.resetPassword.mutate({ token: linkToken(reset.links, "reset"), password: `${PASSWORD} anew` });
    expect(await visitor.auth.login.mutate({ email, password: `${PASSWORD} anew` })).toMatchObject({ email });
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
    expect(await (await server.store.accounts.byEmail("vera@example.org"))?.displayName).toBe("Vera");
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
    expect(mail.links[0]).toMatch(/\?lang=sv#reset=/);
    const token = linkToken(mail.links, "reset");
    // The token is kept only as its SHA-256.
    const stored = server.store.db.raw
      .prepare("SELECT token_hash FROM account_token WHERE purpose = 'reset'")
      .all() as {
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
    const account = await server.store.accounts.byEmail("rut@example.org");
    if (!account) throw new Error("no Rut");
    const token = await server.store.tokens.issue(account.id, "reset", { now: new Date(Date.now() - 3_601_000) });
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

/** A verified member signed in through the mail link, as a visitor becomes one. */
async function member(email: string, displayName: string, language: "sv" | "en" = "sv") {
  const client = sessionClientFor(server.url);
  const before = smtp.received.length;
  await client.auth.signUp.mutate({ email, password: PASSWORD, displayName, language });
  const mail = await smtp.waitFor(email, (m) => smtp.received.indexOf(m) >= before);
  await client.auth.verifyEmail.mutate({ token: linkToken(mail.links, "verify") });
  await client.auth.login.mutate({ email, password: PASSWORD });
  return client;
}

describe("my account", () => {
  it("changes the password with the current one: other sessions end, this one stays, the owner is told", async () => {
    const email = "paula@example.org";
    const here = await member(email, "Paula");
    const elsewhere = sessionClientFor(server.url);
    await elsewhere.auth.login.mutate({ email, password: PASSWORD });
    const wrong = await failure(
      here.account.changePassword.mutate({ currentPassword: "not my password", newPassword: "a newer passphrase" }),
    );
    expect(wrong).toMatchObject({ status: 400, message: expect.stringContaining('field "currentPassword"') });
    await here.account.changePassword.mutate({ currentPassword: PASSWORD, newPassword: "a newer passphrase" });
    expect(await here.auth.me.query()).toMatchObject({ displayName: "Paula" });
    expect(await elsewhere.auth.me.query()).toBeNull();
    await smtp.waitFor(email, (m) => m.subject === "Ditt lösenord är bytt");
    expect(await elsewhere.auth.login.mutate({ email, password: "a newer passphrase" })).toMatchObject({
      displayName: "Paula",
    });
  });

  it("changes the e-mail address once the new one is confirmed, and tells the old one", async () => {
    const client = await member("old-address@example.org", "Mover", "en");
    await client.account.requestEmailChange.mutate({ password: PASSWORD, newEmail: "New-Address@example.org" });
    const notice = await smtp.waitFor("old-address@example.org", (m) => m.subject.includes("being changed"));
    expect(notice.text).toContain("new-address@example.org");
    const confirm = await smtp.waitFor("new-address@example.org");
    expect(confirm.subject).toBe("Confirm your new e-mail address");
    // Until confirmed, the old address stays.
    expect(await client.auth.me.query()).toMatchObject({ email: "old-address@example.org" });
    const token = linkToken(confirm.links, "email");
    expect(await sessionClientFor(server.url).account.confirmEmailChange.mutate({ token })).toMatchObject({
      email: "new-address@example.org",
    });
    expect(await client.auth.me.query()).toMatchObject({ email: "new-address@example.org" });
    const fresh = sessionClientFor(server.url);
    expect(
      (await failure(fresh.auth.login.mutate({ email: "old-address@example.org", password: PASSWORD }))).status,
    ).toBe(401);
    await fresh.auth.login.mutate({ email: "new-address@example.org", password: PASSWORD });
  });

  it("does not move an account to an address that has one, and answers the same", async () => {
    const client = await member("stays@example.org", "Stayer");
    expect(
      await client.account.requestEmailChange.mutate({ password: PASSWORD, newEmail: "vera@example.org" }),
    ).toEqual({
      ok: true,
    });
    await smtp.waitFor("stays@example.org", (m) => m.subject.includes("håller på att bytas"));
    expect(smtp.received.some((m) => m.subject.includes("Bekräfta din nya"))).toBe(false);
  });
});

describe("download my data and delete my account", () => {
  it("exports the account, its submissions and its changes; deletion pseudonymises the history and keeps the profile", async () => {
    const coordinatorLogin = await createAccount(server.store, "coordinator", "Cora");
    const coordinator = sessionClientFor(server.url);
    await coordinator.auth.login.mutate({ email: coordinatorLogin.email, password: coordinatorLogin.password });
    const leaver = await member("leaver@example.org", "Lisa Leaver");
    const submission = await leaver.submission.create.mutate({ kind: "project", record: project("lisas-lab") });
    await coordinator.submission.approve.mutate({ id: submission.id });
    const { record, version } = await leaver.entity.get.query({ kind: "project", id: "lisas-lab" });
    await leaver.entity.update.mutate({
      kind: "project",
      record: { ...(record as Project), name: "Lisas labb" },
      expectedVersion: version,
    });

    const data = await leaver.account.exportData.query();
    expect(data.account).toMatchObject({
      email: "leaver@example.org",
      displayName: "Lisa Leaver",
      owns: [{ kind: "project", id: "lisas-lab" }],
    });
    expect(data.submissions).toHaveLength(1);
    expect(data.submissions[0]).toMatchObject({ entityId: "lisas-lab", status: "approved" });
    expect(data.changes).toHaveLength(1);
    expect(data.changes[0]).toMatchObject({ action: "update", entityId: "lisas-lab", after: { name: "Lisas labb" } });
    const accountId = data.account.id;
    // A member gets no review digest, so none is listed as theirs.
    expect(data.account).not.toHaveProperty("digest");

    const before = await coordinator.entity.history.query({ kind: "project", id: "lisas-lab" });
    expect(before[1]?.note).toBe(`approved submission ${submission.id} by Lisa Leaver`);
    expect((await failure(leaver.account.delete.mutate({ password: "not my password" }))).status).toBe(400);
    await leaver.account.delete.mutate({ password: PASSWORD });
    expect(await leaver.auth.me.query()).toBeNull();
    expect(
      (
        await failure(
          sessionClientFor(server.url).auth.login.mutate({ email: "leaver@example.org", password: PASSWORD }),
        )
      ).status,
    ).toBe(401);

    const history = await coordinator.entity.history.query({ kind: "project", id: "lisas-lab" });
    expect(history.map((c) => c.actor)).toEqual([`removed account ${accountId}`, "Cora"]);
    // The approval's note named the submitter: it names the removed account now, and the log itself holds no name.
    expect(history[1]?.note).toBe(`approved submission ${submission.id} by removed account ${accountId}`);
    const notes = JSON.stringify(server.store.db.raw.prepare("SELECT note FROM change").all());
    expect(notes).not.toMatch(/Lisa|Leaver/);
    expect(
      (await coordinator.submission.queue.query({ status: "approved" })).find((s) => s.id === submission.id),
    ).toMatchObject({
      submittedBy: `removed account ${accountId}`,
    });
    // The profile stays, without an owner; nothing of the person is left in the account row.
    expect(await coordinator.entity.get.query({ kind: "project", id: "lisas-lab" })).toMatchObject({
      record: { name: "Lisas labb" },
    });
    expect(await server.store.accounts.ownersOf({ kind: "project", id: "lisas-lab" })).toEqual([]);
    const row = JSON.stringify(server.store.db.raw.prepare("SELECT * FROM account WHERE id = ?").get(accountId));
    expect(row).not.toMatch(/leaver|Lisa/i);
    // The address is free again.
    await member("leaver@example.org", "Lisa Again");
  });

  it("keeps the last administrator", async () => {
    const admin = await createAccount(server.store, "administrator", "Only Admin");
    const client = sessionClientFor(server.url);
    await client.auth.login.mutate({ email: admin.email, password: admin.password });
    expect(await failure(client.account.delete.mutate({ password: admin.password }))).toMatchObject({ status: 409 });
  });
});

describe("notifications", () => {
  let coordinator: ReturnType<typeof sessionClientFor>;
  let coordinatorEmail: string;
  beforeAll(async () => {
    const login = await createAccount(server.store, "coordinator", "Nora Notifier");
    coordinatorEmail = login.email;
    coordinator = sessionClientFor(server.url);
    await coordinator.auth.login.mutate({ email: login.email, password: login.password });
  });

  it("tells the submitter when a submission is approved, in the submitter's language, with a link to it", async () => {
    const submitter = await member("sam@example.org", "Sam Submitter", "en");
    const submission = await submitter.submission.create.mutate({
      kind: "project",
      record: project("sams-project", { name: "Sam's <project>" }),
    });
    await coordinator.submission.approve.mutate({ id: submission.id });
    const mail = await smtp.waitFor("sam@example.org", (m) => m.subject.includes("approved"));
    expect(mail.subject).toBe("“Sam's <project>” was approved");
    // In the recipient's language: English, so the page opens in English.
    expect(mail.links).toEqual(["https://karta.example.org/?node=project%3Asams-project&lang=en"]);
    expect(mail.html).toContain("Sam&#39;s &lt;project&gt;");
  });

  it("tells the submitter when a submission is rejected, with the reason", async () => {
    const submitter = await member("rejected@example.org", "Rita Rejected");
    const submission = await submitter.submission.create.mutate({ kind: "project", record: project("ritas-dup") });
    await coordinator.submission.reject.mutate({ id: submission.id, reason: "Finns redan som Egenmakt." });
    const mail = await smtp.waitFor("rejected@example.org", (m) => m.subject.includes("godkändes inte"));
    expect(mail.text).toContain("Finns redan som Egenmakt.");
  });

  it("tells an owner when someone else edits the profile, with a link to its history, but not for their own edits", async () => {
    const owner = await member("owner@example.org", "Olga Owner");
    const submission = await owner.submission.create.mutate({ kind: "project", record: project("olgas-project") });
    await coordinator.submission.approve.mutate({ id: submission.id });
    const before = smtp.received.length;
    const own = await owner.entity.get.query({ kind: "project", id: "olgas-project" });
    const mine = await owner.entity.update.mutate({
      kind: "project",
      record: { ...(own.record as Project), name: "Olgas projekt" },
      expectedVersion: own.version,
    });
    await coordinator.entity.update.mutate({
      kind: "project",
      record: { ...(own.record as Project), name: "Olgas projekt (rättat)" },
      expectedVersion: mine.version,
    });
    const mail = await smtp.waitFor("owner@example.org", (m) => m.subject.includes("har ändrats"));
    expect(mail.subject).toBe("”Olgas projekt (rättat)” har ändrats");
    expect(mail.text).toContain("Nora Notifier har ändrat");
    expect(mail.links).toEqual(["https://karta.example.org/?lang=sv#history=project%3Aolgas-project"]);
    // The owner's own edit sent nothing (the approval mail may arrive meanwhile; it is not an edit notice).
    const toOwner = smtp.received
      .slice(before)
      .filter((m) => m.to === "owner@example.org" && m.subject.includes("har ändrats"));
    expect(toOwner).toHaveLength(1);
  });

  it("tells the owner when a coordinator reverts the owner's edit", async () => {
    const owner = await member("reverted@example.org", "Rolf Reverted", "en");
    const submission = await owner.submission.create.mutate({ kind: "project", record: project("rolfs-project") });
    await coordinator.submission.approve.mutate({ id: submission.id });
    const own = await owner.entity.get.query({ kind: "project", id: "rolfs-project" });
    const edited = await owner.entity.update.mutate({
      kind: "project",
      record: { ...(own.record as Project), name: "Rolfs nya namn" },
      expectedVersion: own.version,
    });
    const [edit] = await coordinator.entity.history.query({ kind: "project", id: "rolfs-project" });
    await coordinator.entity.revert.mutate({ changeId: edit?.id as number, expectedVersion: edited.version });
    const mail = await smtp.waitFor("reverted@example.org", (m) => m.subject.endsWith("was edited"));
    expect(mail.text).toContain("Nora Notifier edited");
  });

  it("sends coordinators one digest a day while submissions wait, unless switched off", async () => {
    const { sendReviewDigest } = await import("../../server/mail/review-digest");
    const waiting = await member("waiting@example.org", "Walter Waiting");
    await waiting.submission.create.mutate({ kind: "project", record: project("walters-project") });
    const morning = new Date("2031-03-02T06:30:00Z");
    expect(await sendReviewDigest(server.store, server.mailer, new Date("2031-03-02T05:00:00Z"))).toBe(0);
    const sent = await sendReviewDigest(server.store, server.mailer, morning);
    expect(sent).toBeGreaterThanOrEqual(1);
    const mail = await smtp.waitFor(coordinatorEmail, (m) => m.subject.includes("väntar på granskning"));
    expect(mail.links).toEqual([
      "https://karta.example.org/?lang=sv#review",
      "https://karta.example.org/?lang=sv#account",
    ]);
    // Once a day.
    expect(await sendReviewDigest(server.store, server.mailer, new Date("2031-03-02T18:00:00Z"))).toBe(0);
    // Switched off: the next day's digest skips this coordinator.
    await coordinator.account.updateSettings.mutate({ digest: false });
    const recipients = (await server.store.accounts.digestRecipients()).map((a) => a.email);
    expect(recipients).not.toContain(coordinatorEmail);
    expect(await sendReviewDigest(server.store, server.mailer, new Date("2031-03-03T07:00:00Z"))).toBe(sent - 1);
  });
});

describe("deleting an account without an SMTP server (mail held in the outbox)", () => {
  let outboxServer: RunningServer;
  beforeAll(async () => {
    outboxServer = await startTestServer(writeDataDir(smallDataset()), tempDatabasePath(), undefined, RELAXED_LIMITS, {
      PUBLIC_URL: "https://karta.example.org",
    });
  });
  afterAll(async () => {
    await outboxServer?.close();
  });

  it("leaves no mail to any address the account had, the one before a change of address included", async () => {
    const login = await createAccount(outboxServer.store, "member", "Otto Outbox");
    const client = sessionClientFor(outboxServer.url);
    await client.auth.login.mutate({ email: login.email, password: login.password });
    await client.account.requestEmailChange.mutate({ password: login.password, newEmail: "otto-new@example.org" });
    const [confirm] = await outboxServer.store.mail.to("otto-new@example.org");
    const token = /#email=([^\s"]+)/.exec(confirm?.text ?? "")?.[1];
    if (!token) throw new Error("no confirmation link in the outbox");
    await client.account.confirmEmailChange.mutate({ token });
    await client.account.changePassword.mutate({ currentPassword: login.password, newPassword: PASSWORD });
    // Held in the outbox: the notice to the old address, the link to the new one, the password notice.
    expect((await outboxServer.store.mail.to(login.email)).map((m) => m.template)).toEqual(["email-changing"]);
    expect(await outboxServer.store.mail.to("otto-new@example.org")).toHaveLength(2);

    await client.account.delete.mutate({ password: PASSWORD });
    expect(await outboxServer.store.mail.to(login.email)).toEqual([]);
    expect(await outboxServer.store.mail.to("otto-new@example.org")).toEqual([]);
    const rows = JSON.stringify(outboxServer.store.db.raw.prepare("SELECT * FROM mail").all());
    expect(rows).not.toContain(login.email);
    expect(rows).not.toContain("otto-new@example.org");
  });
});
