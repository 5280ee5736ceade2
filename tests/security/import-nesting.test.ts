/**
 * Issue #14, item 12: deeply nested input is a 400 (or another 4xx), never a 500 from a stack overflow. Over real
 * HTTP: JSON import files nested 24 000 deep in lists, in objects, inside a record's field, and invalid as well as
 * valid, through admin.import (preview and import) and the command line, each refused naming file, line and column;
 * a CSV file full of brackets; and tRPC inputs nested as deep, in a POST body, a batch and a GET query.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CSRF_HEADER } from "../../server/http/cross-site-writes";
import type { RunningServer } from "../../server/http/server";
import { smallDataset, tempDatabasePath, writeDataDir } from "../fixtures/dataset";
import {
  createAccount,
  trpcFailure as failure,
  sessionClientFor,
  startTestServer,
} from "../integration/server-helpers";

const DEPTH = 24_000;
const root = join(import.meta.dirname, "..", "..");
const dataDir = writeDataDir(smallDataset());
const databasePath = tempDatabasePath();
let server: RunningServer;
let admin: ReturnType<typeof sessionClientFor>;

const lists = (n: number, inner = "1") => "[".repeat(n) + inner + "]".repeat(n);
const objects = (n: number, inner = "1") => '{"a":'.repeat(n) + inner + "}".repeat(n);

/** File name, text, and where (line:column) the first bracket too deep is. */
const FILES: [string, string, string][] = [
  ["lists.json", `{"projects":${lists(DEPTH)}}`, "1:32"],
  ["projects.json", lists(DEPTH), "1:21"],
  ["objects.json", objects(DEPTH), "1:101"],
  ["in-a-field.json", `{\n  "projects": [\n    {"id": "x", "summary": ${objects(DEPTH)}}\n  ]\n}`, "3:113"],
  ["invalid.json", `{"projects":[{"id":"x","summary":${lists(DEPTH)}]}`, "1:51"],
];

beforeAll(async () => {
  server = await startTestServer(dataDir, databasePath);
  const account = await createAccount(server.store, "administrator", "admin");
  admin = sessionClientFor(server.url);
  await admin.auth.login.mutate({ email: account.email, password: account.password });
});
afterAll(async () => {
  await server?.close();
});

describe("an import nested 24 000 deep", () => {
  it.each(FILES)("%s: 400 naming file, line and column, in the preview and the import", async (name, text, at) => {
    const version = (await server.store.info()).dataVersion;
    for (const dryRun of [true, false]) {
      const { status, message } = await failure(admin.admin.import.mutate({ files: [{ name, text }], dryRun }));
      expect({ status, message }).toMatchObject({
        status: 400,
        message: expect.stringContaining(`${name}:${at}: nested more than 20 levels deep`),
      });
    }
    expect(await (await server.store.info()).dataVersion).toBe(version);
  });

  it("a CSV file of brackets is refused as such, not by a crash", async () => {
    const header = "id,name,kind,summary_sv,summary_en,regions,national,topics,skills,sources";
    const text = `${header}\n${lists(4_000)},x,association,a,b,,false,,,https://example.org`;
    const { status, message } = await failure(
      admin.admin.import.mutate({ files: [{ name: "orgs.csv", text }], dryRun: true }),
    );
    expect({ status, message }).toMatchObject({ status: 400, message: expect.stringMatching(/orgs\.csv:2:1: /) });
  });

  it("from the command line: exit 1 naming file, line and column, no stack trace", async () => {
    const dir = mkdtempSync(join(tmpdir(), "partnerkartan-deep-"));
    const path = join(dir, "deep.json");
    writeFileSync(path, `{"projects":${lists(DEPTH)}}`);
    const run = spawnSync(process.execPath, ["--import", "tsx", join(root, "server/cli/import.ts"), path], {
      cwd: root,
      env: { ...process.env, DATABASE_PATH: databasePath, DATA_DIR: dataDir },
      encoding: "utf8",
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${path}:1:32: nested more than 20 levels deep`);
    expect(run.stderr).not.toMatch(/RangeError|call stack/);
  });
});

describe("tRPC inputs nested 24 000 deep", () => {
  const post = async (path: string, body: string) =>
    fetch(`${server.url}/trpc/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", [CSRF_HEADER]: "1" },
      body,
    });

  it.each([
    ["entity.create", `{"kind":"project","record":${lists(DEPTH)}}`],
    ["entity.create", lists(DEPTH)],
    ["auth.login", objects(DEPTH)],
    ["auth.login?batch=1", `{"0":${objects(DEPTH)}}`],
    ["admin.import", `{"files":[{"name":"a.json","text":"x","extra":${objects(DEPTH)}}],"dryRun":true}`],
  ])("POST %s: a 4xx", async (path, body) => {
    const response = await post(path, body);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });

  it("GET with a deep input: a 4xx, whether the URL is too long or not", async () => {
    for (const input of [lists(DEPTH), `{"q":"a","kinds":${lists(2_000)}}`, objects(1_500)]) {
      const response = await fetch(`${server.url}/trpc/search.query?input=${encodeURIComponent(input)}`);
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
    }
  });
});
