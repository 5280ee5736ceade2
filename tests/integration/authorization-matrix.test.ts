/**
 * The authorisation matrix: every mutation (and every restricted query) × every role, over real HTTP. Each cell is
 * either "ok" (the call succeeds) or the refusal (401 not signed in, 403 not allowed); a refused call must write
 * nothing. A procedure the matrix does not list fails the test, so a new mutation cannot ship without a decision.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "../../server/api/router";
import { hashPassword } from "../../server/auth/password";
import { SESSION_COOKIE } from "../../server/auth/session-cookie";
import type { RunningServer } from "../../server/http/server";
import type { Store } from "../../server/store/store";
import { organisation, project, smallDataset, tempDatabasePath, writeDataDir } from "../fixtures/dataset";
import { createAccount, startTestServer } from "./server-helpers";

const ROLES = ["anonymous", "owner", "member", "coordinator", "administrator"] as const;
type RoleName = (typeof ROLES)[number];
type Outcome = "ok" | 401 | 403;

let server: RunningServer;
let store: Store;
const accounts = {} as Record<Exclude<RoleName, "anonymous">, { id: number; email: string; password: string }>;
let serial = 0;
/** A new id, e-mail or display name each call (display names are unique too). */
const fresh = (prefix: string) => `${prefix}-${++serial}`;

/** A project owned by the "owner" member, created straight in the store (the matrix is about access, not set-up). */
async function ownedProject(): Promise<string> {
  const id = fresh("owned");
  await store.entities.create({ kind: "project", record: project(id, { topics: ["open-data"] }) }, null);
  await store.accounts.addOwner(accounts.owner.id, { kind: "project", id });
  return id;
}

/** An owned project with one organisation on its shortlist. */
async function shortlisted(): Promise<{ projectId: string; organisationId: string }> {
  const projectId = await ownedProject();
  await store.shortlists.add({ projectId, organisationId: "vinnova", note: "first" }, accounts.owner.id);
  return { projectId, organisationId: "vinnova" };
}

/** An organisation owned by the "owner" member, with an open contact request to it from another member's project. */
async function openContactRequest(): Promise<number> {
  const organisationId = fresh("owned-org");
  await store.entities.create({ kind: "organisation", record: organisation(organisationId) }, null);
  await store.accounts.addOwner(accounts.owner.id, { kind: "organisation", id: organisationId });
  const projectId = fresh("asking");
  await store.entities.create({ kind: "project", record: project(projectId) }, null);
  await store.accounts.addOwner(accounts.member.id, { kind: "project", id: projectId });
  return await store.contacts.create(
    {
      projectId,
      organisationId,
      senderId: accounts.member.id,
      message: "Hej",
      reasons: { score: null, sv: [], en: [] },
    },
    5,
  );
}

/** An owned project and a claimed organisation it may write to. */
async function contactPair(): Promise<{ projectId: string; organisationId: string }> {
  const organisationId = fresh("claimed-org");
  await store.entities.create({ kind: "organisation", record: organisation(organisationId) }, null);
  await store.accounts.addOwner(accounts.member.id, { kind: "organisation", id: organisationId });
  return { projectId: await ownedProject(), organisationId };
}

async function pendingClaim(): Promise<number> {
  return (await store.claims.create("vinnova", await throwawayAccount(), "Jag arbetar där")).id;
}

async function pendingSubmission(): Promise<number> {
  return (await store.submissions.create({ kind: "project", record: project(fresh("proposed")) }, accounts.member.id))
    .id;
}

type Call = { path: string; type: "query" | "mutation"; input?: unknown };
/** What each procedure needs to succeed when allowed: a fresh, valid input each time. */
const CASES: Record<
  string,
  {
    type: "query" | "mutation";
    input: () => Promise<unknown>;
    access: Record<RoleName, Outcome>;
    /** Acts on the caller's own account (changes or deletes it): called from a new account of the role each time. */
    ownAccount?: true;
  }
> = {};

const FRESH_PASSWORD = "correct horse fresh account";
const passwordOf = () => FRESH_PASSWORD;
let freshHash: string;
async function freshAccount(role: Exclude<RoleName, "anonymous">): Promise<number> {
  return (
    await store.accounts.create({
      email: `${fresh("self")}@example.org`,
      displayName: fresh("S"),
      passwordHash: freshHash,
      role: role === "owner" ? "member" : role,
      emailVerified: true,
    })
  ).id;
}
const everyone: Record<RoleName, Outcome> = {
  anonymous: "ok",
  owner: "ok",
  member: "ok",
  coordinator: "ok",
  administrator: "ok",
};
const members: Record<RoleName, Outcome> = { ...everyone, anonymous: 401 };
const owners: Record<RoleName, Outcome> = { ...members, member: 403 };
const coordinators: Record<RoleName, Outcome> = { ...owners, owner: 403 };
const administrators: Record<RoleName, Outcome> = { ...coordinators, coordinator: 403 };
const recipients: Record<RoleName, Outcome> = { ...owners, coordinator: 403, administrator: 403 };

function defineCases(): void {
  Object.assign(CASES, {
    "auth.signUp": {
      type: "mutation",
      access: everyone,
      input: async () => ({
        email: `${fresh("new")}@example.org`,
        password: "a long enough passphrase",
        displayName: fresh("N"),
      }),
    },
    "auth.login": {
      type: "mutation",
      access: everyone,
      input: async () => ({ email: accounts.member.email, password: accounts.member.password }),
    },
    "auth.logout": { type: "mutation", access: everyone, input: async () => undefined },
    "auth.verifyEmail": {
      type: "mutation",
      access: everyone,
      input: async () => ({ token: await store.tokens.issue(await throwawayAccount(false), "verify") }),
    },
    "auth.requestPasswordReset": {
      type: "mutation",
      access: everyone,
      input: async () => ({ email: accounts.member.email }),
    },
    "auth.resetPassword": {
      type: "mutation",
      access: everyone,
      input: async () => ({
        token: await store.tokens.issue(await throwawayAccount(), "reset"),
        password: "a new long passphrase",
      }),
    },
    // The account's own settings: a fresh member each call, so changing or deleting it leaves the roles' accounts be.
    "account.changePassword": {
      type: "mutation",
      access: members,
      ownAccount: true,
      input: async () => ({ currentPassword: passwordOf(), newPassword: "a new long passphrase" }),
    },
    "account.requestEmailChange": {
      type: "mutation",
      access: members,
      ownAccount: true,
      input: async () => ({ password: passwordOf(), newEmail: `${fresh("moved")}@example.org` }),
    },
    "account.confirmEmailChange": {
      type: "mutation",
      access: everyone,
      input: async () => ({
        token: await store.tokens.issue(await throwawayAccount(), "change-email", {
          newEmail: `${fresh("confirmed")}@example.org`,
        }),
      }),
    },
    "account.updateSettings": { type: "mutation", access: members, input: async () => ({ digest: true }) },
    "account.delete": {
      type: "mutation",
      access: members,
      ownAccount: true,
      input: async () => ({ password: passwordOf() }),
    },
    "submission.create": {
      type: "mutation",
      access: members,
      input: async () => ({ kind: "project", record: project(fresh("submitted"), { topics: ["participation"] }) }),
    },
    "submission.approve": {
      type: "mutation",
      access: coordinators,
      input: async () => ({ id: await pendingSubmission() }),
    },
    "submission.reject": {
      type: "mutation",
      access: coordinators,
      input: async () => ({ id: await pendingSubmission(), reason: "duplicate" }),
    },
    "entity.create": {
      type: "mutation",
      access: coordinators,
      input: async () => ({ kind: "project", record: project(fresh("created")) }),
    },
    "entity.update": {
      type: "mutation",
      access: owners,
      input: async () => {
        const id = await ownedProject();
        return { kind: "project", record: project(id, { topics: ["participation"] }), expectedVersion: 1 };
      },
    },
    "entity.delete": {
      type: "mutation",
      access: owners,
      input: async () => ({ kind: "project", id: await ownedProject(), expectedVersion: 1 }),
    },
    "entity.restore": {
      type: "mutation",
      access: coordinators,
      input: async () => {
        const id = await ownedProject();
        return { changeId: (await store.entities.history({ kind: "project", id }))[0]?.id, expectedVersion: 1 };
      },
    },
    "entity.revert": {
      type: "mutation",
      access: coordinators,
      input: async () => {
        const id = await ownedProject();
        const { version } = await store.entities.update({ kind: "project", record: project(id) }, accounts.owner.id, 1);
        return { changeId: (await store.entities.history({ kind: "project", id }))[0]?.id, expectedVersion: version };
      },
    },
    "admin.createAccount": {
      type: "mutation",
      access: administrators,
      input: async () => ({
        email: `${fresh("made")}@example.org`,
        password: "a long enough passphrase",
        displayName: fresh("M"),
        role: "coordinator",
      }),
    },
    "admin.setRole": {
      type: "mutation",
      access: administrators,
      input: async () => ({ accountId: await throwawayAccount(), role: "coordinator" }),
    },
    "admin.setDisabled": {
      type: "mutation",
      access: administrators,
      input: async () => ({ accountId: await throwawayAccount(), disabled: true }),
    },
    "admin.import": {
      type: "mutation",
      access: administrators,
      input: async () => ({
        files: [{ name: "more.json", text: JSON.stringify({ projects: [project(fresh("imported"))] }) }],
        dryRun: false,
      }),
    },
    "shortlist.add": {
      type: "mutation",
      access: owners,
      input: async () => ({
        projectId: await ownedProject(),
        organisationId: "digidem-lab",
        note: "Fråga om workshop",
      }),
    },
    "shortlist.update": {
      type: "mutation",
      access: owners,
      input: async () => ({ ...(await shortlisted()), note: fresh("note") }),
    },
    "shortlist.remove": { type: "mutation", access: owners, input: async () => await shortlisted() },
    // Only the project's own owners write in its name: not a coordinator or an administrator who does not own it.
    "contact.send": {
      type: "mutation",
      access: recipients,
      input: async () => ({ ...(await contactPair()), message: "Vill ni vara med?" }),
    },
    // Only an owner of the organisation written to answers: coordinators cannot share their address in its name.
    "contact.accept": {
      type: "mutation",
      access: recipients,
      input: async () => ({ requestId: await openContactRequest() }),
    },
    "contact.decline": {
      type: "mutation",
      access: recipients,
      input: async () => ({ requestId: await openContactRequest() }),
    },
    "contact.report": {
      type: "mutation",
      access: recipients,
      input: async () => ({ requestId: await openContactRequest(), note: "Reklam" }),
    },
    "claim.create": {
      type: "mutation",
      access: members,
      input: async () => ({ organisationId: "vinnova", message: fresh("Jag arbetar där") }),
      ownAccount: true,
    },
    "claim.approve": { type: "mutation", access: coordinators, input: async () => ({ id: await pendingClaim() }) },
    "claim.reject": {
      type: "mutation",
      access: coordinators,
      input: async () => ({ id: await pendingClaim(), reason: "Okänd" }),
    },
    // Restricted queries.
    "submission.mine": { type: "query", access: members, input: async () => undefined },
    "submission.queue": { type: "query", access: coordinators, input: async () => ({ status: "pending" }) },
    "entity.history": {
      type: "query",
      access: owners,
      input: async () => ({ kind: "project", id: await ownedProject() }),
    },
    "admin.accounts": { type: "query", access: administrators, input: async () => undefined },
    "admin.outbox": { type: "query", access: administrators, input: async () => undefined },
    "account.exportData": { type: "query", access: members, input: async () => undefined },
    "entity.deleted": { type: "query", access: coordinators, input: async () => undefined },
    "entity.recentEdits": { type: "query", access: coordinators, input: async () => ({ days: 7 }) },
    "shortlist.list": { type: "query", access: owners, input: async () => ({ projectId: await ownedProject() }) },
    "contact.preview": { type: "query", access: owners, input: async () => await contactPair() },
    "contact.target": { type: "query", access: members, input: async () => ({ organisationId: "vinnova" }) },
    "contact.mine": { type: "query", access: members, input: async () => undefined },
    "contact.reports": { type: "query", access: coordinators, input: async () => undefined },
    "contact.figures": { type: "query", access: coordinators, input: async () => undefined },
    "claim.mine": { type: "query", access: members, input: async () => undefined },
    "claim.queue": { type: "query", access: coordinators, input: async () => ({ status: "pending" }) },
  });
}

async function throwawayAccount(emailVerified = true): Promise<number> {
  return (
    await store.accounts.create({
      email: `${fresh("throwaway")}@example.org`,
      displayName: fresh("T"),
      passwordHash: "scrypt$1$1$1$AA==$AA==",
      role: "member",
      emailVerified,
    })
  ).id;
}

/** Calls a procedure over HTTP as the given role; each call has its own fresh session. */
async function call(role: RoleName, { path, type, input }: Call, accountId?: number): Promise<number> {
  const headers: Record<string, string> = { "content-type": "application/json", "x-partnerkartan": "1" };
  if (role !== "anonymous") {
    headers.cookie = `${SESSION_COOKIE}=${(await store.sessions.create(accountId ?? accounts[role].id)).token}`;
  }
  const response =
    type === "mutation"
      ? await fetch(`${server.url}/trpc/${path}`, {
          method: "POST",
          headers,
          body: input === undefined ? undefined : JSON.stringify(input),
        })
      : await fetch(
          `${server.url}/trpc/${path}${input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`}`,
          { headers },
        );
  await response.arrayBuffer();
  return response.status;
}

/** Everything a write could touch; a refused call must leave it exactly as it was. */
function writtenState(): string {
  const count = (table: string) =>
    (store.db.raw.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  const version = store.db.raw.prepare("SELECT value FROM meta WHERE key = 'data_version'").get() as { value: string };
  const roles = store.db.raw.prepare("SELECT group_concat(role || disabled) AS r FROM account").get() as { r: string };
  const decided = store.db.raw.prepare("SELECT count(*) AS n FROM submission WHERE status != 'pending'").get() as {
    n: number;
  };
  return JSON.stringify([
    version.value,
    count("entity WHERE deleted_at IS NULL"),
    count("change"),
    count("submission"),
    decided.n,
    count("account"),
    roles.r,
    count("shortlist_entry"),
    count("contact_request"),
    count("contact_request WHERE status != 'open'"),
    count("contact_report"),
    count("ownership_claim"),
    count("ownership_claim WHERE status != 'pending'"),
    count("ownership"),
    (store.db.raw.prepare("SELECT group_concat(note) AS notes FROM shortlist_entry").get() as { notes: string | null })
      .notes,
  ]);
}

beforeAll(async () => {
  server = await startTestServer(writeDataDir(smallDataset()), tempDatabasePath());
  store = server.store;
  accounts.owner = await createAccount(store, "member", "Owner");
  accounts.member = await createAccount(store, "member", "Member");
  accounts.coordinator = await createAccount(store, "coordinator", "Coordinator");
  accounts.administrator = await createAccount(store, "administrator", "Administrator");
  freshHash = await hashPassword(FRESH_PASSWORD);
  defineCases();
});
afterAll(async () => {
  await server?.close();
});

describe("authorisation matrix", () => {
  it("lists every mutation of the API (a new mutation needs an entry here)", async () => {
    const mutations = Object.entries(appRouter._def.procedures)
      .filter(([, procedure]) => (procedure as unknown as { _def: { type: string } })._def.type === "mutation")
      .map(([path]) => path)
      .sort();
    const listed = Object.entries(CASES)
      .filter(([, c]) => c.type === "mutation")
      .map(([path]) => path)
      .sort();
    expect(listed).toEqual(mutations);
  });

  for (const role of ROLES) {
    it(`as ${role}: each procedure is allowed or refused as the matrix says, and a refusal writes nothing`, async () => {
      const results: Record<string, Outcome | number> = {};
      const expected: Record<string, Outcome> = {};
      for (const [path, c] of Object.entries(CASES)) {
        const input = await c.input();
        const self = c.ownAccount && role !== "anonymous" ? await freshAccount(role) : undefined;
        const before = writtenState();
        const status = await call(role, { path, type: c.type, input }, self);
        expected[path] = c.access[role];
        results[path] = status === 200 ? "ok" : status;
        if (status !== 200) expect(writtenState(), `${path} as ${role} wrote despite ${status}`).toBe(before);
      }
      expect(results).toEqual(expected);
    });
  }
});
