/**
 * Issue #14, item 11: names that deceive. Over real HTTP: bidi overrides, zero-width and control characters (NUL too)
 * are refused in entity fields, reasons, queries and display names, naming the field and the code point; text is
 * stored NFC-normalised; display names are unique case-, width- and invisible-insensitively, and role words are
 * reserved, at sign-up and when an administrator creates an account; an upgraded database whose old names collide
 * opens, keeping the oldest name and suffixing the others.
 */
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../server/http/server";
import { MIGRATIONS } from "../../server/store/migrations";
import { organisation, project, smallDataset, tempDatabasePath, writeDataDir } from "../fixtures/dataset";
import {
  createAccount,
  trpcFailure as failure,
  sessionClientFor,
  signUpVerified,
  startTestServer,
} from "../integration/server-helpers";

let server: RunningServer;
let admin: ReturnType<typeof sessionClientFor>;
let member: ReturnType<typeof sessionClientFor>;
const PASSWORD = "a long enough passphrase";

beforeAll(async () => {
  server = await startTestServer(writeDataDir(smallDataset()), tempDatabasePath());
  const a = await createAccount(server.store, "administrator", "Ada Lovelace");
  admin = sessionClientFor(server.url);
  await admin.auth.login.mutate({ email: a.email, password: a.password });
  member = sessionClientFor(server.url);
  await signUpVerified(server, { email: "maja@example.org", password: PASSWORD, displayName: "Maja Svensson" }, member);
});
afterAll(async () => {
  await server?.close();
});

const refusals: [string, Record<string, unknown>, string, string][] = [
  ["a right-to-left override in the name", { name: "Digidem \u202Ebal" }, "record.name", "U+202E"],
  ["NUL in the name", { name: "Digidem\u0000Lab" }, "record.name", "U+0000"],
  ["a zero-width space in the name", { name: "Digi\u200Bdem Lab" }, "record.name", "U+200B"],
  [
    "an isolate in the Swedish summary",
    { summary: { sv: "Om \u2067oss", en: "About" } },
    "record.summary.sv",
    "U+2067",
  ],
  ["a bell in the English summary", { summary: { sv: "Om", en: "About\u0007" } }, "record.summary.en", "U+0007"],
  ["an override in a source URL", { sources: ["https://example.org/\u202Egpj.exe"] }, "record.sources.0", "U+202E"],
  ["a line break in the name", { name: "Digidem\nLab" }, "record.name", "U+000A"],
];

describe("forbidden characters in entity fields", () => {
  it.each(refusals)("entity.create refuses %s, naming field and code point", async (_what, change, field, cp) => {
    const result = await failure(
      admin.entity.create.mutate({ kind: "organisation", record: organisation("x", change) }),
    );
    expect(result.status).toBe(400);
    expect(result.message).toContain(`field "${field}"`);
    expect(result.message).toContain(`(${cp})`);
  });

  it.each(refusals)("submission.create refuses %s", async (_what, change, field) => {
    const result = await failure(member.submission.create.mutate({ kind: "project", record: project("x", change) }));
    expect(result).toMatchObject({ status: 400, message: expect.stringContaining(`field "${field}"`) });
  });

  it("entity.update refuses them too, and nothing is written", async () => {
    const before = await admin.entity.get.query({ kind: "organisation", id: "digidem-lab" });
    const record = { ...before.record, name: "Digidem Lab\u202E" };
    const result = await failure(
      admin.entity.update.mutate({ kind: "organisation", record, expectedVersion: before.version } as never),
    );
    expect(result).toMatchObject({ status: 400, message: expect.stringContaining('field "record.name"') });
    expect(await admin.entity.get.query({ kind: "organisation", id: "digidem-lab" })).toEqual(before);
  });

  it("refuses them in reasons and search queries", async () => {
    const reject = await failure(admin.submission.reject.mutate({ id: 1, reason: "nej\u202E" }));
    expect(reject).toMatchObject({ status: 400, message: expect.stringContaining('field "reason"') });
    const search = await failure(member.search.query.query({ q: "data\u0000" }));
    expect(search).toMatchObject({ status: 400, message: expect.stringContaining('field "q"') });
  });

  it("stores text NFC-normalised, keeps emoji sequences and line breaks in summaries", async () => {
    const record = organisation("cafe-kollektivet", {
      name: "Cafe\u0301 Kollektivet 👩‍💻",
      summary: { sv: "A\u030Angermanlands kafe\u0301.\nAndra raden.", en: "A cafe\u0301." },
    });
    await admin.entity.create.mutate({ kind: "organisation", record });
    const { record: stored } = await admin.entity.get.query({ kind: "organisation", id: "cafe-kollektivet" });
    expect(stored.name).toBe("Caf\u00e9 Kollektivet 👩‍💻");
    expect(stored.summary).toEqual({ sv: "\u00c5ngermanlands kaf\u00e9.\nAndra raden.", en: "A caf\u00e9." });
    const hits = await member.search.query.query({ q: "Cafe\u0301" });
    expect(hits.map((h) => h.node.key)).toContain("organisation:cafe-kollektivet");
  });
});

describe("display names", () => {
  const signUp = (displayName: string, email = `${Math.random().toString(36).slice(2)}@example.org`) =>
    sessionClientFor(server.url).auth.signUp.mutate({ email, password: PASSWORD, displayName });

  it.each([
    ["a right-to-left override", "Maja\u202E", "U+202E"],
    ["a zero-width space", "Ma\u200Bja", "U+200B"],
    ["NUL", "Maja\u0000", "U+0000"],
    ["a left-to-right isolate", "\u2066Ada Lovelace", "U+2066"],
  ])("refuses %s at sign-up, naming the field", async (_what, name, cp) => {
    const result = await failure(signUp(name));
    expect(result.status).toBe(400);
    expect(result.message).toContain('field "displayName"');
    expect(result.message).toContain(`(${cp})`);
  });

  it.each([
    ["a zero-width space", "ma\u200Bja@example.org", "U+200B"],
    ["a right-to-left override", "maja\u202E@example.org", "U+202E"],
  ])(
    "refuses %s in the e-mail address at sign-up and sign-in, naming field and code point",
    async (_what, email, cp) => {
      const up = await failure(signUp("Someone New", email));
      expect(up.status).toBe(400);
      expect(up.message).toContain('field "email"');
      expect(up.message).toContain(`(${cp})`);
      const signIn = await failure(sessionClientFor(server.url).auth.login.mutate({ email, password: PASSWORD }));
      expect(signIn.status).toBe(400);
      expect(signIn.message).toContain(`(${cp})`);
    },
  );

  it("stores the name NFC-normalised", async () => {
    const email = "zoe@example.org";
    await signUp("Zoe\u0308 Saldan\u0303a", email);
    expect(await (await server.store.accounts.byEmail(email))?.displayName).toBe("Zo\u00eb Salda\u00f1a");
  });

  it.each(["MAJA SVENSSON", "maja svensson", "Maja  Svensson", "Ｍａｊａ Ｓｖｅｎｓｓｏｎ", "Maja Svensson\uFEFF"])(
    "refuses %j as a duplicate of Maja Svensson with 409 naming the field",
    async (name) => {
      const result = await failure(signUp(name));
      expect(result.status).toBe(409);
      expect(result.message).toContain('field "displayName"');
    },
  );

  it("applies the same rule when an administrator creates an account", async () => {
    const create = (displayName: string) =>
      admin.admin.createAccount.mutate({ email: "ny@example.org", password: PASSWORD, displayName, role: "member" });
    expect(await failure(create("maja SVENSSON"))).toMatchObject({
      status: 409,
      message: expect.stringContaining('field "displayName"'),
    });
    expect(await failure(create("Koordinator Kim"))).toMatchObject({
      status: 400,
      message: expect.stringContaining("reserved"),
    });
    expect(await create("Kim Koordinatorsson")).toMatchObject({ displayName: "Kim Koordinatorsson" });
  });

  it.each([
    "System",
    "admin",
    "Admin Anna",
    "Anna (admin)",
    "Administrator",
    "Administratör",
    "Koordinator",
    "Samordnare Sara",
    "Moderator",
    "Partnerkartan",
    "Civic Tech Sweden",
    "Ａｄｍｉｎ",
  ])("reserves %j", async (name) => {
    const result = await failure(signUp(name));
    expect(result.status).toBe(400);
    expect(result.message).toContain('field "displayName"');
    expect(result.message).toContain("is reserved");
  });
});

describe("an upgraded database whose old display names collide", () => {
  it("opens: the oldest keeps its name, the later ones are suffixed, and the rule holds from then on", async () => {
    const path = tempDatabasePath();
    const old = new Database(path);
    old.pragma("foreign_keys = ON");
    for (const sql of MIGRATIONS.slice(0, 4)) old.exec(sql as string);
    old.pragma("user_version = 4");
    const insert = old.prepare(
      "INSERT INTO account (email, display_name, password_hash, role) VALUES (?, ?, 'x', 'member')",
    );
    for (const [email, name] of [
      ["a@example.org", "Anna"],
      ["b@example.org", "ANNA"],
      ["c@example.org", "Bo"],
      ["d@example.org", "anna\u200B"],
      ["e@example.org", "Anna (2)"],
    ])
      insert.run(email, name);
    old.close();

    const upgraded = await startTestServer(writeDataDir(smallDataset()), path);
    try {
      const names = (await upgraded.store.accounts.list()).map((a) => a.displayName);
      expect(names).toEqual(["Anna", "ANNA (2)", "Bo", "anna\u200B (3)", "Anna (2) (2)"]);
      const a = await createAccount(upgraded.store, "administrator", "Ada Lovelace");
      const client = sessionClientFor(upgraded.url);
      await client.auth.login.mutate({ email: a.email, password: a.password });
      const clash = await failure(
        client.admin.createAccount.mutate({
          email: "f@example.org",
          password: PASSWORD,
          displayName: "bo",
          role: "member",
        }),
      );
      expect(clash.status).toBe(409);
    } finally {
      await upgraded.close();
    }
  });
});
