/**
 * The civictech.se sync end to end on a real store seeded from data/: preview, write in one transaction, a second
 * run that changes nothing, and not one person from the fixture (contact blocks, forms, mailto partners) anywhere in
 * the store, its change log or the printed preview.
 */
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseSyncArgs, runSyncCommand } from "../../server/cli/sync-civictech";
import { loadDataDir } from "../../server/store/load-data-dir";
import { Store } from "../../server/store/store";
import { tempDatabasePath } from "../fixtures/dataset";

const FIXTURE = join(import.meta.dirname, "../fixtures/civictech-site");
const COMMIT = "0123456789abcdef0123456789abcdef01234567";
const PERSONAL = ["Anna", "Exempelsson", "Bertil", "Påhittad", "Cecilia", "Doris", "@example", "070-123", "mailto"];

describe("npm run sync:civictech", () => {
  let checkout: string;
  let database: string;
  const saved = { ...process.env };
  beforeAll(async () => {
    checkout = mkdtempSync(join(tmpdir(), "civictech-"));
    cpSync(FIXTURE, checkout, { recursive: true });
    mkdirSync(join(checkout, ".git/refs/heads"), { recursive: true });
    writeFileSync(join(checkout, ".git/HEAD"), "ref: refs/heads/main\n");
    writeFileSync(join(checkout, ".git/refs/heads/main"), `${COMMIT}\n`);
    database = tempDatabasePath();
    const store = new Store(database);
    await store.importDataset(loadDataDir("data"), "seed");
    await store.close();
    process.env.DATABASE_PATH = database;
    process.env.DATA_DIR = "data";
  });
  afterAll(async () => {
    process.env = saved;
  });

  const everything = async () => {
    const store = new Store(database);
    try {
      const rows = store.db.raw.prepare("SELECT kind, id, data, version FROM entity ORDER BY kind, id").all();
      const log = store.db.raw.prepare("SELECT * FROM change").all();
      return { rows, log, dataVersion: (await store.info()).dataVersion };
    } finally {
      await store.close();
    }
  };

  it("previews without writing, then writes, and a second run changes nothing", async () => {
    const before = await everything();
    const lines: string[] = [];
    const preview = await runSyncCommand(parseSyncArgs([checkout, "--dry-run"]), (l) => lines.push(l));
    expect(preview.written).toBe(false);
    expect(await everything()).toEqual(before);
    expect(lines[0]).toContain(`Dry run: would sync civictech.se at ${COMMIT}`);
    // The seed's events are matched by the files their sources cite: re-pinned, never duplicated.
    const changed = preview.plan.changes.filter((c) => c.action === "change").map((c) => c.write.record.id);
    expect(changed).toEqual(expect.arrayContaining(["civic-tech-goteborg-hackathon-2", "digidem-lab", "egenmakt"]));
    const pinned = `https://github.com/civictechsweden/civictech.se/blob/${COMMIT}/_events/hackathon-2.md`;
    const old =
      "https://github.com/civictechsweden/civictech.se/blob/42e82f27aa3d2ec8ea418843516924a47e324444/_events/hackathon-2.md";
    // Field by field: what a list gains and loses.
    expect(
      lines.some((l) => /^\s+sources: \+ /.test(l) && l.includes(`+ "${pinned}"`) && l.includes(`- "${old}"`)),
    ).toBe(true);
    expect(preview.plan.counts.create).toBe(0);

    const written = await runSyncCommand(parseSyncArgs([checkout]), (l) => lines.push(l));
    expect(written.written).toBe(true);
    const after = await everything();
    expect(after.dataVersion).toBe(before.dataVersion + 1);
    const hackathon = after.rows.find((r) => (r as { id: string }).id === "civic-tech-goteborg-hackathon-2") as {
      data: string;
    };
    // Each source re-pinned in its stored place (a reorder would be a change of nothing).
    expect(JSON.parse(hackathon.data).sources).toEqual([
      `https://github.com/civictechsweden/civictech.se/blob/${COMMIT}/_events/hackathon-2.md`,
      `https://github.com/civictechsweden/civictech.se/blob/${COMMIT}/_events/hackathon-2-en.md`,
    ]);

    const again = await runSyncCommand(parseSyncArgs([checkout]), (l) => lines.push(l));
    expect(again.written).toBe(false);
    expect(again.plan.counts).toMatchObject({ create: 0, change: 0 });
    expect(await everything()).toEqual(after);

    const text = JSON.stringify(after) + lines.join("\n");
    for (const word of PERSONAL) expect(text).not.toContain(word);
  });

  it("refuses a checkout without a commit, and bad arguments, naming them", async () => {
    expect(() => parseSyncArgs([])).toThrow(/no checkout given/);
    expect(() => parseSyncArgs([checkout, "--commit", "abc"])).toThrow(/--commit: "abc" is not a commit/);
    await expect(runSyncCommand(parseSyncArgs([FIXTURE]), () => {})).rejects.toThrow(/commit is unknown/);
  });
});
