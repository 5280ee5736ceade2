/**
 * Background jobs (mail sending, the coordinators' digest, layout precomputation) run on one instance at a time.
 * On SQLite there is only ever one server per store file (backup/store-lock.ts), so it holds the lease from the
 * start. On PostgreSQL the lease is a session-level advisory lock on a connection of its own (outside the pool): the instance that
 * gets it runs the jobs; the others try again every `retryMs`. If the holder dies, PostgreSQL ends its session and
 * with it the lock, so another instance takes over within one retry. The holder checks its connection at the same
 * pace and stops its jobs when the connection is gone (it may no longer hold the lock).
 */
import type pg from "pg";
import { ADVISORY_LOCKS, type Db } from "../store/database";

export interface LeaseLog {
  info(message: string): void;
  warn(message: string): void;
}

export class JobLease {
  private client: pg.Client | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private readonly acquired: Array<() => void> = [];
  private readonly lost: Array<() => void | Promise<void>> = [];
  held = false;
  log: LeaseLog | undefined;

  constructor(
    private readonly db: Db,
    private readonly options: { retryMs?: number } = {},
  ) {}

  /** Runs `start` whenever this instance takes the lease, and `stop` whenever it gives it up or loses it. */
  run(start: () => void, stop: () => void | Promise<void>): void {
    this.acquired.push(start);
    this.lost.push(stop);
    if (this.held) start();
  }

  start(): void {
    this.stopped = false;
    if (!this.db.pool) {
      this.take();
      return;
    }
    void this.tryTake();
  }

  /** Stops the jobs and gives the lease back (another instance takes it at its next try). */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.giveUp();
  }

  private take(): void {
    this.held = true;
    for (const start of this.acquired) start();
  }

  private async giveUp(): Promise<void> {
    const wasHeld = this.held;
    this.held = false;
    if (wasHeld) for (const stop of this.lost) await stop();
    const client = this.client;
    this.client = undefined;
    if (client) {
      await client.query("SELECT pg_advisory_unlock($1)", [ADVISORY_LOCKS.jobs]).catch(() => {});
      await client.end().catch(() => {});
    }
  }

  private later(): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void (this.held ? this.check() : this.tryTake()), this.options.retryMs ?? 5_000);
    this.timer.unref();
  }

  private async tryTake(): Promise<void> {
    const client = this.db.dedicatedClient();
    client.on("error", () => {});
    try {
      await client.connect();
      const { rows } = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1) AS ok", [
        ADVISORY_LOCKS.jobs,
      ]);
      if (rows[0]?.ok && !this.stopped) {
        this.client = client;
        this.log?.info("this instance runs the background jobs (mail, digest, layouts)");
        this.take();
      } else {
        if (rows[0]?.ok) await client.query("SELECT pg_advisory_unlock($1)", [ADVISORY_LOCKS.jobs]);
        await client.end();
      }
    } catch (error) {
      await client.end().catch(() => {});
      this.log?.warn(`background jobs: could not ask for the lease (${(error as Error).message})`);
    }
    this.later();
  }

  /** The holder's heartbeat: a dead connection means the lock may be gone, so the jobs stop here. */
  private async check(): Promise<void> {
    try {
      await this.client?.query("SELECT 1");
    } catch {
      this.log?.warn("background jobs: lost the database connection; stopping them here");
      const client = this.client;
      this.client = undefined;
      void client?.end().catch(() => {});
      await this.giveUp();
    }
    this.later();
  }
}
