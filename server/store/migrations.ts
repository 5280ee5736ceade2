/**
 * Versioned schema migrations, applied in order; PRAGMA user_version records how far a database has come. A migration
 * is SQL, or a function when rows must be rewritten with logic SQL lacks (it runs in the same transaction), or a table
 * rebuild: a function run with foreign keys off (SQLite ignores that pragma inside a transaction, so migrate() sets it
 * around the transaction) and a foreign_key_check before commit.
 */
import { allowEventEntities } from "./allow-event-entities";
import type { SqliteHandle } from "./database";
import { uniqueDisplayNames } from "./unique-display-names";

/** A migration that drops and recreates a table others point at (to change a CHECK SQLite cannot alter). */
export interface TableRebuild {
  rebuild: (db: SqliteHandle) => void;
}

export type Migration = string | ((db: SqliteHandle) => void) | TableRebuild;

export const MIGRATIONS: readonly Migration[] = [
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
  // 3: accounts, sessions, ownership, the moderation queue and the change log; entities can be soft-deleted.
  `
  ALTER TABLE entity ADD COLUMN deleted_at TEXT;

  CREATE TABLE account (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE COLLATE NOCASE,
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('member', 'coordinator', 'administrator')),
    disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
  );

  -- Only a hash of the session token is kept, so a copy of the database does not sign anyone in.
  CREATE TABLE session (
    token_hash TEXT PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    expires_at TEXT NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX session_account ON session (account_id);

  CREATE TABLE ownership (
    account_id INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    id TEXT NOT NULL,
    PRIMARY KEY (account_id, kind, id),
    FOREIGN KEY (kind, id) REFERENCES entity (kind, id)
  ) WITHOUT ROWID;
  CREATE INDEX ownership_entity ON ownership (kind, id);

  CREATE TABLE submission (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('project', 'organisation')),
    entity_id TEXT NOT NULL,
    data TEXT NOT NULL CHECK (json_valid(data)),
    submitted_by INTEGER NOT NULL REFERENCES account (id),
    submitted_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
    decided_by INTEGER REFERENCES account (id),
    decided_at TEXT,
    reason TEXT
  );
  CREATE INDEX submission_status ON submission (status, submitted_at);
  CREATE UNIQUE INDEX submission_pending_id ON submission (kind, entity_id) WHERE status = 'pending';

  -- Append-only: every change to an entity with who, when, and the record before and after (NULL when absent).
  CREATE TABLE change (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    account_id INTEGER REFERENCES account (id),
    action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete', 'restore')),
    kind TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    before TEXT CHECK (before IS NULL OR json_valid(before)),
    after TEXT CHECK (after IS NULL OR json_valid(after)),
    note TEXT
  );
  CREATE INDEX change_entity ON change (kind, entity_id, id);
  CREATE TRIGGER change_append_only_update BEFORE UPDATE ON change BEGIN SELECT RAISE(ABORT, 'the change log is append-only'); END;
  CREATE TRIGGER change_append_only_delete BEFORE DELETE ON change BEGIN SELECT RAISE(ABORT, 'the change log is append-only'); END;
  `,
  // 4: a journal of which entity rows were written, in order, filled by triggers so that no write path can forget it.
  // A running server reads the keys written since it loaded and patches its read model instead of reloading it all.
  `
  CREATE TABLE entity_write (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    id TEXT NOT NULL
  );
  CREATE TRIGGER entity_write_insert AFTER INSERT ON entity BEGIN
    INSERT INTO entity_write (kind, id) VALUES (NEW.kind, NEW.id);
  END;
  CREATE TRIGGER entity_write_update AFTER UPDATE ON entity BEGIN
    INSERT INTO entity_write (kind, id) VALUES (NEW.kind, NEW.id);
  END;
  CREATE TRIGGER entity_write_delete AFTER DELETE ON entity BEGIN
    INSERT INTO entity_write (kind, id) VALUES (OLD.kind, OLD.id);
  END;
  `,
  // 5: optimistic concurrency (as HTTP If-Match, Rails lock_version). Every entity row carries a version that each
  // write moves by one; an edit names the version it was made from and is refused if the row has moved on. Each
  // change log entry records the version it produced, so a refusal can name the fields changed since. Existing rows
  // (and existing log entries) start at 1. The trigger makes a write path that forgets to move the version fail loudly.
  `
  ALTER TABLE entity ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
  ALTER TABLE change ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
  -- The coordinators' list of recent edits reads the log by time.
  CREATE INDEX change_at ON change (at);
  CREATE TRIGGER entity_version_moves BEFORE UPDATE OF data, deleted_at ON entity
    WHEN NEW.version <= OLD.version BEGIN
    SELECT RAISE(ABORT, 'every write to an entity must move its version');
  END;
  `,
  // 6: display names unique after folding case, width and invisible characters; colliding old names get " (2)".
  uniqueDisplayNames,
  // 7: a project's shortlist of organisations to contact, each with a note, who added it and when. The kind columns
  // are constant so that both ends are real foreign keys: a hard delete of either entity takes the entry with it. A
  // soft-deleted organisation stays listed (shown as gone); a soft-deleted project's list comes back on restore.
  `
  CREATE TABLE shortlist_entry (
    project_kind TEXT NOT NULL DEFAULT 'project' CHECK (project_kind = 'project'),
    project_id TEXT NOT NULL,
    organisation_kind TEXT NOT NULL DEFAULT 'organisation' CHECK (organisation_kind = 'organisation'),
    organisation_id TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 1000),
    added_by INTEGER REFERENCES account (id) ON DELETE SET NULL,
    added_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY (project_id, organisation_id),
    FOREIGN KEY (project_kind, project_id) REFERENCES entity (kind, id) ON DELETE CASCADE,
    FOREIGN KEY (organisation_kind, organisation_id) REFERENCES entity (kind, id) ON DELETE CASCADE
  ) WITHOUT ROWID;
  CREATE INDEX shortlist_entry_organisation ON shortlist_entry (organisation_kind, organisation_id);
  `,
  // 8: events are entities: the entity table is rebuilt with 'event' among the kinds its CHECK allows.
  { rebuild: allowEventEntities },
  // 9: e-mail. Accounts get a language for their mail, a verified address (accounts from before sign-up verification
  // count as verified: an administrator made them), a daily-digest switch and a removal mark (a removed account keeps
  // its row, pseudonymised, so the change log still joins). Single-use tokens for the links in mail, kept only as
  // SHA-256 hashes. The mail queue, which is also the outbox when no SMTP server is configured.
  `
  ALTER TABLE account ADD COLUMN language TEXT NOT NULL DEFAULT 'sv' CHECK (language IN ('sv', 'en'));
  ALTER TABLE account ADD COLUMN email_verified_at TEXT;
  UPDATE account SET email_verified_at = created_at;
  ALTER TABLE account ADD COLUMN digest INTEGER NOT NULL DEFAULT 1 CHECK (digest IN (0, 1));
  ALTER TABLE account ADD COLUMN removed_at TEXT;

  CREATE TABLE account_token (
    token_hash TEXT PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    purpose TEXT NOT NULL CHECK (purpose IN ('verify', 'reset', 'change-email')),
    -- The address a change-email token moves the account to.
    new_email TEXT,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    expires_at TEXT NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX account_token_account ON account_token (account_id, purpose);

  -- Address and body are cleared once a message is handed to the SMTP server; outbox messages keep them to be read.
  CREATE TABLE mail (
    id INTEGER PRIMARY KEY,
    template TEXT NOT NULL,
    language TEXT NOT NULL CHECK (language IN ('sv', 'en')),
    to_address TEXT,
    subject TEXT NOT NULL,
    text TEXT,
    html TEXT,
    status TEXT NOT NULL CHECK (status IN ('queued', 'sent', 'failed', 'outbox')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    last_error TEXT,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    sent_at TEXT
  );
  CREATE INDEX mail_due ON mail (status, next_attempt_at);
  `,
  // 10: contact requests from a project's owner to an owned organisation, with the match's reasons as computed at
  // send time; reports of abuse; and claims of an organisation's profile, which a coordinator approves into an
  // ownership. Timestamps come from the application (ISO 8601, UTC) and the SQL avoids SQLite-only forms, so the
  // same text serves PostgreSQL later. At most one open request per pair: a partial unique index, as both engines have.
  `
  CREATE TABLE contact_request (
    id INTEGER PRIMARY KEY,
    project_kind TEXT NOT NULL DEFAULT 'project' CHECK (project_kind = 'project'),
    project_id TEXT NOT NULL,
    organisation_kind TEXT NOT NULL DEFAULT 'organisation' CHECK (organisation_kind = 'organisation'),
    organisation_id TEXT NOT NULL,
    sender_id INTEGER NOT NULL REFERENCES account (id),
    message TEXT NOT NULL CHECK (length(message) <= 1000),
    -- The pair's score and evidence (topics, skills, län, shared partners: no personal data) when it was sent.
    reasons TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'accepted', 'declined')),
    created_at TEXT NOT NULL,
    decided_by INTEGER REFERENCES account (id),
    decided_at TEXT,
    FOREIGN KEY (project_kind, project_id) REFERENCES entity (kind, id) ON DELETE CASCADE,
    FOREIGN KEY (organisation_kind, organisation_id) REFERENCES entity (kind, id) ON DELETE CASCADE
  );
  CREATE INDEX contact_request_project ON contact_request (project_id, created_at);
  CREATE INDEX contact_request_organisation ON contact_request (organisation_id, status);
  CREATE UNIQUE INDEX contact_request_open_pair ON contact_request (project_id, organisation_id) WHERE status = 'open';

  CREATE TABLE contact_report (
    request_id INTEGER PRIMARY KEY REFERENCES contact_request (id) ON DELETE CASCADE,
    reported_by INTEGER NOT NULL REFERENCES account (id),
    note TEXT NOT NULL CHECK (length(note) <= 1000),
    created_at TEXT NOT NULL
  );

  CREATE TABLE ownership_claim (
    id INTEGER PRIMARY KEY,
    organisation_kind TEXT NOT NULL DEFAULT 'organisation' CHECK (organisation_kind = 'organisation'),
    organisation_id TEXT NOT NULL,
    account_id INTEGER NOT NULL REFERENCES account (id),
    message TEXT NOT NULL CHECK (length(message) <= 1000),
    status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
    created_at TEXT NOT NULL,
    decided_by INTEGER REFERENCES account (id),
    decided_at TEXT,
    reason TEXT,
    FOREIGN KEY (organisation_kind, organisation_id) REFERENCES entity (kind, id) ON DELETE CASCADE
  );
  CREATE INDEX ownership_claim_status ON ownership_claim (status, created_at);
  CREATE UNIQUE INDEX ownership_claim_pending ON ownership_claim (account_id, organisation_id) WHERE status = 'pending';
  `,
  // 11: a message remembers the account it is for, so removing the account removes its unsent mail also to an
  // address it had before (the notice to the old address on a change of address) or one it was moving to. And the
  // notes of approvals lose the submitter's name ("approved submission 3 by Maja" → "approved submission 3"): the name
  // is read from the submission's account when shown, so it becomes "removed account N" with the account. The only
  // rewrite the append-only log ever gets, done here with its guard lifted and put back in the same transaction.
  `
  ALTER TABLE mail ADD COLUMN account_id INTEGER;
  CREATE INDEX mail_account ON mail (account_id) WHERE account_id IS NOT NULL;
  DROP TRIGGER change_append_only_update;
  UPDATE change SET note = substr(note, 1, instr(note, ' by ') - 1)
    WHERE note LIKE 'approved submission % by %';
  CREATE TRIGGER change_append_only_update BEFORE UPDATE ON change BEGIN SELECT RAISE(ABORT, 'the change log is append-only'); END;
  `,
];
