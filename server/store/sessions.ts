/**
 * Sign-in sessions. The browser holds a random token; the table holds only its SHA-256, so reading the database does
 * not let anyone sign in. Sessions expire; expired rows are swept when new ones are made.
 */
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "./database";

/** How long a session lasts without signing in again. */
export const SESSION_DAYS = 14;

const hash = (token: string) => createHash("sha256").update(token).digest("base64url");

export class SessionStore {
  constructor(private readonly db: Db) {}

  /** Starts a session and returns the token to send to the browser (never stored). */
  async create(accountId: number, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
    const token = randomBytes(32).toString("base64url");
    const expiresAt = new Date(now.getTime() + SESSION_DAYS * 24 * 3600 * 1000);
    await this.db.transaction(async () => {
      await this.db.run("DELETE FROM session WHERE expires_at < ?", now.toISOString());
      await this.db.run(
        "INSERT INTO session (token_hash, account_id, expires_at) VALUES (?, ?, ?)",
        hash(token),
        accountId,
        expiresAt.toISOString(),
      );
    });
    return { token, expiresAt };
  }

  /** The account id of a live session, or undefined for an unknown, expired or disabled one. */
  async accountOf(token: string, now = new Date()): Promise<number | undefined> {
    const row = await this.db.get<{ id: number }>(
      `SELECT s.account_id AS id FROM session s JOIN account a ON a.id = s.account_id
       WHERE s.token_hash = ? AND s.expires_at > ? AND a.disabled = 0`,
      hash(token),
      now.toISOString(),
    );
    return row?.id;
  }

  async end(token: string): Promise<void> {
    await this.db.run("DELETE FROM session WHERE token_hash = ?", hash(token));
  }
}
