/**
 * Claims of an organisation's profile, the moderation flow's way in for people of an organisation that is already on
 * the map: a member says who they are there, a coordinator approves (the member becomes an owner, so contact
 * requests reach them) or rejects with a reason. Kept apart from submissions, which propose new or changed records.
 */
import { ConflictError, NotFoundError } from "../../shared/errors";
import type { ClaimStatus, OwnershipClaim } from "../../shared/schema/contact";
import type { Db } from "./database";

interface RawClaim {
  id: number;
  organisation_id: string;
  account_id: number;
  message: string;
  status: ClaimStatus;
  created_at: string;
  decided_at: string | null;
  reason: string | null;
  organisation_data: string;
  claimant_name: string;
  decided_by_name: string | null;
}

const SELECT = `SELECT c.*, o.data AS organisation_data, a.display_name AS claimant_name, d.display_name AS decided_by_name
  FROM ownership_claim c
  JOIN entity o ON o.kind = c.organisation_kind AND o.id = c.organisation_id
  JOIN account a ON a.id = c.account_id
  LEFT JOIN account d ON d.id = c.decided_by`;

const toClaim = (r: RawClaim): OwnershipClaim => ({
  id: r.id,
  organisationId: r.organisation_id,
  organisationName: (JSON.parse(r.organisation_data) as { name: string }).name,
  message: r.message,
  status: r.status,
  claimantName: r.claimant_name,
  createdAt: r.created_at,
  ...(r.decided_at ? { decidedAt: r.decided_at } : {}),
  ...(r.decided_by_name ? { decidedBy: r.decided_by_name } : {}),
  ...(r.reason ? { reason: r.reason } : {}),
});

export class OwnershipClaimStore {
  constructor(private readonly db: Db) {}

  /** Queues a claim: the organisation must be live, not already the member's, with no claim of theirs waiting. */
  create(organisationId: string, accountId: number, message: string, now = new Date()): OwnershipClaim {
    return this.db.transaction(() => {
      if (
        !this.db
          .prepare("SELECT 1 FROM entity WHERE kind = 'organisation' AND id = ? AND deleted_at IS NULL")
          .get(organisationId)
      )
        throw new NotFoundError("organisation", organisationId, "organisationId");
      if (
        this.db
          .prepare("SELECT 1 FROM ownership WHERE account_id = ? AND kind = 'organisation' AND id = ?")
          .get(accountId, organisationId)
      )
        throw new ConflictError("organisationId", `you already own the profile of "${organisationId}"`);
      if (this.pendingFor(accountId, organisationId))
        throw new ConflictError("organisationId", `your claim of "${organisationId}" is already waiting for review`);
      const { lastInsertRowid } = this.db
        .prepare(
          `INSERT INTO ownership_claim (organisation_id, account_id, message, status, created_at)
           VALUES (?, ?, ?, 'pending', ?)`,
        )
        .run(organisationId, accountId, message, now.toISOString());
      return this.byId(Number(lastInsertRowid)) as OwnershipClaim;
    })();
  }

  byId(id: number): OwnershipClaim | undefined {
    const row = this.db.prepare(`${SELECT} WHERE c.id = ?`).get(id) as RawClaim | undefined;
    return row && toClaim(row);
  }

  claimantOf(id: number): number | undefined {
    return (
      this.db.prepare("SELECT account_id FROM ownership_claim WHERE id = ?").get(id) as
        | { account_id: number }
        | undefined
    )?.account_id;
  }

  pendingFor(accountId: number, organisationId: string): { id: number; createdAt: string } | undefined {
    const row = this.db
      .prepare(
        "SELECT id, created_at FROM ownership_claim WHERE account_id = ? AND organisation_id = ? AND status = 'pending'",
      )
      .get(accountId, organisationId) as { id: number; created_at: string } | undefined;
    return row && { id: row.id, createdAt: row.created_at };
  }

  list(status: ClaimStatus): OwnershipClaim[] {
    return (this.db.prepare(`${SELECT} WHERE c.status = ? ORDER BY c.created_at, c.id`).all(status) as RawClaim[]).map(
      toClaim,
    );
  }

  mine(accountId: number): OwnershipClaim[] {
    return (this.db.prepare(`${SELECT} WHERE c.account_id = ? ORDER BY c.id DESC`).all(accountId) as RawClaim[]).map(
      toClaim,
    );
  }

  /** Approves: the claimant becomes an owner of the profile, in the same transaction. */
  approve(id: number, coordinatorId: number, now = new Date()): OwnershipClaim {
    return this.db.transaction(() => {
      const claim = this.pending(id);
      this.db
        .prepare("INSERT INTO ownership (account_id, kind, id) VALUES (?, 'organisation', ?) ON CONFLICT DO NOTHING")
        .run(this.claimantOf(id), claim.organisationId);
      this.decide(id, "approved", coordinatorId, undefined, now);
      return this.byId(id) as OwnershipClaim;
    })();
  }

  reject(id: number, coordinatorId: number, reason: string, now = new Date()): OwnershipClaim {
    return this.db.transaction(() => {
      this.pending(id);
      this.decide(id, "rejected", coordinatorId, reason, now);
      return this.byId(id) as OwnershipClaim;
    })();
  }

  private pending(id: number): OwnershipClaim {
    const claim = this.byId(id);
    if (!claim) throw new NotFoundError("claim", String(id), "id");
    if (claim.status !== "pending") throw new ConflictError("id", `claim ${id} is already ${claim.status}`);
    return claim;
  }

  private decide(id: number, status: ClaimStatus, coordinatorId: number, reason: string | undefined, now: Date) {
    this.db
      .prepare("UPDATE ownership_claim SET status = ?, decided_by = ?, decided_at = ?, reason = ? WHERE id = ?")
      .run(status, coordinatorId, now.toISOString(), reason ?? null, id);
  }
}
