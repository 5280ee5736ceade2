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
  async create(input: {
    email: string;
    displayName: string;
    passwordHash: string;
    role: Role;
    emailVerified: boolean;
    language?: Language;
  }): Promise<AccountRow> {
    const taken = await this.db.get("SELECT 1 FROM account WHERE email = ?", input.email);
    if (taken) throw new ConflictError("email", "an account with this e-mail address already exists");
    await this.checkNameFree(input.displayName);
    const inserted = await this.db.get<{ id: number }>(
      `INSERT INTO account (email, display_name, display_key, password_hash, role, language, email_verified_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       RETURNING id`,
      input.email,
      input.displayName,
      displayNameKey(input.displayName),
      input.passwordHash,
      input.role,
      input.language ?? "sv",
      input.emailVerified ? new Date().toISOString() : null,
    );
    return (await this.byId(Number(inserted?.id))) as AccountRow;
  }

  /** Unique after folding case, width and invisible characters, so no one can pass for someone else (index: migration 6). */
  async checkNameFree(displayName: string): Promise<void> {
    if (await this.db.get("SELECT 1 FROM account WHERE display_key = ?", displayNameKey(displayName))) {
      throw new ConflictError("displayName", "this name is already taken; add a surname or an organisation");
    }
  }

  /** A live account by id (a removed one is only a name in the log: undefined). */
  async byId(id: number): Promise<AccountRow | undefined> {
    const row = await this.db.get<RawAccount>("SELECT * FROM account WHERE id = ? AND removed_at IS NULL", id);
    return row && toRow(row);
  }

  async byEmail(email: string): Promise<AccountRow | undefined> {
    const row = await this.db.get<RawAccount>("SELECT * FROM account WHERE email = ? AND removed_at IS NULL", email);
    return row && toRow(row);
  }

  async list(): Promise<AccountRow[]> {
    return (await this.db.all<RawAccount>("SELECT * FROM account WHERE removed_at IS NULL ORDER BY id")).map(toRow);
  }

  /** Coordinators and administrators who want the daily review mail and can receive it. */
  async digestRecipients(): Promise<AccountRow[]> {
    return (await this.list()).filter(
      (a) => a.digest && a.emailVerified && !a.disabled && (a.role === "coordinator" || a.role === "administrator"),
    );
  }

  async markVerified(id: number): Promise<void> {
    await this.db.run(
      "UPDATE account SET email_verified_at = coalesce(email_verified_at, ?) WHERE id = ?",
      new Date().toISOString(),
      id,
    );
  }

  /** A new password. `keepSession`: the token hash of the session that made the change, if it stays signed in. */
  async setPassword(id: number, passwordHash: string, keepSessionHash?: string): Promise<void> {
    await this.db.transaction(async () => {
      await this.db.run("UPDATE account SET password_hash = ? WHERE id = ?", passwordHash, id);
      await this.db.run(
        "DELETE FROM session WHERE account_id = ? AND token_hash IS DISTINCT FROM ?",
        id,
        keepSessionHash ?? null,
      );
    });
  }

  async setEmail(id: number, email: string): Promise<void> {
    if (await this.db.get("SELECT 1 FROM account WHERE email = ? AND id != ?", email, id)) {
      throw new ConflictError("email", "an account with this e-mail address already exists");
    }
    await this.db.run("UPDATE account SET email = ? WHERE id = ?", email, id);
  }

  async setSettings(id: number, settings: { language?: Language; digest?: boolean }): Promise<void> {
    if (settings.language) await this.db.run("UPDATE account SET language = ? WHERE id = ?", settings.language, id);
    if (settings.digest !== undefined)
      await this.db.run("UPDATE account SET digest = ? WHERE id = ?", settings.digest ? 1 : 0, id);
  }

  /**
   * Removes an account: e-mail address, name and password are gone, and so are its sessions, tokens and ownerships
   * (the profiles stay, unowned). The row stays, named "removed account N", so the append-only change log and the
   * moderation queue keep saying that someone, no longer identifiable, made each change. One transaction.
   */
  async remove(id: number): Promise<void> {
    await this.db.transaction(async () => {
      const name = removedAccountName(id);
      await this.db.run(
        `UPDATE account SET email = ?, display_name = ?, display_key = ?, password_hash = '!', disabled = 1, digest = 0,
         removed_at = ? WHERE id = ?`,
        `removed-${id}@removed.invalid`,
        name,
        displayNameKey(name),
        new Date().toISOString(),
        id,
      );
      await this.db.run("DELETE FROM session WHERE account_id = ?", id);
      await this.db.run("DELETE FROM account_token WHERE account_id = ?", id);
      await this.db.run("DELETE FROM ownership WHERE account_id = ?", id);
    });
  }

  /** The accounts that own a profile. */
  async ownersOf(ref: EntityRef): Promise<number[]> {
    return (
      await this.db.all<{ id: number }>(
        "SELECT account_id AS id FROM ownership WHERE kind = ? AND id = ?",
        ref.kind,
        ref.id,
      )
    ).map((r) => r.id);
  }

  async countAdministrators(): Promise<number> {
    const row = await this.db.get<{ n: number }>(
      "SELECT count(*) AS n FROM account WHERE role = 'administrator' AND disabled = 0",
    );
    return Number(row?.n ?? 0);
  }

  async setRole(id: number, role: Role): Promise<void> {
    await this.db.run("UPDATE account SET role = ? WHERE id = ?", role, id);
  }

  /** Disabling also ends the account's sessions, in the same transaction. */
  async setDisabled(id: number, disabled: boolean): Promise<void> {
    await this.db.transaction(async () => {
      await this.db.run("UPDATE account SET disabled = ? WHERE id = ?", disabled ? 1 : 0, id);
      if (disabled) await this.db.run("DELETE FROM session WHERE account_id = ?", id);
    });
  }

  async addOwner(accountId: number, ref: EntityRef): Promise<void> {
    await this.db.run(
      "INSERT INTO ownership (account_id, kind, id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
      accountId,
      ref.kind,
      ref.id,
    );
  }

  async owns(accountId: number, ref: EntityRef): Promise<boolean> {
    return (
      (await this.db.get(
        "SELECT 1 FROM ownership WHERE account_id = ? AND kind = ? AND id = ?",
        accountId,
        ref.kind,
        ref.id,
      )) !== undefined
    );
  }

  async ownedBy(accountId: number): Promise<{ kind: EditableKind; id: string }[]> {
    return this.db.all<{ kind: EditableKind; id: string }>(
      "SELECT kind, id FROM ownership WHERE account_id = ? ORDER BY kind, id",
      accountId,
    );
  }
}
