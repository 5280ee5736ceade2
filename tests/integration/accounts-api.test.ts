/**
 * Accounts, moderation and the change log over real HTTP with a real SQLite file: sign up, confirm the address and sign in, register a project,
 * approve it, see it in the graph and in suggestions, edit it, read its history, restore, delete; cookies, CSRF and e-mail addresses that never leak.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../server/http/server";
import type { Project } from "../../shared/schema/project";
import { project, smallDataset, tempDatabasePath, writeDataDir } from "../fixtures/dataset";
import {
  cookieOf,
  createAccount,
  trpcFailure as failure,
  outboxMail,
  sessionClientFor,
  signUpVerified,
  startTestServer,
  tokenIn,
} from "./server-helpers";

let server: RunningServer;
let coordinator: ReturnType<typeof sessionClientFor>;
let member: ReturnType<typeof sessionClientFor>;
let other: ReturnType<typeof sessionClientFor>;
const MEMBER_EMAIL = "Maja.Member@Example.org";

const proposal: Project = project("lansbibliotek-labb", {
  name: "Länsbiblioteket labb",
  lead: "digidem-lab",
  partners: ["civic-tech-goteborg"],
  topics: ["participation"],
  skillsNeeded: ["ux-design"],
  regions: ["03"],
  status: "active",
});

beforeAll(async () => {
  server = await startTestServer(writeDataDir(smallDataset()), tempDatabasePath());
  const coord = await createAccount(server.store, "coordinator", "Cora Coordinator");
  coordinator = sessionClientFor(server.url);
  await coordinator.auth.login.mutate({ email: coord.email, password: coord.password });
  member = sessionClientFor(server.url);
  other = sessionClientFor(server.url);
});
afterAll(async () => {
  await server?.close();
});

describe("accounts", () => {
  it("signs up without a session; once the address is confirmed, signs in with an httpOnly, SameSite cookie", async () => {
    const body = { email: "cookie@example.org", password: "a long enough passphrase", displayName: "C" };
    const response = await fetch(`${server.url}/trpc/auth.signUp`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-partnerkartan": "1" },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(200);
    expect(response.headers.getSetCookie()).toEqual([]);
    await sessionClientFor(server.url).auth.verifyEmail.mutate({
      token: tokenIn(await (await outboxMail(server.store, body.email)).text, "verify"),
    });
    const login = await fetch(`${server.url}/trpc/auth.login`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-partnerkartan": "1" },
      body: JSON.stringify({ email: body.email, password: body.password }),
    });
    const cookie = login.headers.getSetCookie().find((c) => c.startsWith("partnerkartan_session=")) ?? "";
    expect(cookie).toMatch(/^partnerkartan_session=[\w-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/); // plain HTTP on loopback; Secure is set when the request came over HTTPS

    const { me } = await signUpVerified(
      server,
      { email: MEMBER_EMAIL, password: "correct horse battery staple", displayName: "Maja" },
      member,
    );
    expect(me).toMatchObject({ email: "maja.member@example.org", role: "member", owns: [], language: "sv" });
    expect(await member.auth.me.query()).toMatchObject({ displayName: "Maja" });
    await signUpVerified(
      server,
      { email: "olle@example.org", password: "another long passphrase", displayName: "Olle" },
      other,
    );
  });

  it("answers a taken e-mail like a new one, refuses a short password and a wrong password, naming the field", async () => {
    const answer = await other.auth.signUp.mutate({
      email: MEMBER_EMAIL.toUpperCase(),
      password: "x".repeat(12),
      displayName: "X",
    });
    expect(answer).toEqual({ ok: true });
    // The owner of the address hears of it; no second account is made.
    expect(await (await outboxMail(server.store, "maja.member@example.org")).template).toBe("sign-up-existing");
    expect(
      await (await server.store.accounts.list()).filter((a) => a.email === "maja.member@example.org"),
    ).toHaveLength(1);
    expect(
      await failure(other.auth.signUp.mutate({ email: "new@example.org", password: "short", displayName: "X" })),
    ).toMatchObject({ status: 400, message: expect.stringContaining('field "password"') });
    expect(
      await failure(
        sessionClientFor(server.url).auth.login.mutate({ email: MEMBER_EMAIL, password: "wrong password!" }),
      ),
    ).toMatchObject({ status: 401 });
  });

  it("logs out: the cookie is cleared and the old token no longer works", async () => {
    const { client } = await signUpVerified(server, {
      email: "leaver@example.org",
      password: "a long enough passphrase",
      displayName: "L",
    });
    const token = cookieOf(client);
    await client.auth.logout.mutate();
    expect(cookieOf(client)).toBe("");
    const replay = await fetch(`${server.url}/trpc/auth.me`, { headers: { cookie: token } });
    expect((await replay.json()).result.data).toBeNull();
  });
});

describe("CSRF", () => {
  it("refuses a write from another origin, and a write with neither Origin nor the custom header", async () => {
    const body = JSON.stringify({ email: "x@example.org", password: "a long enough passphrase", displayName: "X" });
    const foreign = await fetch(`${server.url}/trpc/auth.signUp`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: "https://evil.example" },
      body,
    });
    expect(foreign.status).toBe(403);
    const bare = await fetch(`${server.url}/trpc/auth.signUp`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
    });
    expect(bare.status).toBe(403);
    // The refusal reads like every other tRPC error: error.message, error.data.httpStatus.
    expect(await bare.json()).toMatchObject({
      error: { message: expect.stringContaining('"x-partnerkartan: 1"'), data: { httpStatus: 403 } },
    });
    const sameOrigin = await fetch(`${server.url}/trpc/auth.signUp`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: server.url },
      body,
    });
    expect(sameOrigin.status).toBe(200);
  });
});

describe("registration, moderation, editing, history", () => {
  let submissionId: number;

  it("a member's proposal waits in the queue and is not in the graph yet", async () => {
    const submission = await member.submission.create.mutate({ kind: "project", record: proposal });
    submissionId = submission.id;
    expect(submission).toMatchObject({ status: "pending", submittedBy: "Maja", entityId: proposal.id });
    expect(JSON.stringify(submission)).not.toMatch(/@example\.org/i);
    const queue = await coordinator.submission.queue.query({ status: "pending" });
    expect(queue.map((s) => s.id)).toContain(submissionId);
    const snapshot = await coordinator.graph.snapshot.query();
    expect(snapshot.nodes.some((n) => n.key === `project:${proposal.id}`)).toBe(false);
  });

  it("refuses a proposal with an unknown reference or a taken id, naming the field", async () => {
    expect(
      await failure(
        member.submission.create.mutate({ kind: "project", record: { ...proposal, id: "x-new", topics: ["nope"] } }),
      ),
    ).toMatchObject({ status: 400, message: expect.stringContaining('field "record.topics": unknown topic "nope"') });
    expect(
      await failure(
        member.submission.create.mutate({
          kind: "project",
          record: { ...proposal, id: "x-dup", partners: ["civic-tech-goteborg", "civic-tech-goteborg"] },
        }),
      ),
    ).toMatchObject({
      status: 400,
      message: expect.stringContaining('field "record.partners": must not list the same'),
    });
    expect(
      await failure(member.submission.create.mutate({ kind: "project", record: { ...proposal, id: "open-up" } })),
    ).toMatchObject({ status: 409, message: expect.stringContaining('field "record.id"') });
    expect(await failure(member.submission.create.mutate({ kind: "project", record: proposal }))).toMatchObject({
      status: 409,
      message: expect.stringContaining("waiting for review"),
    });
  });

  it("approval puts it in the graph, search and suggestions at once, and makes the submitter its owner", async () => {
    const approved = await coordinator.submission.approve.mutate({ id: submissionId });
    expect(approved).toMatchObject({ status: "approved", decidedBy: "Cora Coordinator" });
    const snapshot = await member.graph.snapshot.query();
    expect(snapshot.nodes.some((n) => n.key === `project:${proposal.id}`)).toBe(true);
    const suggestions = await member.match.partners.query({ projectId: proposal.id });
    expect(suggestions.suggestions.length).toBeGreaterThan(0);
    const hits = await member.search.query.query({ q: "lansbibliotek" });
    expect(JSON.stringify(hits)).toContain(proposal.id);
    expect((await member.auth.me.query())?.owns).toEqual([{ kind: "project", id: proposal.id }]);
    expect(await failure(coordinator.submission.approve.mutate({ id: submissionId }))).toMatchObject({ status: 409 });
  });

  it("the owner edits, a non-owner cannot, and the history shows who, what and when", async () => {
    const { version } = await member.entity.get.query({ kind: "project", id: proposal.id });
    await member.entity.update.mutate({
      kind: "project",
      record: { ...proposal, topics: ["participation", "open-data"] },
      expectedVersion: version,
    });
    expect(
      await failure(
        other.entity.update.mutate({ kind: "project", record: { ...proposal, topics: [] }, expectedVersion: version }),
      ),
    ).toMatchObject({ status: 403 });
    expect(
      await failure(
        sessionClientFor(server.url).entity.update.mutate({
          kind: "project",
          record: proposal,
          expectedVersion: version,
        }),
      ),
    ).toMatchObject({ status: 401 });
    const history = await member.entity.history.query({ kind: "project", id: proposal.id });
    expect(history.map((c) => [c.action, c.actor])).toEqual([
      ["update", "Maja"],
      ["create", "Cora Coordinator"],
    ]);
    expect((history[0]?.before as Project | undefined)?.topics).toEqual(["participation"]);
    expect((history[0]?.after as Project | undefined)?.topics).toEqual(["participation", "open-data"]);
    expect(JSON.stringify(history)).not.toMatch(/@example\.org/i);
    const details = await member.node.byId.query({ id: `project:${proposal.id}` });
    expect(JSON.stringify(details)).toContain("open-data");
  });

  it("a coordinator restores the earlier version; the restore is itself logged", async () => {
    const history = await coordinator.entity.history.query({ kind: "project", id: proposal.id });
    const created = history.find((c) => c.action === "create");
    const expectedVersion = history[0]?.version as number;
    expect(
      await failure(member.entity.restore.mutate({ changeId: created?.id as number, expectedVersion })),
    ).toMatchObject({
      status: 403,
    });
    await coordinator.entity.restore.mutate({ changeId: created?.id as number, expectedVersion });
    expect(((await member.entity.get.query({ kind: "project", id: proposal.id })).record as Project).topics).toEqual([
      "participation",
    ]);
    const after = await coordinator.entity.history.query({ kind: "project", id: proposal.id });
    expect(after[0]).toMatchObject({ action: "restore", actor: "Cora Coordinator" });
  });

  it("refuses to delete an organisation projects still refer to; deletes and restores a project", async () => {
    expect(
      await failure(
        coordinator.entity.delete.mutate({ kind: "organisation", id: "civic-tech-goteborg", expectedVersion: 1 }),
      ),
    ).toMatchObject({ status: 409, message: expect.stringContaining('project "lansbibliotek-labb"') });
    const { version } = await member.entity.get.query({ kind: "project", id: proposal.id });
    await member.entity.delete.mutate({ kind: "project", id: proposal.id, reason: "ended", expectedVersion: version });
    let snapshot = await member.graph.snapshot.query();
    expect(snapshot.nodes.some((n) => n.key === `project:${proposal.id}`)).toBe(false);
    expect(await failure(member.entity.get.query({ kind: "project", id: proposal.id }))).toMatchObject({ status: 404 });
    const history = await coordinator.entity.history.query({ kind: "project", id: proposal.id });
    expect(history[0]).toMatchObject({ action: "delete", actor: "Maja", after: null });
    expect(
      await failure(
        coordinator.entity.restore.mutate({ changeId: history[0]?.id as number, expectedVersion: version + 1 }),
      ),
    ).toMatchObject({
      status: 400,
      message: expect.stringContaining('field "changeId"'),
    });
    const deleted = await coordinator.entity.deleted.query();
    expect(deleted).toEqual([
      expect.objectContaining({ kind: "project", id: proposal.id, deletedBy: "Maja", restoreChangeId: history[1]?.id }),
    ]);
    expect(await failure(member.entity.deleted.query())).toMatchObject({ status: 403 });
    await coordinator.entity.restore.mutate({
      changeId: deleted[0]?.restoreChangeId as number,
      expectedVersion: deleted[0]?.version as number,
    });
    expect(await coordinator.entity.deleted.query()).toEqual([]);
    snapshot = await member.graph.snapshot.query();
    expect(snapshot.nodes.some((n) => n.key === `project:${proposal.id}`)).toBe(true);
  });

  it("rejection needs a reason and the submitter sees it", async () => {
    const second = await member.submission.create.mutate({
      kind: "organisation",
      record: {
        id: "kommunlabbet",
        name: "Kommunlabbet",
        kind: "municipality",
        summary: { sv: "Ett labb", en: "A lab" },
        regions: ["01"],
        national: false,
        topics: [],
        skills: ["facilitation"],
        sources: ["https://example.org/kommunlabbet"],
      },
    });
    expect(await failure(coordinator.submission.reject.mutate({ id: second.id, reason: "" }))).toMatchObject({
      status: 400,
      message: expect.stringContaining('field "reason"'),
    });
    await coordinator.submission.reject.mutate({ id: second.id, reason: "Finns redan som Kommunlabb Nord" });
    const mine = await member.submission.mine.query();
    expect(mine.find((s) => s.id === second.id)).toMatchObject({
      status: "rejected",
      reason: "Finns redan som Kommunlabb Nord",
    });
  });

  it("survives a restart: accounts, sessions and changes are in the SQLite file", async () => {
    const version = (await (await fetch(`${server.url}/api/health`)).json()).dataVersion;
    await server.close();
    server = await startTestServer(server.store.path.replace(/test\.db$/, ""), server.store.path);
    const again = sessionClientFor(server.url);
    await again.auth.login.mutate({ email: MEMBER_EMAIL, password: "correct horse battery staple" });
    expect((await again.auth.me.query())?.owns).toEqual([{ kind: "project", id: proposal.id }]);
    expect((await (await fetch(`${server.url}/api/health`)).json()).dataVersion).toBe(version);
  });
});

describe("field errors", () => {
  it("are keyed by the full path of the field", async () => {
    const response = await fetch(`${server.url}/trpc/submission.create`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-partnerkartan": "1" },
      body: JSON.stringify({ kind: "project", record: { ...proposal, name: "", partners: ["ok", "Not A Slug"] } }),
    });
    const body = await response.json();
    expect(response.status).toBe(400);
    expect(Object.keys(body.error.data.fieldErrors).sort()).toEqual(["record.name", "record.partners.1"]);
  });
});

describe("import by an administrator", () => {
  it("previews, then writes in one transaction attributed to the administrator; errors name file and line", async () => {
    const admin = await createAccount(server.store, "administrator", "Ada Admin");
    const client = sessionClientFor(server.url);
    await client.auth.login.mutate({ email: admin.email, password: admin.password });
    const text = JSON.stringify({ projects: [project("imported-one", { topics: ["open-data"] })] }, null, 2);
    const preview = await client.admin.import.mutate({ files: [{ name: "new.json", text }], dryRun: true });
    expect(preview).toMatchObject({ written: false, counts: { create: 1, change: 0 } });
    expect((await client.graph.snapshot.query()).nodes.some((n) => n.key === "project:imported-one")).toBe(false);
    const done = await client.admin.import.mutate({ files: [{ name: "new.json", text }], dryRun: false });
    expect(done.written).toBe(true);
    expect((await client.graph.snapshot.query()).nodes.some((n) => n.key === "project:imported-one")).toBe(true);
    const history = await client.entity.history.query({ kind: "project", id: "imported-one" });
    expect(history[0]).toMatchObject({ action: "create", actor: "Ada Admin", note: "import" });
    const bad = JSON.stringify({ projects: [project("imported-two", { topics: ["no-such-topic"] })] }, null, 2);
    expect(
      await failure(client.admin.import.mutate({ files: [{ name: "bad.json", text: bad }], dryRun: false })),
    ).toMatchObject({ status: 400, message: expect.stringMatching(/field "files".*bad\.json:\d+/s) });
  });
});
