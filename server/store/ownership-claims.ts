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
  id: Number(r.id),
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
  async create(organisationId: string, accountId: number, message: string, now = new Date()): Promise<OwnershipClaim> {
    return await this.db.transaction(async () => {
      if (
        !(await this.db.get(
          "SELECT 1 FROM entity WHERE kind = 'organisation' AND id = ? AND deleted_at IS NULL",
          organisationId,
        ))
      )
        throw new NotFoundError("organisation", organisationId, "organisationId");
      if (
        await this.db.get(
          "SELECT 1 FROM ownership WHERE account_id = ? AND kind = 'organisation' AND id = ?",
          accountId,
          organisationId,
        )
      )
        throw new ConflictError("organisationId", `you already own the profile of "${organisationId}"`);
      if (await this.pendingFor(accountId, organisationId))
        throw new ConflictError("organisationId", `your claim of "${organisationId}" is already waiting for review`);
      const row = await this.db.get<{ id: number }>(
        `INSERT INTO ownership_claim (organisation_id, account_id, message, status, created_at)
         VALUES (?, ?, ?, 'pending', ?) RETURNING id`,
        organisationId,
        accountId,
        message,
        now.toISOString(),
      );
      return (await this.byId(Number(row?.id))) as OwnershipClaim;
    });
  }

  async byId(id: number): Promise<OwnershipClaim | undefined> {
    const row = await this.db.get<RawClaim>(`${SELECT} WHERE c.id = ?`, id);
    return row && toClaim(row);
  }

  async claimantOf(id: number): Promise<number | undefined> {
    const row = await this.db.get<{ account_id: number }>("SELECT account_id FROM ownership_claim WHERE id = ?", id);
    return row && Number(row.account_id);
  }

  async pendingFor(accountId: number, organisationId: string): Promise<{ id: number; createdAt: string } | undefined> {
    const row = await this.db.get<{ id: number; created_at: string }>(
      "SELECT id, created_at FROM ownership_claim WHERE account_id = ? AND organisation_id = ? AND status = 'pending'",
      accountId,
      organisationId,
    );
    return row && { id: Number(row.id), createdAt: row.created_at };
  }

  async list(status: ClaimStatus): Promise<OwnershipClaim[]> {
    return (await this.db.all<RawClaim>(`${SELECT} WHERE c.status = ? ORDER BY c.created_at, c.id`, status)).map(
      toClaim,
    );
  }

  async mine(accountId: number): Promise<OwnershipClaim[]> {
    return (await this.db.all<RawClaim>(`${SELECT} WHERE c.account_id = ? ORDER BY c.id DESC`, accountId)).map(toClaim);
  }

  /** Approves: the claimant becomes an owner of the profile, in the same transaction. */
  async approve(id: number, coordinatorId: number, now = new Date()): Promise<OwnershipClaim> {
    return await this.db.transaction(async () => {
      const claim = await this.pending(id);
      await this.db.run(
        "INSERT INTO ownership (account_id, kind, id) VALUES (?, 'organisation', ?) ON CONFLICT DO NOTHING",
        await this.claimantOf(id),
        claim.organisationId,
      );
      await this.decide(id, "approved", coordinatorId, undefined, now);
      return (await this.byId(id)) as OwnershipClaim;
    });
  }

  async reject(id: number, coordinatorId: number, reason: string, now = new Date()): Promise<OwnershipClaim> {
    return await this.db.transaction(async () => {
      await this.pending(id);
      await this.decide(id, "rejected", coordinatorId, reason, now);
      return (await this.byId(id)) as OwnershipClaim;
    });
  }

  private async pending(id: number): Promise<OwnershipClaim> {
    const claim = await this.byId(id);
    if (!claim) throw new NotFoundError("claim", String(id), "id");
    if (claim.status !== "pending") throw new ConflictError("id", `claim ${id} is already ${claim.status}`);
    return claim;
  }

  private async decide(
    id: number,
    status: ClaimStatus,
    coordinatorId: number,
    reason: string | undefined,
    now: Date,
  ): Promise<void> {
    await this.db.run(
      "UPDATE ownership_claim SET status = ?, decided_by = ?, decided_at = ?, reason = ? WHERE id = ?",
      status,
      coordinatorId,
      now.toISOString(),
      reason ?? null,
      id,
    );
  }
}
