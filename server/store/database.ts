/**
 * The store's one executor: SQL text run through Kysely, so the same queries serve the embedded SQLite file and (with
 * DATABASE_URL) PostgreSQL. Queries keep `?` placeholders; each becomes a Kysely parameter, compiled per dialect.
 * A transaction is ambient (AsyncLocalStorage): every query a store method makes while one is open runs on its
 * connection, so store methods call each other inside a transaction as they did with better-sqlite3.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { Kysely, PostgresDialect, type RawBuilder, SqliteDialect, sql } from "kysely";
import pg from "pg";
import { MIGRATIONS, type Migration, type TableRebuild } from "./migrations";
import { POSTGRES_MIGRATIONS, RATE_LIMIT_TABLE_SQL } from "./postgres-migrations";

/** The raw better-sqlite3 handle: migrations and backups of the SQLite file use it directly. */
export type SqliteHandle = Database.Database;

export type DialectName = "sqlite" | "postgres";

// biome-ignore lint/suspicious/noExplicitAny: the queries are SQL text, not typed builder calls.
type AnyKysely = Kysely<any>;

interface OpenTransaction {
  connection: AnyKysely;
  savepoints: number;
}

/** `text` split at its `?` placeholders, cached: the same few hundred queries run again and again. */
const fragmentsOf = new Map<string, readonly string[]>();
function fragments(text: string): readonly string[] {
  let parts = fragmentsOf.get(text);
  if (parts === undefined) {
    parts = text.split("?");
    fragmentsOf.set(text, parts);
  }
  return parts;
}

export class Db {
  private readonly current = new AsyncLocalStorage<OpenTransaction>();

  constructor(
    readonly kysely: AnyKysely,
    readonly dialect: DialectName,
    /** Set for SQLite only. */
    readonly sqlite?: SqliteHandle,
    /** Set for PostgreSQL only: the pool behind Kysely, for LISTEN, locks held across transactions and migrations. */
    readonly pool?: pg.Pool,
  ) {}

  /**
   * A PostgreSQL connection of its own, outside the pool, for what holds one for long (LISTEN, the job lease): the
   * pool stays whole for requests. The caller connects and ends it.
   */
  dedicatedClient(): pg.Client {
    if (!this.pool) throw new Error("A dedicated connection needs a PostgreSQL database.");
    return new pg.Client(this.pool.options);
  }

  /** The raw SQLite handle, for tests and tools that read the file directly; throws on PostgreSQL. */
  get raw(): SqliteHandle {
    if (!this.sqlite) throw new Error("This store is PostgreSQL: there is no SQLite handle.");
    return this.sqlite;
  }

  /** The query builder for SQL text with `?` placeholders. */
  query<T>(text: string, params: readonly unknown[]): RawBuilder<T> {
    return sql<T>(fragments(text) as unknown as TemplateStringsArray, ...params);
  }

  /** The connection of the open transaction, or the pool. */
  private get executor(): AnyKysely {
    return this.current.getStore()?.connection ?? this.kysely;
  }

  /** Whether the caller runs inside a transaction of this database. */
  get inTransaction(): boolean {
    return this.current.getStore() !== undefined;
  }

  async all<T>(text: string, ...params: unknown[]): Promise<T[]> {
    return (await this.query<T>(text, params).execute(this.executor)).rows;
  }

  async get<T>(text: string, ...params: unknown[]): Promise<T | undefined> {
    return (await this.all<T>(text, ...params))[0];
  }

  /** A statement that returns no rows; `changes` is the number of rows it touched. */
  async run(text: string, ...params: unknown[]): Promise<{ changes: number }> {
    const result = await this.query(text, params).execute(this.executor);
    return { changes: Number(result.numAffectedRows ?? 0) };
  }

  /**
   * Inserts many rows: `head` is "INSERT INTO t (a, b)", each row one value per column. On SQLite one prepared
   * statement runs per row (synchronously, on the connection the caller's transaction holds); elsewhere rows go in
   * batches of multi-row VALUES. For bulk writes (seeding 100k entities), where a round trip per row would dominate.
   */
  async insertRows(head: string, rows: readonly (readonly unknown[])[]): Promise<void> {
    if (rows.length === 0) return;
    if (this.sqlite && this.inTransaction) {
      const insert = this.sqlite.prepare(`${head} VALUES (${rows[0]?.map(() => "?").join(", ")})`);
      for (const row of rows) insert.run(...row);
      return;
    }
    const width = rows[0]?.length ?? 1;
    const batch = Math.max(1, Math.floor(30_000 / width));
    for (let start = 0; start < rows.length; start += batch) {
      const slice = rows.slice(start, start + batch);
      const tuple = `(${Array(width).fill("?").join(", ")})`;
      await this.run(`${head} VALUES ${slice.map(() => tuple).join(", ")}`, ...slice.flat());
    }
  }

  /**
   * Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. Inside another transaction
   * it is a savepoint (as better-sqlite3's nested transactions were), so a caught failure undoes only its own writes.
   * On SQLite a writing transaction starts IMMEDIATE: it takes the write lock first, so two connections never deadlock
   * on an upgrade from read to write; a read-only one is DEFERRED and reads one snapshot (WAL). On PostgreSQL a
   * read-only transaction is REPEATABLE READ, READ ONLY: one snapshot for all its queries (a read model and the
   * journal position it reflects must come from the same moment). Writers are ordered where it matters by the
   * entity-write journal's own lock (postgres-migrations.ts, 4).
   */
  async transaction<T>(fn: () => Promise<T>, options: { readOnly?: boolean } = {}): Promise<T> {
    const open = this.current.getStore();
    if (open) return this.savepoint(open, fn);
    if (this.dialect === "postgres") {
      let builder = this.kysely.transaction();
      if (options.readOnly) builder = builder.setIsolationLevel("repeatable read").setAccessMode("read only");
      return builder.execute((trx) => this.current.run({ connection: trx, savepoints: 0 }, fn));
    }
    return this.kysely.connection().execute(async (connection) => {
      await (options.readOnly ? sql`BEGIN DEFERRED` : sql`BEGIN IMMEDIATE`).execute(connection);
      try {
        const result = await this.current.run({ connection, savepoints: 0 }, fn);
        await sql`COMMIT`.execute(connection);
        return result;
      } catch (error) {
        await sql`ROLLBACK`.execute(connection);
        throw error;
      }
    });
  }

  private async savepoint<T>(open: OpenTransaction, fn: () => Promise<T>): Promise<T> {
    const name = sql.raw(`sp_${++open.savepoints}`);
    await sql`SAVEPOINT ${name}`.execute(open.connection);
    try {
      const result = await fn();
      await sql`RELEASE SAVEPOINT ${name}`.execute(open.connection);
      return result;
    } catch (error) {
      await sql`ROLLBACK TO SAVEPOINT ${name}`.execute(open.connection);
      await sql`RELEASE SAVEPOINT ${name}`.execute(open.connection);
      throw error;
    }
  }

  async close(): Promise<void> {
    if (this.sqlite) {
      if (this.sqlite.open) this.sqlite.close();
      return;
    }
    await this.kysely.destroy();
  }
}

/**
 * The executor over a PostgreSQL pool (DATABASE_URL). Counts and bigints come back as text from pg; the store
 * converts what it reads with Number(). Call migratePostgres before use.
 */
export function openPostgresDatabase(url: string, poolSize = 10): Db {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client that loses its server (a restart, a failover) must not crash the process: the pool replaces it.
  pool.on("error", () => {});
  return new Db(new Kysely({ dialect: new PostgresDialect({ pool }) }), "postgres", undefined, pool);
}

/** Session-level advisory lock keys (pg_advisory_lock), one per purpose, the same in every instance. */
export const ADVISORY_LOCKS = {
  migrate: 720_001,
  seed: 720_002,
  /** Taken (per transaction) by the entity-write trigger: postgres-migrations.ts, 4. */
  journal: 720_003,
  /** The background jobs' lease: one instance at a time (jobs/job-lease.ts). */
  jobs: 720_004,
} as const;

/**
 * Brings a PostgreSQL schema up to date: the same version numbers as SQLite's user_version, kept in
 * schema_version. Under an advisory lock, so instances starting together migrate once; each migration in its own
 * transaction. A schema newer than this program is refused, as on SQLite.
 */
export async function migratePostgres(db: Db): Promise<void> {
  if (!db.pool) throw new Error("migratePostgres needs a PostgreSQL database.");
  const client = await db.pool.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [ADVISORY_LOCKS.migrate]);
    await client.query("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
    const row = (await client.query<{ version: number }>("SELECT version FROM schema_version")).rows[0];
    const current = row?.version ?? 0;
    if (current > POSTGRES_MIGRATIONS.length)
      throw new Error(
        `Database schema version ${current} is newer than this program knows (${POSTGRES_MIGRATIONS.length}).`,
      );
    for (let version = current; version < POSTGRES_MIGRATIONS.length; version++) {
      await client.query("BEGIN");
      try {
        await client.query(POSTGRES_MIGRATIONS[version] as string);
        await client.query("DELETE FROM schema_version");
        await client.query("INSERT INTO schema_version (version) VALUES ($1)", [version + 1]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`PostgreSQL migration ${version + 1} failed: ${(error as Error).message}`, { cause: error });
      }
    }
    await client.query(RATE_LIMIT_TABLE_SQL);
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [ADVISORY_LOCKS.migrate]).catch(() => {});
    client.release();
  }
}

/** The schema version a database is at (SQLite's user_version, PostgreSQL's schema_version). */
export async function schemaVersion(db: Db): Promise<number> {
  if (db.sqlite) return db.sqlite.pragma("user_version", { simple: true }) as number;
  const row = await db.get<{ version: number }>("SELECT version FROM schema_version");
  return Number(row?.version ?? 0);
}

/** Opens the SQLite file with the settings every connection needs, brings its schema up to date, and wraps it. */
export function openDatabase(path: string): Db {
  const handle = openSqlite(path);
  return new Db(new Kysely({ dialect: new SqliteDialect({ database: handle }) }), "sqlite", handle);
}

/** The raw SQLite handle with the settings every connection needs, its schema up to date. */
export function openSqlite(path: string): SqliteHandle {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma("journal_mode = WAL");
  db.pragma("foreign_keys = ON");
  db.pragma("synchronous = NORMAL");
  db.pragma("busy_timeout = 5000");
  migrate(db);
  return db;
}

/** Applies the migrations the database has not seen, each in its own transaction. */
export function migrate(db: SqliteHandle): void {
  const current = db.pragma("user_version", { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(`Database schema version ${current} is newer than this program knows (${MIGRATIONS.length}).`);
  }
  for (let version = current; version < MIGRATIONS.length; version++) {
    const migration = MIGRATIONS[version] as Migration;
    if (typeof migration === "object") rebuildTable(db, migration, version + 1);
    else
      db.transaction(() => {
        if (typeof migration === "string") db.exec(migration);
        else migration(db);
        db.pragma(`user_version = ${version + 1}`);
      })();
  }
}

/**
 * A table rebuild with foreign keys off, set outside the transaction (SQLite ignores the pragma inside one), then
 * checked before commit: a row that would point nowhere rolls the whole migration back.
 */
function rebuildTable(db: SqliteHandle, migration: TableRebuild, version: number): void {
  const foreignKeys = db.pragma("foreign_keys", { simple: true }) as number;
  db.pragma("foreign_keys = OFF");
  try {
    db.transaction(() => {
      migration.rebuild(db);
      const broken = db.pragma("foreign_key_check") as { table: string; parent: string }[];
      if (broken.length > 0)
        throw new Error(
          `Migration ${version} would leave ${broken.length} rows pointing nowhere (first: ${broken[0]?.table} → ${broken[0]?.parent}); nothing was changed.`,
        );
      db.pragma(`user_version = ${version}`);
    })();
  } finally {
    db.pragma(`foreign_keys = ${foreignKeys ? "ON" : "OFF"}`);
  }
}
