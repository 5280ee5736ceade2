/** Versioned schema migrations, applied in order; PRAGMA user_version records how far a database has come. */
export const MIGRATIONS: readonly string[] = [
  // 1: entities as validated JSON documents, their references as rows the database checks (foreign keys).
  `
  CREATE TABLE entity (
    kind TEXT NOT NULL CHECK (kind IN ('region', 'topic', 'skill', 'organisation', 'funding-call', 'project')),
    id TEXT NOT NULL,
    data TEXT NOT NULL CHECK (json_valid(data)),
    synthetic INTEGER NOT NULL DEFAULT 0 CHECK (synthetic IN (0, 1)),
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY (kind, id)
  ) WITHOUT ROWID;

  CREATE TABLE reference (
    from_kind TEXT NOT NULL,
    from_id TEXT NOT NULL,
    relation TEXT NOT NULL,
    to_kind TEXT NOT NULL,
    to_id TEXT NOT NULL,
    PRIMARY KEY (from_kind, from_id, relation, to_kind, to_id),
    FOREIGN KEY (from_kind, from_id) REFERENCES entity (kind, id) ON DELETE CASCADE,
    FOREIGN KEY (to_kind, to_id) REFERENCES entity (kind, id)
  ) WITHOUT ROWID;
  CREATE INDEX reference_to ON reference (to_kind, to_id);

  CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) WITHOUT ROWID;
  `,
  // 2: computed layout positions of the full graph, one row per layout name, valid for one data version.
  `
  CREATE TABLE layout_cache (
    name TEXT PRIMARY KEY,
    data_version INTEGER NOT NULL,
    positions TEXT NOT NULL CHECK (json_valid(positions)),
    computed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
  ) WITHOUT ROWID;
  `,
];
