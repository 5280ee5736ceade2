/** Accounts and who owns which profile. Passwords arrive here already hashed; e-mail addresses stay in this table. */

import { ConflictError } from "../../shared/errors";
import type { AccountSummary, Language, Role } from "../../shared/schema/account";
import { displayNameKey } from "../../shared/schema/display-name";
import type { EditableKind, EntityRef } from "../../shared/schema/editable";
import type { Db } from "./database";

export interface AccountRow {
  id: number;
  email: string;
  displayName: string;
  passwordHash: string;
  role: Role;
  disabled: boolean;
  createdAt: string;
  /** The language of the account's mail. */
  language: Language;
  /** False until the owner follows the link in the verification mail; an unverified account cannot sign in. */
  emailVerified: boolean;
  /** Coordinators: the daily mail when submissions wait. */
  digest: boolean;
}

interface RawAccount {
  id: number;
  email: string;
  display_name: string;
  display_key: string | null;
  password_hash: string;
  role: Role;
  disabled: number;
  created_at: string;
  language: Language;
  email_verified_at: string | null;
  digest: number;
  removed_at: string | null;
}

const toRow = (r: RawAccount): AccountRow => ({
  id: r.id,
  email: r.email,
  displayName: r.display_name,
  passwordHash: r.password_hash,
  role: r.role,
  disabled: r.disabled === 1,
  createdAt: r.created_at,
  language: r.language,
  emailVerified: r.email_verified_at !== null,
  digest: r.digest === 1,
});

export const toSummary = (a: AccountRow): AccountSummary => ({
  id: a.id,
  email: a.email,
  displayName: a.displayName,
  role: a.role,
  disabled: a.disabled,
  createdAt: a.createdAt,
});

/** What a removed account is called in the change log and the moderation queue from then on. */
export const removedAccountName = (id: number): string => `removed account ${id}`;

export class AccountStore {
  constructor(private readonly db: Db) {}

  /**
   * `emailVerified`: true when an administrator (or the command line) makes the account; false at sign-up, until the
   * owner follows the link in the verification mail.
   */
  create(input: {
    email: string;
    displayName: string;
    passwordHash: string;
    role: Role;
    emailVerified: boolean;
    language?: Language;
  }): AccountRow {
    const taken = this.db.prepare("SELECT 1 FROM account WHERE email = ?").get(input.email);
    if (taken) throw new ConflictError("email", "an account with this e-mail address already exists");
    this.checkNameFree(input.displayName);
    const { lastInsertRowid } = this.db
      .prepare(
        `INSERT INTO account (email, display_name, display_key, password_hash, role, language, email_verified_at)
         VALUES (?, ?, ?, ?, ?, ?, CASE WHEN ? THEN strftime('%Y-%m-%dT%H:%M:%fZ', 'now') END)`,
      )
      .run(
        input.email,
        input.displayName,
        displayNameKey(input.displayName),
        input.passwordHash,
        input.role,
        input.language ?? "sv",
        input.emailVerified ? 1 : 0,
      );
    return this.byId(Number(lastInsertRowid)) as AccountRow;
  }

  /** Unique after folding case, width and invisible characters, so no one can pass for someone else (index: migration 6). */
  checkNameFree(displayName: string): void {
    if (this.db.prepare("SELECT 1 FROM account WHERE display_key = ?").get(displayNameKey(displayName))) {
      throw new ConflictError("displayName", "this name is already taken; add a surname or an organisation");
    }
  }

  /** A live account by id (a removed one is only a name in the log: undefined). */
  byId(id: number): AccountRow | undefined {
    const row = this.db.prepare("SELECT * FROM account WHERE id = ? AND removed_at IS NULL").get(id) as
      | RawAccount
      | undefined;
    return row && toRow(row);
  }

  byEmail(email: string): AccountRow | undefined {
    const row = this.db.prepare("SELECT * FROM account WHERE email = ? AND removed_at IS NULL").get(email) as
      | RawAccount
      | undefined;
    return row && toRow(row);
  }

  list(): AccountRow[] {
    return (this.db.prepare("SELECT * FROM account WHERE removed_at IS NULL ORDER BY id").all() as RawAccount[]).map(
      toRow,
    );
  }

  /** Coordinators and administrators who want the daily review mail and can receive it. */
  digestRecipients(): AccountRow[] {
    return this.list().filter(
      (a) => a.digest && a.emailVerified && !a.disabled && (a.role === "coordinator" || a.role === "administrator"),
    );
  }

  markVerified(id: number): void {
    this.db
      .prepare(
        "UPDATE account SET email_verified_at = coalesce(email_verified_at, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) WHERE id = ?",
      )
      .run(id);
  }

  /** A new password. `keepSession`: the token hash of the session that made the change, if it stays signed in. */
  setPassword(id: number, passwordHash: string, keepSessionHash?: string): void {
    this.db.transaction(() => {
      this.db.prepare("UPDATE account SET password_hash = ? WHERE id = ?").run(passwordHash, id);
      this.db
        .prepare("DELETE FROM session WHERE account_id = ? AND token_hash IS NOT ?")
        .run(id, keepSessionHash ?? null);
    })();
  }

  setEmail(id: number, email: string): void {
    if (this.db.prepare("SELECT 1 FROM account WHERE email = ? AND id != ?").get(email, id)) {
      throw new ConflictError("email", "an account with this e-mail address already exists");
    }
    this.db.prepare("UPDATE account SET email = ? WHERE id = ?").run(email, id);
  }

  setSettings(id: number, settings: { language?: Language; digest?: boolean }): void {
    if (settings.language) this.db.prepare("UPDATE account SET language = ? WHERE id = ?").run(settings.language, id);
    if (settings.digest !== undefined)
      this.db.prepare("UPDATE account SET digest = ? WHERE id = ?").run(settings.digest ? 1 : 0, id);
  }

  /**
   * Removes an account: e-mail address, name and password are gone, and so are its sessions, tokens and ownerships
   * (the profiles stay, unowned). The row stays, named "removed account N", so the append-only change log and the
   * moderation queue keep saying that someone, no longer identifiable, made each change. One transaction.
   */
  remove(id: number): void {
    this.db.transaction(() => {
      const name = removedAccountName(id);
      this.db
        .prepare(
          `UPDATE account SET email = ?, display_name = ?, display_key = ?, password_hash = '!', disabled = 1, digest = 0,
           removed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?`,
        )
        .run(`removed-${id}@removed.invalid`, name, displayNameKey(name), id);
      this.db.prepare("DELETE FROM session WHERE account_id = ?").run(id);
      this.db.prepare("DELETE FROM account_token WHERE account_id = ?").run(id);
      this.db.prepare("DELETE FROM ownership WHERE account_id = ?").run(id);
    })();
  }

  /** The accounts that own a profile. */
  ownersOf(ref: EntityRef): number[] {
    return (
      this.db.prepare("SELECT account_id AS id FROM ownership WHERE kind = ? AND id = ?").all(ref.kind, ref.id) as {
        id: number;
      }[]
    ).map((r) => r.id);
  }

  countAdministrators(): number {
    return (
      this.db.prepare("SELECT count(*) AS n FROM account WHERE role = 'administrator' AND disabled = 0").get() as {
        n: number;
      }
    ).n;
  }

  setRole(id: number, role: Role): void {
    this.db.prepare("UPDATE account SET role = ? WHERE id = ?").run(role, id);
  }

  /** Disabling also ends the account's sessions, in the same transaction. */
  setDisabled(id: number, disabled: boolean): void {
    this.db.transaction(() => {
      this.db.prepare("UPDATE account SET disabled = ? WHERE id = ?").run(disabled ? 1 : 0, id);
      if (disabled) this.db.prepare("DELETE FROM session WHERE account_id = ?").run(id);
    })();
  }

  addOwner(accountId: number, ref: EntityRef): void {
    this.db
      .prepare("INSERT OR IGNORE INTO ownership (account_id, kind, id) VALUES (?, ?, ?)")
      .run(accountId, ref.kind, ref.id);
  }

  owns(accountId: number, ref: EntityRef): boolean {
    return (
      this.db
        .prepare("SELECT 1 FROM ownership WHERE account_id = ? AND kind = ? AND id = ?")
        .get(accountId, ref.kind, ref.id) !== undefined
    );
  }

  ownedBy(accountId: number): { kind: EditableKind; id: string }[] {
    return this.db.prepare("SELECT kind, id FROM ownership WHERE account_id = ? ORDER BY kind, id").all(accountId) as {
      kind: EditableKind;
      id: string;
    }[];
  }
}
