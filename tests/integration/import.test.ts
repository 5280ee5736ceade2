/**
 * Pins the import on a real SQLite file: a preview of what is created, changed and left alone; one transaction;
 * idempotent (the same files again change nothing); and every malformed file (bad UTF-8, wrong columns, unknown
 * references, duplicate ids, huge fields, bad JSON) refused with file, line and column, leaving the database exactly
 * as it was. Also the command itself, and the server serving what was imported.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openStore } from "../../server/http/server";
import { ImportError, MAX_FIELD_CHARS } from "../../server/import/records";
import { type ImportFile, runImport } from "../../server/import/run-import";
import type { Store } from "../../server/store/store";
import { smallDataset, tempDatabasePath, writeDataDir } from "../fixtures/dataset";
import { clientFor, startTestServer } from "./server-helpers";

const dataDir = writeDataDir(smallDataset());
const stores: Store[] = [];
async function seededStore(path = tempDatabasePath()): Promise<Store> {
  const { store } = await openStore({ DATABASE_PATH: path, DATA_DIR: dataDir });
  stores.push(store);
  return store;
}
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

const file = (name: string, content: string | Uint8Array): ImportFile => ({
  name,
  bytes: typeof content === "string" ? new TextEncoder().encode(content) : content,
});
/** Everything in the database, to show a refused import changed nothing at all. */
const dump = (store: Store) =>
  JSON.stringify([
    store.db.raw.prepare("SELECT * FROM entity ORDER BY kind, id").all(),
    store.db.raw.prepare("SELECT * FROM reference ORDER BY 1, 2, 3, 4, 5").all(),
    store.db.raw.prepare("SELECT * FROM meta ORDER BY key").all(),
  ]);

const ORG_HEADER = "id,name,kind,summary_sv,summary_en,website,regions,national,topics,skills,sources";
const ORGS_CSV = [
  ORG_HEADER,
  'open-lab,Open Lab,association,"Ett labb, i Uppsala",A lab in Uppsala,https://openlab.example.org,03,false,open-data|participation,facilitation,https://openlab.example.org/om',
  "digidem-lab,Digidem Lab,cooperative,Demokratilabb,Democracy lab,,14,false,participation,facilitation|ux-design,https://example.org/source",
].join("\n");
const PROJECTS_JSON = JSON.stringify(
  {
    projects: [
      {
        id: "open-lab-pilot",
        name: "Open Lab Pilot",
        summary: { sv: "Pilot", en: "Pilot" },
        status: "active",
        lead: "open-lab",
        partners: ["digidem-lab"],
        topics: ["open-data"],
        skillsNeeded: [],
        regions: ["03"],
        national: false,
        sources: ["https://openlab.example.org/pilot"],
      },
    ],
  },
  null,
  2,
);

async function refused(store: Store, files: ImportFile[]): Promise<string> {
  const before = dump(store);
  let error: unknown;
  try {
    await runImport(store.db, files);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(ImportError);
  expect(dump(store)).toBe(before);
  return (error as ImportError).message;
}

describe("import", () => {
  it("previews, then writes creations and changes in one step, and a second run changes nothing", async () => {
    const store = await seededStore();
    const files = [file("orgs.csv", ORGS_CSV), file("projects.json", PROJECTS_JSON)];
    const before = dump(store);
    const dry = await runImport(store.db, files, { dryRun: true });
    expect(dump(store)).toBe(before);
    expect(dry.written).toBe(false);
    expect(dry.plan.counts).toEqual({ create: 2, change: 1, unchanged: 0 });
    expect(dry.plan.leftAlone).toBe(6); // the 3 other organisations, the funding call and the 2 projects
    expect(dry.preview.join("\n")).toContain('create organisation "open-lab" (orgs.csv:2)');
    expect(dry.preview.join("\n")).toContain('change organisation "digidem-lab": skills, summary (orgs.csv:3)');
    expect(dry.preview.join("\n")).toContain('create project "open-lab-pilot" (projects.json:3)');

    const done = await runImport(store.db, files);
    expect(done.written).toBe(true);
    expect(done.dataVersion).toBe(2);
    expect(await store.countEntities()).toMatchObject({ organisation: 5, project: 3 });
    const refs = store.db.raw
      .prepare("SELECT relation, to_id FROM reference WHERE from_id = 'open-lab-pilot' ORDER BY relation, to_id")
      .all();
    expect(refs).toEqual([
      { relation: "covers", to_id: "03" },
      { relation: "lead", to_id: "open-lab" },
      { relation: "partner", to_id: "digidem-lab" },
      { relation: "topic", to_id: "open-data" },
    ]);

    const after = dump(store);
    const again = await runImport(store.db, files);
    expect(again.written).toBe(false);
    expect(again.plan.counts).toEqual({ create: 0, change: 0, unchanged: 3 });
    expect(dump(store)).toBe(after);
  });

  it("rewrites an entity's references when it changes", async () => {
    const store = await seededStore();
    const moved = `${ORG_HEADER}\ndigidem-lab,Digidem Lab,cooperative,Om,About,,01|03,false,,,https://example.org/source`;
    await runImport(store.db, [file("move.csv", moved)]);
    const regions = store.db.raw
      .prepare("SELECT to_id FROM reference WHERE from_id = 'digidem-lab' AND relation = 'active-in' ORDER BY to_id")
      .all();
    expect(regions).toEqual([{ to_id: "01" }, { to_id: "03" }]);
  });

  it("refuses a file that is not UTF-8, naming line and column of the first bad byte", async () => {
    const latin1 = Uint8Array.from([
      ...new TextEncoder().encode(`${ORG_HEADER}\nlatin,F`),
      0xf6, // ö in Latin-1
      ...new TextEncoder().encode("rening,association,x,y,,,false,,,https://e.org\n"),
    ]);
    expect(await refused(await seededStore(), [file("latin1.csv", latin1)])).toMatch(
      /latin1\.csv:2:8: not valid UTF-8 \(byte 0xF6/,
    );
  });

  it("refuses wrong columns: unknown, missing, and rows of the wrong width", async () => {
    const store = await seededStore();
    expect(await refused(store, [file("a.csv", `${ORG_HEADER},colour\n`)])).toContain(
      'a.csv:1:12: column 12: unknown column "colour" for organisations',
    );
    expect(await refused(store, [file("b.csv", ORG_HEADER.replace(",sources", ""))])).toContain(
      'b.csv:1:1: missing column "sources" for organisations',
    );
    expect(await refused(store, [file("c.csv", `${ORG_HEADER}\nx,X,association`)])).toContain(
      "c.csv:2:4: 3 cells, but the header has 11 columns",
    );
    expect(await refused(store, [file("d.csv", "id,name\nx,y")])).toContain(
      "d.csv:1:1: cannot tell what this file holds",
    );
  });

  it("refuses unknown references, naming the field and the missing entity", async () => {
    const message = await refused(await seededStore(), [
      file("p.json", PROJECTS_JSON.replace('"digidem-lab"', '"ghost-org"').replace('"03"', '"99"')),
    ]);
    expect(message).toContain('p.json:11:15: project "open-lab-pilot", lead: unknown organisation "open-lab"');
    expect(message).toContain('p.json:13:9: project "open-lab-pilot", partners.0: unknown organisation "ghost-org"');
    expect(message).toContain('p.json:20:9: project "open-lab-pilot", regions.0: unknown län "99"');
  });

  it("refuses duplicate ids across files, naming both places", async () => {
    const message = await refused(await seededStore(), [file("one.csv", ORGS_CSV), file("two.csv", ORGS_CSV)]);
    expect(message).toContain('two.csv:2:1: organisation "open-lab": duplicate id (first at one.csv:2)');
  });

  it("refuses huge fields in CSV and JSON", async () => {
    const store = await seededStore();
    const huge = "x".repeat(20_000);
    expect(
      await refused(store, [file("h.csv", `${ORG_HEADER}\nh,${huge},association,x,y,,,false,,,https://e.org`)]),
    ).toContain(`h.csv:2:2: column 2 (name): 20000 characters, more than the limit of ${MAX_FIELD_CHARS}`);
    expect(
      await refused(store, [file("h.json", PROJECTS_JSON.replace('"Open Lab Pilot"', JSON.stringify(huge)))]),
    ).toContain("h.json:5:15: projects.0.name: 20000 characters");
  });

  it("refuses invalid values and broken JSON with line and column", async () => {
    const store = await seededStore();
    const bad = `${ORG_HEADER}\nBad Id,Bad,club,x,y,notaurl,,maybe,,,https://e.org`;
    const message = await refused(store, [file("bad.csv", bad)]);
    expect(message).toContain("bad.csv:2:8: column 8 (national): must be true or false");
    expect(message).toContain('bad.csv:2:1: organisation "Bad Id", column 1 (id): must be a lower-case slug');
    expect(message).toContain('bad.csv:2:6: organisation "Bad Id", column 6 (website): must be an http(s) URL');
    expect(await refused(store, [file("s.json", '{\n  "projects": [\n    {"id": "x",, }\n  ]\n}')])).toContain(
      's.json:3:16: not valid JSON: expected a string in double quotes, found ","',
    );
    expect(await refused(store, [file("u.json", '{"topics": []}')])).toContain('u.json:1:12: unknown list "topics"');
    expect(await refused(store, [file("x.txt", "hello")])).toContain('x.txt:1:1: unknown file type ".txt"');
  });

  it("runs as a command: exit 0 and a preview, or exit 1 naming the file and line, and the server serves the result", async () => {
    const dir = mkdtempSync(join(tmpdir(), "partnerkartan-import-"));
    const databasePath = join(dir, "db.sqlite");
    await (await seededStore(databasePath)).close();
    writeFileSync(join(dir, "orgs.csv"), ORGS_CSV);
    writeFileSync(join(dir, "bad.csv"), `${ORG_HEADER}\nok,Ok,association,x,y,,77,false,,,https://e.org`);
    const env = { ...process.env, DATABASE_PATH: databasePath, DATA_DIR: dataDir };
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ["--import", "tsx", "server/cli/import.ts", ...args], { env, encoding: "utf8" });

    const bad = run(join(dir, "bad.csv"));
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain(
      `${join(dir, "bad.csv")}:2:7: organisation "ok", column 7 (regions): unknown län "77"`,
    );
    expect(bad.stderr).toContain("nothing was written");

    const ok = run(join(dir, "orgs.csv"));
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain("1 to create, 1 to change, 0 unchanged");
    expect(ok.stdout).toContain("data version 1 → 2");
    expect(run().status).toBe(2);

    const server = await startTestServer(dataDir, databasePath);
    try {
      const details = await clientFor(server.url).node.byId.query({ id: "organisation:open-lab" });
      expect(details.node.label.sv).toBe("Open Lab");
    } finally {
      await server.close();
    }
  });
});
