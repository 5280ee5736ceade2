/** Accounts and who owns which profile. Passwords arrive here already hashed; e-mail addresses stay in this table. */

import { ConflictError } from "../../shared/errors";
import type { AccountSummary, Role } from "../../shared/schema/account";
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
}

const toRow = (r: RawAccount): AccountRow => ({
  id: r.id,
  email: r.email,
  displayName: r.display_name,
  passwordHash: r.password_hash,
  role: r.role,
  disabled: r.disabled === 1,
  createdAt: r.created_at,
});

export const toSummary = ({ passwordHash: _hash, ...summary }: AccountRow): AccountSummary => summary;

export class AccountStore {
  constructor(private readonly db: Db) {}

  create(input: { email: string; displayName: string; passwordHash: string; role: Role }): AccountRow {
    const taken = this.db.prepare("SELECT 1 FROM account WHERE email = ?").get(input.email);
    if (taken) throw new ConflictError("email", "an account with this e-mail address already exists");
    // Unique after folding case, width and invisible characters, so no one can pass for someone else (index: migration 6).
    const key = displayNameKey(input.displayName);
    if (this.db.prepare("SELECT 1 FROM account WHERE display_key = ?").get(key)) {
      throw new ConflictError("displayName", "this name is already taken; add a surname or an organisation");
    }
    const { lastInsertRowid } = this.db
      .prepare("INSERT INTO account (email, display_name, display_key, password_hash, role) VALUES (?, ?, ?, ?, ?)")
      .run(input.email, input.displayName, key, input.passwordHash, input.role);
    return this.byId(Number(lastInsertRowid)) as AccountRow;
  }

  byId(id: number): AccountRow | undefined {
    const row = this.db.prepare("SELECT * FROM account WHERE id = ?").get(id) as RawAccount | undefined;
    return row && toRow(row);
  }

  byEmail(email: string): AccountRow | undefined {
    const row = this.db.prepare("SELECT * FROM account WHERE email = ?").get(email) as RawAccount | undefined;
    return row && toRow(row);
  }

  list(): AccountRow[] {
    return (this.db.prepare("SELECT * FROM account ORDER BY id").all() as RawAccount[]).map(toRow);
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
