/**
 * The mail queue. A request only inserts a row (fast, in its own transaction); the sender (mail/mail-sender.ts) hands
 * due rows to the SMTP server in the background and retries failures later. Without an SMTP server the row goes
 * straight to the outbox, where an administrator reads it in the app.
 */
import type { Language } from "../../shared/schema/account";
import type { MailStatus, OutboxMail } from "../../shared/schema/mail";
import type { Db } from "./database";

export interface NewMail {
  template: string;
  language: Language;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The account the message is for, when it is for one. */
  accountId?: number;
}

/** A message due to be sent. */
export interface QueuedMail extends NewMail {
  id: number;
  attempts: number;
}

interface RawMail {
  id: number;
  template: string;
  language: Language;
  to_address: string | null;
  subject: string;
  text: string | null;
  html: string | null;
  status: MailStatus;
  attempts: number;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

export class MailStore {
  constructor(private readonly db: Db) {}

  /** Queues a message for the sender, or (`outbox`) delivers it to the outbox at once. Returns its id. */
  async add(mail: NewMail, delivery: "queue" | "outbox", now = new Date()): Promise<number> {
    const at = now.toISOString();
    const row = await this.db.get<{ id: number }>(
      `INSERT INTO mail (template, language, to_address, subject, text, html, status, next_attempt_at, sent_at,
         account_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      mail.template,
      mail.language,
      mail.to,
      mail.subject,
      mail.text,
      mail.html,
      delivery === "outbox" ? "outbox" : "queued",
      at,
      delivery === "outbox" ? at : null,
      mail.accountId ?? null,
    );
    // The instance that sends mail may be another one (live/write-listener.ts): told at commit.
    if (delivery === "queue" && this.db.dialect === "postgres")
      await this.db.run("SELECT pg_notify('partnerkartan_mail', '')");
    return Number(row?.id);
  }

  /** Queued messages whose next attempt is due, oldest first. */
  async due(now = new Date(), limit = 20): Promise<QueuedMail[]> {
    const rows = await this.db.all<RawMail>(
      `SELECT * FROM mail WHERE status = 'queued' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?`,
      now.toISOString(),
      limit,
    );
    return rows.map((r) => ({
      id: r.id,
      template: r.template,
      language: r.language,
      to: r.to_address ?? "",
      subject: r.subject,
      text: r.text ?? "",
      html: r.html ?? "",
      attempts: r.attempts,
    }));
  }

  /** Messages waiting to be sent over SMTP (not the outbox, which is read in the app). */
  async queuedCount(): Promise<number> {
    return Number((await this.db.get<{ n: number }>("SELECT count(*) AS n FROM mail WHERE status = 'queued'"))?.n ?? 0);
  }

  /** When the next queued message falls due, if any is waiting. */
  async nextDue(): Promise<Date | undefined> {
    const row = await this.db.get<{ at: string | null }>(
      "SELECT min(next_attempt_at) AS at FROM mail WHERE status = 'queued'",
    );
    return row?.at == null ? undefined : new Date(row.at);
  }

  /** Sent: the address and the body (with any secret link) are not kept. */
  async markSent(id: number, now = new Date()): Promise<void> {
    await this.db.run(
      `UPDATE mail SET status = 'sent', attempts = attempts + 1, sent_at = ?, last_error = NULL,
       to_address = NULL, text = NULL, html = NULL WHERE id = ?`,
      now.toISOString(),
      id,
    );
  }

  /** A failed attempt: try again at `retryAt`, or give up (`retryAt` undefined; the body is then dropped too). */
  async markFailed(id: number, error: string, retryAt: Date | undefined): Promise<void> {
    if (retryAt) {
      await this.db.run(
        "UPDATE mail SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?",
        error,
        retryAt.toISOString(),
        id,
      );
    } else {
      await this.db.run(
        `UPDATE mail SET status = 'failed', attempts = attempts + 1, last_error = ?,
         to_address = NULL, text = NULL, html = NULL WHERE id = ?`,
        error,
        id,
      );
    }
  }

  /**
   * Messages not yet sent to an account being removed (queued, or held in the outbox): they would only reach an address
   * that is no longer kept. Those for the account whatever the address (an old one, one it was moving to), and those
   * to its current address. Their rows go, address and body with them.
   */
  async dropQueuedFor(accountId: number, address: string): Promise<void> {
    await this.db.run(
      "DELETE FROM mail WHERE status IN ('queued', 'outbox') AND (account_id = ? OR lower(to_address) = lower(?))",
      accountId,
      address,
    );
  }

  /** The newest messages first, for the administrators' outbox page. */
  async list(limit = 200): Promise<OutboxMail[]> {
    const rows = await this.db.all<RawMail>("SELECT * FROM mail ORDER BY id DESC LIMIT ?", limit);
    return rows.map((r) => ({
      id: r.id,
      template: r.template,
      language: r.language,
      to: r.to_address,
      subject: r.subject,
      text: r.text,
      status: r.status,
      attempts: r.attempts,
      lastError: r.last_error,
      createdAt: r.created_at,
      sentAt: r.sent_at,
    }));
  }

  /** Every message to one address still held (outbox, or queued), newest first: what tests read. */
  async to(address: string): Promise<OutboxMail[]> {
    return (await this.list(10_000)).filter((m) => m.to === address.toLowerCase());
  }
}
