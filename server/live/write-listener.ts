/**
 * Keeps this instance's read model current with writes made by other instances on the same PostgreSQL database.
 * The entity-write trigger sends NOTIFY partnerkartan_written when a writing transaction commits; on it (and every
 * `pollMs`, in case a notification was missed while reconnecting) the instance reads the journal from its own
 * position and patches its read model (live/refresh.ts), one refresh at a time. The mail queue's NOTIFY wakes the
 * mail sender, which may run on this instance. Nothing here runs on SQLite: there, one server owns the store.
 */
import type pg from "pg";
import { reportReadModelRefresh } from "../metrics/read-model-timing";
import type { Services } from "../services";
import { applyRefresh, buildRefresh, readRefresh } from "./refresh";
import { refreshTurn } from "./refresh-turn";

export const WRITTEN_CHANNEL = "partnerkartan_written";
export const MAIL_CHANNEL = "partnerkartan_mail";

export interface ListenerLog {
  warn(message: string): void;
}

export class WriteListener {
  private client: pg.Client | undefined;
  private poll: NodeJS.Timeout | undefined;
  private reconnect: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  /** Called when a mail was queued anywhere. */
  onMail: () => void = () => {};

  constructor(
    private readonly services: Services,
    private readonly options: { pollMs?: number; log?: ListenerLog } = {},
  ) {}

  async start(): Promise<void> {
    this.stopped = false;
    await this.connect();
    this.poll = setInterval(() => void this.catchUp(), this.options.pollMs ?? 2_000);
    this.poll.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.poll);
    clearTimeout(this.reconnect);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => {});
    await this.running;
  }

  /** Brings the read model up to the journal's end; calls while one runs make it look once more after. */
  catchUp(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        try {
          // The store is read before taking the turn, so the turn is never held while waiting for a connection: a
          // writer holds its connection (and the journal's lock) while it waits for the turn.
          const started = performance.now();
          const read = await readRefresh(this.services);
          await refreshTurn(this.services).runExclusive(async () => {
            const next = await buildRefresh(this.services, read);
            applyRefresh(this.services, next);
            if (next) reportReadModelRefresh(this.services.store, (performance.now() - started) / 1000);
          });
        } catch (error) {
          this.options.log?.warn(`could not bring the read model up to date: ${(error as Error).message}`);
        }
      } while (this.again && !this.stopped);
    })().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async connect(): Promise<void> {
    const db = this.services.store.db;
    if (!db.pool || this.stopped) return;
    const client = db.dedicatedClient();
    try {
      await client.connect();
      client.on("notification", (message) => {
        if (message.channel === WRITTEN_CHANNEL) void this.catchUp();
        else if (message.channel === MAIL_CHANNEL) this.onMail();
      });
      client.on("error", () => {
        if (this.client !== client) return;
        this.client = undefined;
        void client.end().catch(() => {});
        this.options.log?.warn("lost the connection that listens for other instances' writes; reconnecting");
        this.later();
      });
      await client.query(`LISTEN ${WRITTEN_CHANNEL}`);
      await client.query(`LISTEN ${MAIL_CHANNEL}`);
      this.client = client;
      // Whatever was written while not listening.
      void this.catchUp();
    } catch (error) {
      this.options.log?.warn(`could not listen for other instances' writes: ${(error as Error).message}`);
      void client.end().catch(() => {});
      this.later();
    }
  }

  private later(): void {
    if (this.stopped) return;
    clearTimeout(this.reconnect);
    this.reconnect = setTimeout(() => void this.connect(), 1_000);
    this.reconnect.unref();
  }
}
