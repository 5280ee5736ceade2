/** Migration 6 (see migrations.ts): a unique, folded display name per account, without failing on old collisions. */
import { displayNameKey } from "../../shared/schema/display-name";
import type { SqliteHandle } from "./database";

/**
 * Display names unique after folding case, width and invisible characters (shared/schema/display-name.ts). An
 * upgraded database may already hold names that now collide: the oldest account keeps its name, later ones get
 * " (2)", " (3)", … so the migration never fails. Also an index to count a member's recent submissions.
 */
export function uniqueDisplayNames(db: SqliteHandle): void {
  db.exec("ALTER TABLE account ADD COLUMN display_key TEXT");
  const accounts = db.prepare("SELECT id, display_name AS name FROM account ORDER BY id").all() as {
    id: number;
    name: string;
  }[];
  const update = db.prepare("UPDATE account SET display_name = ?, display_key = ? WHERE id = ?");
  const taken = new Set<string>();
  for (const { id, name } of accounts) {
    let unique = name;
    for (let n = 2; taken.has(displayNameKey(unique)); n++) unique = `${name} (${n})`;
    taken.add(displayNameKey(unique));
    update.run(unique, displayNameKey(unique), id);
  }
  db.exec(`
    CREATE UNIQUE INDEX account_display_key ON account (display_key);
    CREATE INDEX submission_by ON submission (submitted_by, submitted_at);
  `);
}
