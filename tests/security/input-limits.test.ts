/**
 * Issue #14, item 5: length and count limits, the same at every door. Over real HTTP: oversized names, summaries, URLs
 * and lists are refused with 400 naming the field (entity.create/update, submission.create, admin.import, search,
 * match, sign-up), a member's 21st submission within 24 hours gets 429 saying when to try again (also after a
 * restart: the count is in the database), and a body over 1 MB gets 413.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../server/http/server";
import { MAX_CHARS, MAX_ITEMS, SUBMISSIONS_PER_DAY } from "../../shared/schema/limits";
import type { Project } from "../../shared/schema/project";
import { project, smallDataset, tempDatabasePath, writeDataDir } from "../fixtures/dataset";
import {
  createAccount,
  trpcFailure as failure,
  sessionClientFor,
  signUpVerified,
  startTestServer,
} from "../integration/server-helpers";

const dataDir = writeDataDir(smallDataset());
const databasePath = tempDatabasePath();
let server: RunningServer;
let admin: ReturnType<typeof sessionClientFor>;
let member: ReturnType<typeof sessionClientFor>;
const MEMBER = { email: "mira@example.org", password: "a long member passphrase", displayName: "Mira Medlem" };

beforeAll(async () => {
  server = await startTestServer(dataDir, databasePath);
  const a = await createAccount(server.store, "administrator", "Ada Lovelace");
  admin = sessionClientFor(server.url);
  await admin.auth.login.mutate({ email: a.email, password: a.password });
  member = sessionClientFor(server.url);
  await signUpVerified(server, MEMBER, member);
});
afterAll(async () => {
  await server?.close();
});

const huge = (n: number) => "x".repeat(n);
const url = (n: number) => `https://example.org/${"a".repeat(n - "https://example.org/".length)}`;
const ids = (n: number) => Array.from({ length: n }, (_, i) => `id-${i}`);

/** Each case: a valid project with one field made too big, and the field the 400 must name. */
const oversized: [string, Partial<Project>, string][] = [
  ["a 300 000-character name", { name: huge(300_000) }, "record.name"],
  ["a name one over the limit", { name: huge(MAX_CHARS.name + 1) }, "record.name"],
  ["250 000-character summaries", { summary: { sv: huge(250_000), en: huge(250_000) } }, "record.summary.sv"],
  ["an over-long website", { website: url(MAX_CHARS.url + 1) }, "record.website"],
  ["an over-long source", { sources: [url(MAX_CHARS.url + 1)] }, "record.sources.0"],
  ["too many sources", { sources: Array(MAX_ITEMS.sources + 1).fill("https://example.org/s") }, "record.sources"],
  ["too many topics", { topics: ids(MAX_ITEMS.list + 1) }, "record.topics"],
  ["too many partners", { partners: ids(MAX_ITEMS.list + 1) }, "record.partners"],
];

describe("limits on entity writes", () => {
  it.each(oversized)("entity.create refuses %s with 400 naming the field", async (_what, change, field) => {
    const result = await failure(admin.entity.create.mutate({ kind: "project", record: project("stor", change) }));
    expect(result.status).toBe(400);
    expect(result.message).toContain(`field "${field}"`);
    expect(result.message).toMatch(/at most \d+ (characters|items|sources)/);
  });

  it.each(oversized)("entity.update refuses %s with 400 naming the field", async (_what, change, field) => {
    const record = project("civic-tech-platform", { name: "Civic Tech Platform", ...change });
    const result = await failure(admin.entity.update.mutate({ kind: "project", record, expectedVersion: 1 }));
    expect(result).toMatchObject({ status: 400, message: expect.stringContaining(`field "${field}"`) });
    expect(result.message).toMatch(/at most \d+ (characters|items|sources)/);
  });

  it.each(oversized)("submission.create refuses %s with 400 naming the field", async (_what, change, field) => {
    const result = await failure(member.submission.create.mutate({ kind: "project", record: project("stor", change) }));
    expect(result).toMatchObject({ status: 400, message: expect.stringContaining(`field "${field}"`) });
    expect(result.message).toMatch(/at most \d+ (characters|items|sources)/);
  });

  it("accepts a record at every limit", async () => {
    const atLimit = project("precis-lagom", {
      name: `Precis lagom ${huge(MAX_CHARS.name - 13)}`,
      summary: { sv: huge(MAX_CHARS.summary), en: huge(MAX_CHARS.summary) },
      website: url(MAX_CHARS.url),
      sources: Array.from({ length: MAX_ITEMS.sources }, (_, i) => `https://example.org/${i}`),
    });
    expect(await admin.entity.create.mutate({ kind: "project", record: atLimit })).toBeTruthy();
    expect((await admin.entity.get.query({ kind: "project", id: "precis-lagom" })).record).toMatchObject(atLimit);
  });

  it("bounds moderation and deletion reasons", async () => {
    const result = await failure(
      admin.entity.delete.mutate({
        kind: "project",
        id: "precis-lagom",
        expectedVersion: 1,
        reason: huge(MAX_CHARS.reason + 1),
      }),
    );
    expect(result).toMatchObject({ status: 400, message: expect.stringContaining('field "reason"') });
    const rejected = await failure(admin.submission.reject.mutate({ id: 1, reason: huge(MAX_CHARS.reason + 1) }));
    expect(rejected).toMatchObject({ status: 400, message: expect.stringContaining('field "reason"') });
  });
});

describe("limits on imports, accounts and queries", () => {
  const importOf = (name: string) => JSON.stringify({ projects: [project("import-stor", { name })] }, null, 2);

  it("admin.import refuses a name over the schema's limit, naming file, line and field", async () => {
    const result = await failure(
      admin.admin.import.mutate({
        files: [{ name: "p.json", text: importOf(huge(MAX_CHARS.name + 1)) }],
        dryRun: true,
      }),
    );
    expect(result.status).toBe(400);
    expect(result.message).toContain('field "files"');
    expect(result.message).toMatch(/p\.json:\d+:\d+: project "import-stor", name: at most 200 characters/);
  });

  it("admin.import refuses a huge field before validating it", async () => {
    const result = await failure(
      admin.admin.import.mutate({ files: [{ name: "p.json", text: importOf(huge(300_000)) }], dryRun: true }),
    );
    expect(result.status).toBe(400);
    expect(result.message).toMatch(/p\.json:\d+:\d+: projects\.0\.name: 300000 characters, more than the limit/);
  });

  it("refuses an over-long display name, e-mail and password at sign-up, before hashing", async () => {
    const anon = sessionClientFor(server.url);
    const base = { email: "ny@example.org", password: "a long enough passphrase", displayName: "Ny Person" };
    for (const [field, change] of [
      ["displayName", { displayName: huge(MAX_CHARS.displayName + 1) }],
      ["email", { email: `${huge(300)}@example.org` }],
      ["password", { password: huge(500_000) }],
    ] as const) {
      const started = performance.now();
      const result = await failure(anon.auth.signUp.mutate({ ...base, ...change }));
      expect(result, field).toMatchObject({ status: 400, message: expect.stringContaining(`field "${field}"`) });
      expect(performance.now() - started).toBeLessThan(2_000);
    }
    const login = await failure(anon.auth.login.mutate({ email: base.email, password: huge(500_000) }));
    expect(login).toMatchObject({ status: 400, message: expect.stringContaining('field "password"') });
  });

  it("bounds the search query and every list in a query", async () => {
    const anon = sessionClientFor(server.url);
    expect(await failure(anon.search.query.query({ q: huge(MAX_CHARS.searchQuery + 1) }))).toMatchObject({
      status: 400,
      message: expect.stringContaining('field "q"'),
    });
    const manyKinds = Array(MAX_ITEMS.list + 1).fill("project");
    expect(await failure(anon.search.query.query({ q: "data", kinds: manyKinds }))).toMatchObject({ status: 400 });
    expect(await failure(anon.graph.snapshot.query({ kinds: manyKinds }))).toMatchObject({
      status: 400,
      message: expect.stringContaining('field "kinds"'),
    });
    const filters = { exclude: ids(MAX_ITEMS.list + 1) };
    expect(await failure(anon.match.partners.query({ projectId: "civic-tech-platform", filters }))).toMatchObject({
      status: 400,
      message: expect.stringContaining('field "filters.exclude"'),
    });
  });

  it("answers 413 to a request body over 1 MB", async () => {
    const response = await fetch(`${server.url}/trpc/entity.create`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-partnerkartan": "1" },
      body: JSON.stringify({ kind: "project", record: project("enorm", { name: huge(1_100_000) }) }),
    });
    expect(response.status).toBe(413);
  });
});

describe("daily submission limit", () => {
  const proposal = (i: number) => ({ kind: "project" as const, record: project(`forslag-${i}`) });

  it(`lets a member make ${SUBMISSIONS_PER_DAY} submissions in 24 hours, then answers 429 saying when`, async () => {
    const started = Date.now();
    for (let i = 1; i <= SUBMISSIONS_PER_DAY; i++) await member.submission.create.mutate(proposal(i));
    const result = await failure(member.submission.create.mutate(proposal(SUBMISSIONS_PER_DAY + 1)));
    expect(result.status).toBe(429);
    const retryAt = /submit again at (\S+Z)/.exec(result.message)?.[1] as string;
    expect(result.message).toContain(`${SUBMISSIONS_PER_DAY} submissions in the last 24 hours`);
    // The first submission leaves the window 24 hours after it was made.
    expect(Date.parse(retryAt) - started).toBeGreaterThan(24 * 3600_000 - 60_000);
    expect(Date.parse(retryAt) - started).toBeLessThan(24 * 3600_000 + 60_000);
    expect(await member.submission.mine.query()).toHaveLength(SUBMISSIONS_PER_DAY);
  });

  it("does not limit coordinators and administrators", async () => {
    for (let i = 1; i <= SUBMISSIONS_PER_DAY + 1; i++)
      await admin.submission.create.mutate({ kind: "organisation", record: { ...orgProposal(i) } });
  });

  it("still counts after a restart (the count is in the database)", async () => {
    await server.close();
    server = await startTestServer(dataDir, databasePath);
    const again = sessionClientFor(server.url);
    await again.auth.login.mutate({ email: MEMBER.email, password: MEMBER.password });
    const result = await failure(again.submission.create.mutate(proposal(99)));
    expect(result.status).toBe(429);
  });
});

function orgProposal(i: number) {
  return {
    id: `admin-forslag-${i}`,
    name: `Admin förslag ${i}`,
    kind: "association" as const,
    summary: { sv: "Om", en: "About" },
    regions: [],
    national: false,
    topics: [],
    skills: [],
    sources: ["https://example.org/s"],
  };
}
