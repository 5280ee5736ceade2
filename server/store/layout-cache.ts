/** Stored layout positions of the full graph, keyed by layout name and valid only for the data version they were computed for. */
import type { Db } from "./database";

export type Positions = Record<string, [number, number]>;

export class LayoutCache {
  constructor(private readonly db: Db) {}

  /** The positions computed for this data version, or undefined when there are none (or they are stale). */
  read(name: string, dataVersion: number): Positions | undefined {
    const row = this.db
      .prepare("SELECT positions FROM layout_cache WHERE name = ? AND data_version = ?")
      .get(name, dataVersion) as { positions: string } | undefined;
    return row ? (JSON.parse(row.positions) as Positions) : undefined;
  }

  /** The same, with when they were computed (to show they are reused rather than recomputed). */
  readEntry(name: string, dataVersion: number): { positions: Positions; computedAt: string } | undefined {
    const row = this.db
      .prepare("SELECT positions, computed_at FROM layout_cache WHERE name = ? AND data_version = ?")
      .get(name, dataVersion) as { positions: string; computed_at: string } | undefined;
    return row ? { positions: JSON.parse(row.positions) as Positions, computedAt: row.computed_at } : undefined;
  }

  /** Replaces the positions of a layout in one statement; older versions of it are dropped. */
  write(name: string, dataVersion: number, positions: Positions): void {
    this.db
      .prepare(
        `INSERT INTO layout_cache (name, data_version, positions) VALUES (?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET data_version = excluded.data_version, positions = excluded.positions,
           computed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
      )
      .run(name, dataVersion, JSON.stringify(positions));
  }
}
