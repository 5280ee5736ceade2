/** The store: the only module that reads or writes the database. Every write runs in one transaction. */
import { randomBytes } from "node:crypto";
import type { Dataset, DatasetPart } from "../../shared/schema/dataset";
import { DATASET_FILES } from "../../shared/schema/dataset";
import { AccountTokenStore } from "./account-tokens";
import { AccountStore } from "./accounts";
import { ContactRequestStore } from "./contact-requests";
import { ADVISORY_LOCKS, type Db, migratePostgres, openDatabase, openPostgresDatabase } from "./database";
import { EntityStore } from "./entities";
import { type EntityKind, KIND_OF_PART } from "./entity-kind";
import { LayoutCache } from "./layout-cache";
import { MailStore } from "./mail";
import { OwnershipClaimStore } from "./ownership-claims";
import { referencesOf } from "./references";
import { SessionStore } from "./sessions";
import { ShortlistStore } from "./shortlists";
import { SubmissionStore } from "./submissions";

export interface StoreInfo {
  /** Grows by one with every write; caches keyed by it (layouts, exports) stay valid until it moves. */
  dataVersion: number;
  /** "seed" for the real data set, "synthetic" for a generated one. */
  origin: string | undefined;
  seededAt: string | undefined;
}

type AnyRecord = { id?: string; code?: string; synthetic?: true };

/** An entity written since some journal position: its record now, or null if it is gone. */
export interface WrittenEntity {
  kind: EntityKind;
  id: string;
  record: unknown;
}

export class Store {
  readonly db: Db;
  /** Layout positions computed on the server, reused until the data version moves. */
  readonly layouts: LayoutCache;
  readonly accounts: AccountStore;
  readonly sessions: SessionStore;
  /** The single-use tokens behind the links in mail. */
  readonly tokens: AccountTokenStore;
  /** People's writes to projects and organisations, with the change log. */
  readonly entities: EntityStore;
  readonly submissions: SubmissionStore;
  /** Projects' shortlists of organisations to contact. */
  readonly shortlists: ShortlistStore;
  /** The mail queue and outbox. */
  readonly mail: MailStore;
  /** Contact requests between projects and organisations, with reports of abuse. */
  readonly contacts: ContactRequestStore;
  /** Claims of organisations' profiles, waiting for a coordinator. */
  readonly claims: OwnershipClaimStore;

  /**
   * `path` names the store in messages: the SQLite file, or for PostgreSQL the URL without its password. `db` is
   * given for PostgreSQL (see Store.open); without it the SQLite file at `path` is opened.
   */
  constructor(
    readonly path: string,
    db?: Db,
  ) {
    this.db = db ?? openDatabase(path);
    this.layouts = new LayoutCache(this.db);
    this.accounts = new AccountStore(this.db);
    this.sessions = new SessionStore(this.db);
    this.tokens = new AccountTokenStore(this.db);
    this.entities = new EntityStore(this.db);
    this.submissions = new SubmissionStore(this.db, this.entities);
    this.shortlists = new ShortlistStore(this.db);
    this.mail = new MailStore(this.db);
    this.contacts = new ContactRequestStore(this.db);
    this.claims = new OwnershipClaimStore(this.db);
  }

  /** Opens the store at a file path, or on PostgreSQL for a postgres:// URL (DATABASE_URL), its schema up to date. */
  static async open(location: string): Promise<Store> {
    if (!isPostgresUrl(location)) return new Store(location);
    const db = openPostgresDatabase(location);
    try {
      await migratePostgres(db);
    } catch (error) {
      await db.close();
      throw error;
    }
    return new Store(redactedUrl(location), db);
  }

  async info(): Promise<StoreInfo> {
    const rows = await this.db.all<{ key: string; value: string }>(
      "SELECT key, value FROM meta WHERE key IN ('data_version', 'origin', 'seeded_at')",
    );
    const get = (key: string) => rows.find((r) => r.key === key)?.value;
    return { dataVersion: Number(get("data_version") ?? 0), origin: get("origin"), seededAt: get("seeded_at") };
  }

  /**
   * The secret device cookies are signed with (auth/device-cookie.ts): made once, kept in meta, so that every
   * instance and every restart honour the same cookies. The first instance to ask makes it; the others read it.
   */
  async deviceCookieSecret(): Promise<Buffer> {
    await this.db.run(
      "INSERT INTO meta (key, value) VALUES ('device_cookie_secret', ?) ON CONFLICT (key) DO NOTHING",
      randomBytes(32).toString("hex"),
    );
    const row = await this.db.get<{ value: string }>("SELECT value FROM meta WHERE key = 'device_cookie_secret'");
    return Buffer.from(row?.value ?? "", "hex");
  }

  async isSeeded(): Promise<boolean> {
    return (await this.info()).seededAt !== undefined;
  }

  /**
   * Writes a whole, already validated data set in one transaction and marks the store as seeded.
   * Entities are inserted before any reference, so the order of the lists does not matter.
   */
  async importDataset(data: Dataset, origin: "seed" | "synthetic"): Promise<void> {
    const setMeta =
      "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value";
    const parts = Object.keys(DATASET_FILES) as DatasetPart[];
    await this.db.transaction(async () => {
      // Instances starting together on one PostgreSQL database: one seeds, the others find it seeded.
      if (this.db.dialect === "postgres") await this.db.run("SELECT pg_advisory_xact_lock(?)", ADVISORY_LOCKS.seed);
      if (await this.isSeeded()) throw new Error(`The store at ${this.path} already holds a data set.`);
      for (const part of parts) {
        const kind = KIND_OF_PART[part];
        await this.db.insertRows(
          "INSERT INTO entity (kind, id, data, synthetic)",
          (data[part] as AnyRecord[]).map((record) => [
            kind,
            record.code ?? record.id,
            JSON.stringify(record),
            record.synthetic ? 1 : 0,
          ]),
        );
      }
      for (const part of parts) {
        const kind = KIND_OF_PART[part];
        await this.db.insertRows(
          "INSERT INTO reference (from_kind, from_id, relation, to_kind, to_id)",
          (data[part] as AnyRecord[]).flatMap((record) =>
            referencesOf(kind, record).map((ref) => [
              kind,
              record.code ?? record.id,
              ref.relation,
              ref.toKind,
              ref.toId,
            ]),
          ),
        );
      }
      await this.db.run(setMeta, "origin", origin);
      await this.db.run(setMeta, "seeded_at", new Date().toISOString());
      await this.db.run(setMeta, "data_version", String((await this.info()).dataVersion + 1));
    });
  }

  /**
   * The whole data set and the journal position it reflects (see readWrittenSince), read in one transaction so that
   * no write slips in between.
   */
  readDatasetAt(): Promise<{ data: Dataset; writeSeq: number }> {
    return this.db.transaction(async () => ({ data: await this.readDataset(), writeSeq: await this.lastWriteSeq() }), {
      readOnly: true,
    });
  }

  /** The journal position of the latest entity write (0 before any). */
  async lastWriteSeq(): Promise<number> {
    const row = await this.db.get<{ seq: number }>("SELECT coalesce(max(seq), 0) AS seq FROM entity_write");
    return Number(row?.seq ?? 0);
  }

  /**
   * The entities written after journal position `seq`, each once with its record as it is now (null when deleted or
   * soft-deleted), and the position this reflects: what a running server needs to bring its read model up to date.
   */
  readWrittenSince(seq: number): Promise<{ written: WrittenEntity[]; writeSeq: number }> {
    // One statement, so one snapshot even at READ COMMITTED (inside a writer's transaction): the position returned is
    // the newest among the rows read, never a separate max() that could see a write the rows did not.
    return this.db.transaction(
      async () => {
        const rows = await this.db.all<{ kind: EntityKind; id: string; seq: number | string; data: string | null }>(
          `SELECT w.kind, w.id, w.seq, e.data
           FROM (SELECT kind, id, max(seq) AS seq FROM entity_write WHERE seq > ? GROUP BY kind, id) w
           LEFT JOIN entity e ON e.kind = w.kind AND e.id = w.id AND e.deleted_at IS NULL`,
          seq,
        );
        let writeSeq = seq;
        for (const row of rows) writeSeq = Math.max(writeSeq, Number(row.seq));
        return {
          written: rows.map(({ kind, id, data }) => ({ kind, id, record: data === null ? null : JSON.parse(data) })),
          writeSeq,
        };
      },
      { readOnly: true },
    );
  }

  /** Reads every entity back as the records they were written as. */
  async readDataset(): Promise<Dataset> {
    const data: Dataset = {
      regions: [],
      topics: [],
      skills: [],
      organisations: [],
      fundingCalls: [],
      projects: [],
      events: [],
    };
    const partOfKind = Object.fromEntries(Object.entries(KIND_OF_PART).map(([part, kind]) => [kind, part])) as Record<
      EntityKind,
      DatasetPart
    >;
    const rows = await this.db.all<{ kind: EntityKind; data: string }>(
      "SELECT kind, data FROM entity WHERE deleted_at IS NULL ORDER BY kind, id",
    );
    for (const { kind, data: json } of rows) (data[partOfKind[kind]] as unknown[]).push(JSON.parse(json));
    return data;
  }

  async countEntities(): Promise<Record<EntityKind, number>> {
    const counts = { region: 0, topic: 0, skill: 0, organisation: 0, "funding-call": 0, project: 0, event: 0 };
    for (const row of await this.db.all<{ kind: EntityKind; n: number }>(
      "SELECT kind, count(*) AS n FROM entity WHERE deleted_at IS NULL GROUP BY kind",
    )) {
      counts[row.kind] = Number(row.n);
    }
    return counts;
  }

  close(): Promise<void> {
    return this.db.close();
  }
}

export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/** A PostgreSQL URL fit for logs and messages: the password is never printed. */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "postgres://(unreadable URL)";
  }
}
