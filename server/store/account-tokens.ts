/**
 * Single-use, expiring tokens for the links in mail (verify an address, reset a password, confirm a new address). The
 * link carries 32 random bytes; the table holds only their SHA-256, so a copy of the database opens nothing. Taking a
 * token deletes it in the same statement, so a link works once even when clicked twice at the same moment.
 */
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "./database";

export type TokenPurpose = "verify" | "reset" | "change-email";

/** How long each kind of link works. */
export const TOKEN_LIFETIME_MS: Record<TokenPurpose, number> = {
  verify: 24 * 3600_000,
  reset: 3600_000,
  "change-email": 24 * 3600_000,
};

export const hashToken = (token: string): string => createHash("sha256").update(token).digest("base64url");

export class AccountTokenStore {
  constructor(private readonly db: Db) {}

  /** A new token for the link; earlier ones of the same purpose for the account stop working (only the newest mail counts). */
  async issue(
    accountId: number,
    purpose: TokenPurpose,
    options: { newEmail?: string; now?: Date } = {},
  ): Promise<string> {
    const now = options.now ?? new Date();
    const token = randomBytes(32).toString("base64url");
    const expiresAt = new Date(now.getTime() + TOKEN_LIFETIME_MS[purpose]);
    await this.db.transaction(async () => {
      await this.db.run("DELETE FROM account_token WHERE expires_at < ?", now.toISOString());
      await this.db.run("DELETE FROM account_token WHERE account_id = ? AND purpose = ?", accountId, purpose);
      await this.db.run(
        "INSERT INTO account_token (token_hash, account_id, purpose, new_email, expires_at) VALUES (?, ?, ?, ?, ?)",
        hashToken(token),
        accountId,
        purpose,
        options.newEmail ?? null,
        expiresAt.toISOString(),
      );
    });
    return token;
  }

  /** Uses up a token: its account (and new address) if it was live, else undefined. Either way it is gone after. */
  async take(
    token: string,
    purpose: TokenPurpose,
    now = new Date(),
  ): Promise<{ accountId: number; newEmail: string | null } | undefined> {
    const row = await this.db.get<{ account_id: number; new_email: string | null; expires_at: string }>(
      "DELETE FROM account_token WHERE token_hash = ? AND purpose = ? RETURNING account_id, new_email, expires_at",
      hashToken(token),
      purpose,
    );
    if (!row || row.expires_at <= now.toISOString()) return undefined;
    return { accountId: row.account_id, newEmail: row.new_email };
  }

  /** Whether a token is live, without using it (the reset page asks before showing its form). */
  async isLive(token: string, purpose: TokenPurpose, now = new Date()): Promise<boolean> {
    return (
      (await this.db.get(
        "SELECT 1 FROM account_token WHERE token_hash = ? AND purpose = ? AND expires_at > ?",
        hashToken(token),
        purpose,
        now.toISOString(),
      )) !== undefined
    );
  }
}
