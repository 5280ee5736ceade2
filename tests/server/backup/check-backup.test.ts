/** Pins what a restore refuses before touching the store: a damaged file, a newer schema, a store the graph cannot load. */
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkBackup, InvalidBackupError } from "../../../server/backup/check-backup";
import { restoreStore } from "../../../server/backup/restore-store";
import { takeBackup } from "../../../server/backup/take-backup";
import { MIGRATIONS } from "../../../server/store/migrations";
import { Store } from "../../../server/store/store";
import { smallDataset, tempDatabasePath } from "../../fixtures/dataset";

async function goodBackup(): Promise<string> {
  const path = tempDatabasePath();
  const store = new Store(path);
  await store.importDataset(smallDataset(), "seed");
  await store.close();
  const out = `${path}.backup`;
  await takeBackup(path, out);
  return out;
}

describe("checkBackup", () => {
  it("accepts a backup of a seeded store and says what it holds", async () => {
    const checked = await checkBackup(await goodBackup());
    expect(checked).toMatchObject({ schemaVersion: MIGRATIONS.length, dataVersion: 1 });
    expect(checked.nodes).toBeGreaterThan(5);
  });

  it("refuses a file that is not SQLite, or is damaged", async () => {
    const text = `${tempDatabasePath()}.txt`;
    writeFileSync(text, "not a database at all, just some text that is long enough to look like a header".repeat(20));
    await expect(checkBackup(text)).rejects.toThrow(InvalidBackupError);
    const damaged = await goodBackup();
    const bytes = readFileSync(damaged);
    // Scribble over the second page onwards (tables' b-trees), leaving the header readable.
    bytes.fill(0x5a, 4096, bytes.length - 1);
    writeFileSync(damaged, bytes);
    await expect(checkBackup(damaged)).rejects.toThrow(/integrity check|not a readable SQLite database|malformed/);
  });

  it("refuses a schema newer than this program knows, naming both versions", async () => {
    const file = await goodBackup();
    const store = new Store(file);
    store.db.raw.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    await store.close();
    await expect(checkBackup(file)).rejects.toThrow(
      new RegExp(`schema version ${MIGRATIONS.length + 1}, newer than this program knows \\(${MIGRATIONS.length}\\)`),
    );
  });

  it("refuses a store the graph cannot load, and leaves the current store untouched", async () => {
    const file = await goodBackup();
    const store = new Store(file);
    // A record changed by hand to name a topic that does not exist.
    store.db.raw
      .prepare(
        "UPDATE entity SET data = json_set(data, '$.topics', json('[\"no-such-topic\"]')), version = version + 1 WHERE kind = 'project'",
      )
      .run();
    await store.close();
    await expect(checkBackup(file)).rejects.toThrow(/The graph cannot load .*no-such-topic/);
    const target = tempDatabasePath();
    copyFileSync(await goodBackup(), target);
    const before = readFileSync(target);
    await expect(restoreStore(file, target)).rejects.toThrow(InvalidBackupError);
    expect(readFileSync(target).equals(before)).toBe(true);
  });
});
