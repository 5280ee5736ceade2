/** Stored layout positions of the full graph, keyed by layout name and valid only for the data version they were computed for. */
import type { Db } from "./database";

export type Positions = Record<string, [number, number]>;

export class LayoutCache {
  constructor(private readonly db: Db) {}

  /** The positions computed for this data version, or undefined when there are none (or they are stale). */
  async read(name: string, dataVersion: number): Promise<Positions | undefined> {
    const row = await this.db.get<{ positions: string }>(
      "SELECT positions FROM layout_cache WHERE name = ? AND data_version = ?",
      name,
      dataVersion,
    );
    return row ? (JSON.parse(row.positions) as Positions) : undefined;
  }

  /** The same, with when they were computed (to show they are reused rather than recomputed). */
  async readEntry(
    name: string,
    dataVersion: number,
  ): Promise<{ positions: Positions; computedAt: string } | undefined> {
    const row = await this.db.get<{ positions: string; computed_at: string }>(
      "SELECT positions, computed_at FROM layout_cache WHERE name = ? AND data_version = ?",
      name,
      dataVersion,
    );
    return row ? { positions: JSON.parse(row.positions) as Positions, computedAt: row.computed_at } : undefined;
  }

  /** Replaces the positions of a layout in one statement; older versions of it are dropped. */
  async write(name: string, dataVersion: number, positions: Positions): Promise<void> {
    await this.db.run(
      `INSERT INTO layout_cache (name, data_version, positions, computed_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET data_version = excluded.data_version, positions = excluded.positions,
         computed_at = excluded.computed_at`,
      name,
      dataVersion,
      JSON.stringify(positions),
      new Date().toISOString(),
    );
  }
}
