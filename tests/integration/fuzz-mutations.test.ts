/**
 * Fuzzed input to every mutation, over real HTTP, signed in as an administrator (the role that gets furthest):
 * random JSON, valid inputs with one field replaced by something hostile, and bodies that are not JSON at all.
 * Never a 5xx; a refusal never writes anything; a 400 or 409 names the field; no stack trace ever leaves the server.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "../../server/api/router";
import { SESSION_COOKIE } from "../../server/auth/session-cookie";
import type { RunningServer } from "../../server/http/server";
import { project, smallDataset, tempDatabasePath, writeDataDir } from "../fixtures/dataset";
import { createAccount, startTestServer } from "./server-helpers";

let server: RunningServer;
let cookie: string;

/** A valid input for each mutation: the fuzzer bends one field of it at a time. */
const TEMPLATES: Record<string, unknown> = {
  "auth.signUp": { email: "fuzz@example.org", password: "a long enough passphrase", displayName: "F" },
  "auth.login": { email: "fuzz@example.org", password: "a long enough passphrase" },
  "auth.logout": {},
  "auth.verifyEmail": { token: "A".repeat(43) },
  "auth.requestPasswordReset": { email: "fuzz@example.org" },
  "auth.resetPassword": { token: "A".repeat(43), password: "a long enough passphrase" },
  "account.changePassword": { currentPassword: "wrong password", newPassword: "a long enough passphrase" },
  "account.requestEmailChange": { password: "wrong password", newEmail: "fuzz-new@example.org" },
  "account.confirmEmailChange": { token: "A".repeat(43) },
  "account.updateSettings": { language: "en", digest: false },
  "account.delete": { password: "wrong password" },
  "submission.create": {
    kind: "project",
    record: project("fuzzed", { topics: ["open-data"], regions: ["01"], lead: "digidem-lab", startYear: 2020 }),
  },
  "submission.approve": { id: 1, reason: "ok" },
  "submission.reject": { id: 1, reason: "no" },
  "entity.create": { kind: "organisation", record: { ...smallDataset().organisations[1], id: "fuzz-org" } },
  "entity.update": { kind: "project", record: smallDataset().projects[1], expectedVersion: 1 },
  "entity.delete": { kind: "project", id: "open-up", reason: "x", expectedVersion: 1 },
  "entity.restore": { changeId: 1, expectedVersion: 1 },
  "entity.revert": { changeId: 1, expectedVersion: 1 },
  "admin.createAccount": {
    email: "made@example.org",
    password: "a long enough passphrase",
    displayName: "M",
    role: "member",
  },
  "admin.setRole": { accountId: 1, role: "member" },
  "admin.setDisabled": { accountId: 1, disabled: false },
  "admin.import": {
    files: [{ name: "more.json", text: JSON.stringify({ projects: [project("fuzz-imported")] }) }],
    dryRun: false,
  },
  "shortlist.add": { projectId: "civic-tech-platform", organisationId: "digidem-lab", note: "Fråga om workshop" },
  "shortlist.update": { projectId: "civic-tech-platform", organisationId: "digidem-lab", note: "Ring Anna" },
  "shortlist.remove": { projectId: "civic-tech-platform", organisationId: "digidem-lab" },
  "contact.send": { projectId: "open-up", organisationId: "digidem-lab", message: "Vill ni vara med?" },
  "contact.accept": { requestId: 1 },
  "contact.decline": { requestId: 1 },
  "contact.report": { requestId: 1, note: "Reklam" },
  "claim.create": { organisationId: "vinnova", message: "Jag arbetar på Vinnova" },
  "claim.approve": { id: 1 },
  "claim.reject": { id: 1, reason: "Okänd" },
};

const HOSTILE_STRINGS = [
  "",
  " ",
  "<img src=x onerror=alert(1)>",
  "'; DROP TABLE entity; --",
  "\u0000",
  "\uD800",
  "../../etc/passwd",
  "x".repeat(100_000),
  "ÅÄÖ🙂",
  "__proto__",
  "NaN",
  "-1",
  "1e309",
];
const hostileValue = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(-1, 0, 2 ** 53, 1e308),
  fc.array(fc.string(), { maxLength: 5 }),
  fc.constant(Array.from({ length: 5000 }, (_, i) => `x${i}`)),
  fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 3 }),
  fc.constant(JSON.parse('{"__proto__": {"role": "administrator"}}')),
);

/** Every path into a JSON value, so one field (or the whole input) can be replaced. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out = [prefix];
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) out.push(...paths(v, [...prefix, i]));
  } else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  return out;
}

function replaceAt(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let cursor = copy;
  for (const key of path.slice(0, -1)) cursor = cursor[key] as Record<string | number, unknown>;
  cursor[path[path.length - 1] as string | number] = replacement;
  return copy;
}

function writtenState(): string {
  const db = server.store.db.raw;
  const row = (sql: string) => JSON.stringify(db.prepare(sql).all());
  return [
    row("SELECT value FROM meta WHERE key = 'data_version'"),
    row("SELECT count(*), max(updated_at), count(deleted_at) FROM entity"),
    row("SELECT count(*) FROM reference"),
    row("SELECT count(*) FROM change"),
    row("SELECT count(*), group_concat(status) FROM submission"),
    row("SELECT count(*), group_concat(role || disabled) FROM account"),
    row("SELECT count(*) FROM ownership"),
    row("SELECT count(*), group_concat(note) FROM shortlist_entry"),
    row("SELECT count(*), group_concat(status) FROM contact_request"),
    row("SELECT count(*) FROM contact_report"),
    row("SELECT count(*), group_concat(status) FROM ownership_claim"),
  ].join("|");
}

async function post(path: string, body: string): Promise<{ status: number; text: string }> {
  const response = await fetch(`${server.url}/trpc/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-partnerkartan": "1", cookie },
    body,
  });
  return { status: response.status, text: await response.text() };
}

/** The checks every response must pass; returns the status for statistics. */
async function check(path: string, body: string): Promise<number> {
  const before = writtenState();
  const { status, text } = await post(path, body);
  const where = `${path} ${body.slice(0, 200)} → ${status} ${text.slice(0, 300)}`;
  expect(status, where).toBeLessThan(500);
  expect(text, where).not.toMatch(/\n\s+at /);
  if (status !== 200) {
    expect(writtenState(), `a refused call wrote: ${where}`).toBe(before);
    const message = (JSON.parse(text) as { error?: { message?: string } }).error?.message ?? "";
    if (status === 400) expect(message, where).toMatch(/field "[^"]+"/);
    if (status === 409) expect(message, where).toMatch(/field "[^"]+"/);
  }
  return status;
}

const MUTATIONS = Object.entries(appRouter._def.procedures)
  .filter(([, p]) => (p as unknown as { _def: { type: string } })._def.type === "mutation")
  .map(([path]) => path)
  .sort();

beforeAll(async () => {
  server = await startTestServer(writeDataDir(smallDataset()), tempDatabasePath());
  const admin = await createAccount(server.store, "administrator", "Fuzz Admin");
  cookie = `${SESSION_COOKIE}=${(await server.store.sessions.create(admin.id)).token}`;
});
afterAll(async () => {
  await server?.close();
});

describe("fuzzed input to every mutation", () => {
  it("has a template for every mutation", async () => {
    expect(Object.keys(TEMPLATES).sort()).toEqual(MUTATIONS);
  });

  const statuses = new Map<number, number>();
  const count = (status: number) => statuses.set(status, (statuses.get(status) ?? 0) + 1);

  for (const path of Object.keys(TEMPLATES).filter((p) => p !== "auth.logout")) {
    // Sign-up, sign-in and account creation hash passwords (about 50 ms each), so they get fewer runs.
    const runs = path.startsWith("auth.") || path === "admin.createAccount" ? 60 : 300;
    it(`${path}: random and hostile inputs`, async () => {
      const template = TEMPLATES[path];
      const allPaths = paths(template);
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            { weight: 1, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v)) },
            {
              weight: 4,
              arbitrary: fc
                .tuple(fc.nat({ max: allPaths.length - 1 }), hostileValue)
                .map(([i, v]) => JSON.stringify(replaceAt(template, allPaths[i] as (string | number)[], v))),
            },
            { weight: 1, arbitrary: fc.constantFrom("{", "not json", "[1,2", '{"a":}', "\u0000", "null", '"x"') },
          ),
          async (body) => {
            count(await check(path, body));
          },
        ),
        { numRuns: runs },
      );
    }, 120_000);
  }

  it("left the database consistent", async () => {
    const db = server.store.db.raw;
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(db.pragma("foreign_key_check")).toEqual([]);
    // Every live reference points to a live entity.
    const dangling = db
      .prepare(
        `SELECT r.* FROM reference r JOIN entity f ON f.kind = r.from_kind AND f.id = r.from_id AND f.deleted_at IS NULL
         JOIN entity t ON t.kind = r.to_kind AND t.id = r.to_id WHERE t.deleted_at IS NOT NULL`,
      )
      .all();
    expect(dangling).toEqual([]);
    const total = [...statuses.values()].reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(2500);
    console.log(`fuzz: ${total} requests, statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
  });
});
