/**
 * Whether a file can replace the store: SQLite's integrity check passes, its schema is not newer than this program
 * knows, it holds a Partnerkartan data set, and the graph loads from it. The checks run on a temporary copy, since
 * opening a store migrates it: the file itself is left as it was.
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { loadServices } from "../services";
import { MIGRATIONS } from "../store/migrations";
import { Store } from "../store/store";

export class InvalidBackupError extends Error {
  override name = "InvalidBackupError";
}

export interface CheckedBackup {
  schemaVersion: number;
  dataVersion: number;
  nodes: number;
  edges: number;
}

function quickFacts(file: string): { schemaVersion: number } {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new InvalidBackupError(`${file} cannot be opened as SQLite: ${(error as Error).message}`);
  }
  try {
    let integrity: string;
    try {
      integrity = (db.pragma("integrity_check") as { integrity_check: string }[])
        .map((row) => row.integrity_check)
        .join("; ");
    } catch (error) {
      throw new InvalidBackupError(`${file} is not a readable SQLite database: ${(error as Error).message}`);
    }
    if (integrity !== "ok") throw new InvalidBackupError(`${file} fails SQLite's integrity check: ${integrity}`);
    const schemaVersion = db.pragma("user_version", { simple: true }) as number;
    if (schemaVersion > MIGRATIONS.length) {
      throw new InvalidBackupError(
        `${file} has schema version ${schemaVersion}, newer than this program knows (${MIGRATIONS.length}): ` +
          "restore it with the release that made it.",
      );
    }
    if (schemaVersion < 1) throw new InvalidBackupError(`${file} is not a Partnerkartan store (schema version 0).`);
    return { schemaVersion };
  } finally {
    db.close();
  }
}

export async function checkBackup(file: string): Promise<CheckedBackup> {
  if (!existsSync(file)) throw new InvalidBackupError(`No file ${file}.`);
  const { schemaVersion } = quickFacts(file);
  const dir = mkdtempSync(join(tmpdir(), "partnerkartan-restore-check-"));
  try {
    const copy = join(dir, "check.db");
    copyFileSync(file, copy);
    const store = new Store(copy);
    try {
      if (!(await store.isSeeded()))
        throw new InvalidBackupError(`${file} holds no data set (the store was never seeded).`);
      let services: Awaited<ReturnType<typeof loadServices>>;
      try {
        services = await loadServices(store, { warmSearch: false });
      } catch (error) {
        throw new InvalidBackupError(`The graph cannot load ${file}: ${(error as Error).message}`);
      }
      return {
        schemaVersion,
        dataVersion: services.dataVersion,
        nodes: services.graph.order,
        edges: services.graph.size,
      };
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
