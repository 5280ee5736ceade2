/**
 * The store's one executor (store/database.ts) on both databases: `?` placeholders compiled per dialect, ambient
 * transactions that commit or roll back as a whole, savepoints for nested ones, and bulk inserts. PostgreSQL runs in
 * a throw-away cluster (tests/fixtures/postgres.ts); without PostgreSQL its half is skipped and says so.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Db, openDatabase, openPostgresDatabase } from "../../../server/store/database";
import { tempDatabasePath } from "../../fixtures/dataset";
import { type PostgresCluster, skipWithoutPostgres, startPostgres } from "../../fixtures/postgres";

const skipPostgres = skipWithoutPostgres();
let cluster: PostgresCluster | undefined;
const open: Db[] = [];

beforeAll(async () => {
  if (!skipPostgres) cluster = await startPostgres();
}, 60_000);
afterAll(async () => {
  for (const db of open.splice(0)) await db.close();
  cluster?.stop();
});

const dialects: { name: string; skip: boolean; open: () => Db }[] = [
  { name: "SQLite", skip: false, open: () => openDatabase(tempDatabasePath()) },
  {
    name: "PostgreSQL",
    skip: skipPostgres,
    open: () => openPostgresDatabase((cluster as PostgresCluster).url),
  },
];

let tables = 0;
async function scratch(db: Db): Promise<string> {
  const table = `scratch_${++tables}`;
  await db.run(`CREATE TABLE ${table} (id INTEGER PRIMARY KEY, name TEXT NOT NULL)`);
  return table;
}

for (const dialect of dialects) {
  describe.skipIf(dialect.skip)(`Db on ${dialect.name}`, () => {
    const db = () => {
      const opened = dialect.open();
      open.push(opened);
      return opened;
    };

    it("binds ? placeholders in order, and reads rows back", async () => {
      const d = db();
      const table = await scratch(d);
      await d.run(`INSERT INTO ${table} (id, name) VALUES (?, ?), (?, ?)`, 1, "ett", 2, "två");
      expect(await d.all(`SELECT id, name FROM ${table} WHERE id >= ? ORDER BY id`, 1)).toEqual([
        { id: 1, name: "ett" },
        { id: 2, name: "två" },
      ]);
      expect(await d.get(`SELECT name FROM ${table} WHERE id = ?`, 2)).toEqual({ name: "två" });
      expect(await d.get(`SELECT name FROM ${table} WHERE id = ?`, 3)).toBeUndefined();
      expect((await d.run(`UPDATE ${table} SET name = ? WHERE id > ?`, "x", 0)).changes).toBe(2);
    });

    it("commits a transaction whole, and rolls back a failed one whole", async () => {
      const d = db();
      const table = await scratch(d);
      await d.transaction(async () => {
        await d.run(`INSERT INTO ${table} (id, name) VALUES (?, ?)`, 1, "kept");
      });
      await expect(
        d.transaction(async () => {
          await d.run(`INSERT INTO ${table} (id, name) VALUES (?, ?)`, 2, "lost");
          throw new Error("refused");
        }),
      ).rejects.toThrow("refused");
      expect(await d.all(`SELECT name FROM ${table} ORDER BY id`)).toEqual([{ name: "kept" }]);
    });

    it("makes a nested transaction a savepoint: a caught failure undoes only its own writes", async () => {
      const d = db();
      const table = await scratch(d);
      await d.transaction(async () => {
        await d.run(`INSERT INTO ${table} (id, name) VALUES (?, ?)`, 1, "outer");
        await d
          .transaction(async () => {
            await d.run(`INSERT INTO ${table} (id, name) VALUES (?, ?)`, 2, "inner");
            throw new Error("inner refused");
          })
          .catch(() => undefined);
        expect(d.inTransaction).toBe(true);
      });
      expect(d.inTransaction).toBe(false);
      expect(await d.all(`SELECT name FROM ${table} ORDER BY id`)).toEqual([{ name: "outer" }]);
    });

    it("inserts many rows at once, in one transaction", async () => {
      const d = db();
      const table = await scratch(d);
      const rows = Array.from({ length: 2500 }, (_, i) => [i, `name-${i}`]);
      await d.transaction(() => d.insertRows(`INSERT INTO ${table} (id, name)`, rows));
      const count = await d.get<{ n: number | string }>(`SELECT count(*) AS n FROM ${table}`);
      expect(Number(count?.n)).toBe(2500);
    });
  });
}

describe.skipIf(skipPostgres)("Db on PostgreSQL, several connections", () => {
  it("keeps an open transaction's writes from other connections until it commits", async () => {
    const d = openPostgresDatabase((cluster as PostgresCluster).url);
    open.push(d);
    const table = await scratch(d);
    let seenInside: unknown[] = [];
    await d.transaction(async () => {
      await d.run(`INSERT INTO ${table} (id, name) VALUES (?, ?)`, 1, "pending");
      // Outside the ambient transaction: another pool connection, which must not see the uncommitted row.
      seenInside = await d.kysely.selectFrom(table).selectAll().execute();
    });
    expect(seenInside).toEqual([]);
    expect(await d.all(`SELECT name FROM ${table}`)).toEqual([{ name: "pending" }]);
  });
});
