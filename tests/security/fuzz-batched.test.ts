/**
 * Fuzzed batched and parallel tRPC calls over real HTTP (issue #14): 1–15 calls per request, random mixes of queries
 * and mutations (auth.* included), random and hostile inputs, GET and POST, streamed (jsonl) or not, repeated heavy
 * procedures, malformed batch inputs (an array instead of an object, missing or extra indexes, not JSON), odd URLs
 * (encoded commas, `batch` given twice); sequentially, and in bursts of 20–50 concurrent requests from a few
 * addresses. Against a server with the real limits, and one with relaxed limits and an administrator's session that
 * reaches the writes. Whatever the request:
 * - no 5xx but 503 from the busy guards; every answer is JSON in tRPC's shape (or jsonl, when streamed); no stack trace;
 * - an answer that served calls never served more than 10, a repeated heavy procedure or auth's mutations in a batch,
 *   and one address never got more heavy calls served than its budget;
 * - a session cookie is set only by a successful, unbatched, unstreamed sign-in or sign-up, and no session is created
 *   without one;
 * - a request all of whose calls failed wrote nothing;
 * and at the end both servers answer /api/health and their databases pass integrity_check.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "../../server/api/router";
import { SESSION_COOKIE } from "../../server/auth/session-cookie";
import { DEFAULT_HEAVY_PER_MINUTE } from "../../server/http/heavy-work";
import type { RunningServer } from "../../server/http/server";
import { HEAVY_PROCEDURES, MAX_BATCH_CALLS } from "../../server/http/trpc-request-policy";
import { project, smallDataset } from "../fixtures/dataset";
import { createAccount, RELAXED_LIMITS } from "../integration/server-helpers";
import { type Answer, send, startGuardedServer } from "./attack-client";

const PROCEDURES = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>);
const MUTATIONS = new Set(PROCEDURES.filter(([, p]) => p._def.type === "mutation").map(([path]) => path));
const data = smallDataset();

/** Inputs that get past validation, so the calls reach the procedures; the fuzzer also sends anything else. */
const TEMPLATES: Record<string, unknown> = {
  "graph.snapshot": { kinds: ["project", "organisation"] },
  "search.query": { q: "data", limit: 100 },
  "node.byId": { id: "organisation:digidem-lab" },
  "match.partners": { projectId: data.projects[0]?.id },
  "match.projects": { organisationId: data.organisations[0]?.id },
  "match.similar": { projectId: data.projects[0]?.id },
  "coverage.byRegion": { topicId: "open-data" },
  "coverage.fillers": { regionCode: "01", topicId: "open-data", limit: 50 },
  "entity.get": { kind: "project", id: data.projects[0]?.id },
  "entity.history": { kind: "project", id: data.projects[0]?.id },
  "auth.login": { email: "member@example.org", password: "correct horse battery member" },
  "auth.signUp": { email: "new@example.org", password: "a long enough passphrase", displayName: "N" },
  "submission.create": {
    kind: "project",
    record: project("fuzzed", { topics: ["open-data"], regions: ["01"], lead: "digidem-lab", startYear: 2020 }),
  },
  "entity.update": { kind: "project", record: data.projects[1] },
  "entity.delete": { kind: "project", id: "open-up", reason: "x" },
  "admin.setRole": { accountId: 1, role: "member" },
};

const HOSTILE = fc.oneof(
  fc.constantFrom("", "<script>", "'; DROP TABLE entity; --", "\u0000", "\uD800", "x".repeat(20_000), "__proto__"),
  fc.integer(),
  fc.double(),
  fc.constant(null),
  fc.constant(JSON.parse('{"__proto__": {"role": "administrator"}}')),
  fc.jsonValue({ maxDepth: 3 }),
);

const procedurePath = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...PROCEDURES.map(([path]) => path)) },
  { weight: 4, arbitrary: fc.constantFrom(...HEAVY_PROCEDURES) },
  { weight: 2, arbitrary: fc.constantFrom("auth.login", "auth.signUp", "auth.logout", "auth.me") },
  { weight: 1, arbitrary: fc.constantFrom("nope", "graph", "graph.nope", "__proto__.x", "", " graph.metrics") },
);

interface Call {
  path: string;
  input: unknown;
}
const call: fc.Arbitrary<Call> = procedurePath.chain((path) =>
  fc.record({
    path: fc.constant(path),
    input: fc.oneof(
      { weight: 3, arbitrary: fc.constant(TEMPLATES[path]) },
      { weight: 1, arbitrary: fc.constant(undefined) },
      { weight: 2, arbitrary: HOSTILE },
    ),
  }),
);

const QUERIES = PROCEDURES.filter(([, p]) => p._def.type === "query").map(([path]) => path);
/** A query with an input that passes validation (or none, where it takes none): the calls that get served. */
const query: fc.Arbitrary<Call> = fc.constantFrom(...QUERIES).map((path) => ({ path, input: TEMPLATES[path] }));
/** A mutation with its valid input: reaches the writes (as the administrator, on the relaxed server). */
const mutation: fc.Arbitrary<Call> = fc
  .constantFrom(...MUTATIONS)
  .chain((path) =>
    fc.record({ path: fc.constant(path), input: fc.oneof(fc.constant(TEMPLATES[path] ?? {}), HOSTILE) }),
  );

/** How the batch's inputs are written: as tRPC expects, or wrong. */
const ENCODINGS = ["object", "object", "object", "array", "missing", "extra", "not-json", "none"] as const;
const QUIRKS = ["none", "none", "none", "encoded-commas", "batch-twice", "batch-0-then-1", "input-twice"] as const;

interface Shot {
  calls: Call[];
  batch: boolean;
  method: "natural" | "GET" | "POST";
  encoding: (typeof ENCODINGS)[number];
  quirk: (typeof QUIRKS)[number];
  /** Which header asks for a streamed (jsonl) answer, if any: tRPC honours both. */
  streamed: false | "trpc-accept" | "accept";
  signedIn: boolean;
}
const shot: fc.Arbitrary<Shot> = fc.record({
  calls: fc.oneof(
    { weight: 3, arbitrary: fc.array(call, { minLength: 1, maxLength: 15 }) },
    // Well-formed: distinct queries, up to the limit; or one mutation.
    { weight: 3, arbitrary: fc.uniqueArray(query, { minLength: 1, maxLength: 10, selector: (c) => c.path }) },
    { weight: 2, arbitrary: mutation.map((c) => [c]) },
    // Sign-in and sign-up that would succeed: where a cookie could leak out of a batch or a stream.
    {
      weight: 1,
      arbitrary: fc.constantFrom("auth.login", "auth.signUp").map((path) => [{ path, input: TEMPLATES[path] }]),
    },
    // Repeated heavy procedures, and batches just at and over the limit.
    { weight: 1, arbitrary: fc.constantFrom(...HEAVY_PROCEDURES).map((path) => [{ path, input: undefined }]) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(...HEAVY_PROCEDURES), fc.integer({ min: 2, max: 12 }))
        .map(([path, n]) => Array.from({ length: n }, () => ({ path, input: TEMPLATES[path] }))),
    },
  ),
  batch: fc.boolean(),
  // The method the first call wants, mostly: the wrong one gets 405.
  method: fc.constantFrom("natural", "natural", "natural", "GET", "POST"),
  encoding: fc.constantFrom(...ENCODINGS),
  quirk: fc.constantFrom(...QUIRKS),
  streamed: fc.oneof(
    { weight: 6, arbitrary: fc.constant(false as const) },
    { weight: 1, arbitrary: fc.constantFrom("trpc-accept", "accept") },
  ),
  signedIn: fc.boolean(),
});

function inputsOf(s: Shot): string | undefined {
  if (s.encoding === "none") return undefined;
  if (s.encoding === "not-json") return '{"0":';
  if (!s.batch) return JSON.stringify(s.calls[0]?.input ?? null);
  const inputs = s.calls.map((c) => c.input);
  if (s.encoding === "array") return JSON.stringify(inputs);
  const object: Record<string, unknown> = {};
  inputs.forEach((input, i) => {
    if (input !== undefined && !(s.encoding === "missing" && i === 0)) object[i] = input;
  });
  if (s.encoding === "extra") object[inputs.length + 3] = { q: "x" };
  return JSON.stringify(object);
}

/** The request a shot makes: URL, body and headers. */
function methodOf(s: Shot): "GET" | "POST" {
  if (s.method !== "natural") return s.method;
  return MUTATIONS.has(s.calls[0]?.path ?? "") ? "POST" : "GET";
}

function requestOf(
  s: Shot,
  cookie: string,
): { method: "GET" | "POST"; url: string; body?: string; headers: Record<string, string> } {
  const method = methodOf(s);
  const batch = s.batch || s.calls.length > 1;
  const paths = batch ? s.calls.map((c) => c.path) : [s.calls[0]?.path ?? ""];
  const joined = paths.map(encodeURIComponent).join(s.quirk === "encoded-commas" ? "%2C" : ",");
  const params: string[] = [];
  if (batch) {
    if (s.quirk === "batch-0-then-1") params.push("batch=0");
    params.push("batch=1");
    if (s.quirk === "batch-twice") params.push("batch=1");
  }
  const inputs = inputsOf({ ...s, batch });
  if (method === "GET" && inputs !== undefined) {
    params.push(`input=${encodeURIComponent(inputs)}`);
    if (s.quirk === "input-twice") params.push("input=%7B%7D");
  }
  const headers: Record<string, string> = {};
  if (s.streamed) headers[s.streamed] = "application/jsonl";
  if (s.signedIn && cookie) headers.cookie = cookie;
  return {
    method,
    url: `/trpc/${joined}${params.length > 0 ? `?${params.join("&")}` : ""}`,
    body: method === "POST" ? (inputs ?? "") : undefined,
    headers,
  };
}

interface Target {
  server: RunningServer;
  cookie: string;
  /** Heavy calls served per address: never more than the budget while the test runs (under a minute). */
  heavyServed: Map<string, number>;
  budget: number;
}

interface Outcome {
  /** Every call of the request failed (or it was refused whole). */
  allFailed: boolean;
  status: number;
}

const isTrpcResult = (x: unknown): x is { result?: unknown; error?: { message: string; data?: unknown } } =>
  typeof x === "object" && x !== null && ("result" in x || "error" in x);

/** The checks every answer must pass. */
function checkAnswer(target: Target, s: Shot, request: ReturnType<typeof requestOf>, from: string, a: Answer): Outcome {
  const where = `${request.method} ${request.url.slice(0, 300)} ${request.body?.slice(0, 200) ?? ""} ${JSON.stringify(request.headers)} → ${a.status} ${a.body.slice(0, 300)}`;
  expect(a.status < 500 || a.status === 503, `5xx: ${where}`).toBe(true);
  expect(a.body, `stack trace: ${where}`).not.toMatch(/\n\s+at |"stack"/);
  const batchUrl = /[?&]batch=1(&|$)/.test(request.url);
  const cookie = a.cookies[SESSION_COOKIE];
  if (cookie) {
    const path = s.calls[0]?.path;
    expect(
      a.status === 200 && s.calls.length === 1 && !batchUrl && !s.streamed && /^auth\.(login|signUp)$/.test(path ?? ""),
      `a session cookie was set: ${where}`,
    ).toBe(true);
  }
  // tRPC labels a streamed answer application/json too; it streams only batches.
  if (s.streamed && batchUrl && a.status === 200) {
    for (const line of a.body.split("\n").filter((l) => l.trim() !== ""))
      expect(() => JSON.parse(line), `not JSON lines: ${where}`).not.toThrow();
    return { allFailed: false, status: a.status };
  }
  let parsed: unknown;
  expect(() => (parsed = JSON.parse(a.body)), `not JSON: ${where}`).not.toThrow();
  const answers = Array.isArray(parsed) ? parsed : [parsed];
  for (const one of answers) expect(isTrpcResult(one), `not tRPC's shape: ${where}`).toBe(true);
  const served = answers.filter((one) => isTrpcResult(one) && "result" in one).length;
  if (served > 0) {
    // What the server executed: as many calls as it answered, which must be what the policy allows.
    expect(answers.length, `more than ${MAX_BATCH_CALLS} calls served: ${where}`).toBeLessThanOrEqual(MAX_BATCH_CALLS);
    if (answers.length === s.calls.length && answers.length > 1) {
      const heavy = s.calls.map((c) => c.path).filter((p) => HEAVY_PROCEDURES.has(p));
      expect(new Set(heavy).size, `a heavy procedure served twice: ${where}`).toBe(heavy.length);
      expect(
        s.calls.some((c) => MUTATIONS.has(c.path) && c.path.startsWith("auth.")),
        `auth mutation batched: ${where}`,
      ).toBe(false);
    }
    answers.forEach((one, i) => {
      const path = answers.length === s.calls.length ? s.calls[i]?.path : undefined;
      if (path && HEAVY_PROCEDURES.has(path) && isTrpcResult(one) && "result" in one)
        target.heavyServed.set(from, (target.heavyServed.get(from) ?? 0) + 1);
    });
    expect(target.heavyServed.get(from) ?? 0, `heavy budget exceeded by ${from}`).toBeLessThanOrEqual(target.budget);
  }
  return { allFailed: served === 0, status: a.status };
}

function writtenState(server: RunningServer): string {
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
    row("SELECT count(*) FROM session"),
  ].join("|");
}

const sessionCount = (server: RunningServer) =>
  (server.store.db.raw.prepare("SELECT count(*) AS n FROM session").get() as { n: number }).n;

let guarded: Target;
let relaxed: Target;
const statuses = new Map<number, number>();
const tally = (status: number) => statuses.set(status, (statuses.get(status) ?? 0) + 1);

async function target(limits: "real" | "relaxed"): Promise<Target> {
  const server = await startGuardedServer(limits === "real" ? {} : RELAXED_LIMITS);
  await createAccount(server.store, "member");
  const admin = await createAccount(server.store, "administrator", "Fuzz Admin");
  const cookie = `${SESSION_COOKIE}=${(await server.store.sessions.create(admin.id)).token}`;
  const budget = limits === "real" ? DEFAULT_HEAVY_PER_MINUTE : Number.POSITIVE_INFINITY;
  return { server, cookie, heavyServed: new Map(), budget };
}

beforeAll(async () => {
  [guarded, relaxed] = await Promise.all([target("real"), target("relaxed")]);
});
afterAll(async () => {
  await guarded?.server.close();
  await relaxed?.server.close();
});

/** One request, alone: checked, and if all its calls failed, it must not have written. */
async function one(t: Target, s: Shot, from: string): Promise<void> {
  const request = requestOf(s, t.cookie);
  const before = writtenState(t.server);
  const sessions = sessionCount(t.server);
  const answer = await send(t.server.url, request.url, { ...request, from });
  tally(answer.status);
  const outcome = checkAnswer(t, s, request, from, answer);
  if (outcome.allFailed) expect(writtenState(t.server), `a refused request wrote: ${request.url}`).toBe(before);
  // A session exists only in the cookie that carries it: one created without it is a sign-in the client never got.
  if (sessionCount(t.server) > sessions)
    expect(
      answer.cookies[SESSION_COOKIE],
      `a session without its cookie: ${request.url} ${JSON.stringify(request.headers)}`,
    ).toBeTruthy();
}

/** Many requests at once from a few addresses: each checked as it comes back. */
async function burst(t: Target, shots: Shot[], addresses: string[]): Promise<void> {
  await Promise.all(
    shots.map(async (s, i) => {
      const from = addresses[i % addresses.length] as string;
      const request = requestOf(s, t.cookie);
      const answer = await send(t.server.url, request.url, { ...request, from });
      tally(answer.status);
      checkAnswer(t, s, request, from, answer);
    }),
  );
}

describe("fuzzed batched and parallel calls", () => {
  it("real limits, one request at a time", async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(shot, async (s) => one(guarded, s, `127.0.8.${(n++ % 2) + 1}`)),
      { numRuns: 250 },
    );
  }, 60_000);

  it("relaxed limits with an administrator's session, one request at a time", async () => {
    await fc.assert(
      fc.asyncProperty(shot, async (s) => one(relaxed, s, "127.0.9.1")),
      { numRuns: 250 },
    );
  }, 60_000);

  it("bursts of 20–50 concurrent requests from a few addresses, on both servers", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(shot, { minLength: 20, maxLength: 50 }),
        fc.integer({ min: 1, max: 4 }),
        fc.boolean(),
        async (shots, spread, real) => {
          const addresses = Array.from({ length: spread }, (_, i) => `127.0.${real ? 10 : 11}.${i + 1}`);
          await burst(real ? guarded : relaxed, shots, addresses);
        },
      ),
      // A failing burst is reported as it is: shrinking would resend dozens of requests per step.
      { numRuns: 10, endOnFailure: true },
    );
  }, 90_000);

  it("left both servers healthy and their databases consistent", async () => {
    for (const t of [guarded, relaxed]) {
      expect((await send(t.server.url, "/api/health")).status).toBe(200);
      expect(t.server.store.db.raw.pragma("integrity_check", { simple: true })).toBe("ok");
      expect(t.server.store.db.raw.pragma("foreign_key_check")).toEqual([]);
    }
    const total = [...statuses.values()].reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(600);
    console.log(`fuzz-batched: ${total} requests, statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
  });
});
