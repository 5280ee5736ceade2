/**
 * The moderation queue: members propose projects and organisations, coordinators approve or reject them. Approval
 * creates the entity, makes the submitter its owner and closes the submission, in one transaction.
 */
import { ConflictError, NotFoundError } from "../../shared/errors";
import type { EditableEntity, Submission, SubmissionStatus } from "../../shared/schema/editable";
import { SUBMISSION_WINDOW_HOURS } from "../../shared/schema/limits";
import type { Db } from "./database";
import { approvalNote, type EntityStore } from "./entities";

interface RawSubmission {
  id: number;
  kind: Submission["kind"];
  entity_id: string;
  data: string;
  status: SubmissionStatus;
  submitted_at: string;
  submitted_by: string;
  decided_at: string | null;
  decided_by: string | null;
  reason: string | null;
}

const SELECT = `SELECT s.*, a.display_name AS submitted_by, d.display_name AS decided_by FROM submission s
  JOIN account a ON a.id = s.submitted_by LEFT JOIN account d ON d.id = s.decided_by`;

const toSubmission = (r: RawSubmission): Submission => {
  const record = JSON.parse(r.data) as Submission["record"];
  return {
    id: r.id,
    kind: r.kind,
    entityId: r.entity_id,
    name: record.name,
    status: r.status,
    submittedAt: r.submitted_at,
    submittedBy: r.submitted_by,
    ...(r.decided_at ? { decidedAt: r.decided_at } : {}),
    ...(r.decided_by ? { decidedBy: r.decided_by } : {}),
    ...(r.reason ? { reason: r.reason } : {}),
    record,
  };
};

const WINDOW_MS = SUBMISSION_WINDOW_HOURS * 3600_000;

/** A member has made as many submissions as allowed within the window: the API answers 429 with when to try again. */
export class SubmissionLimitError extends Error {
  override name = "SubmissionLimitError";
  constructor(
    readonly limit: number,
    /** When the oldest counted submission leaves the window (ISO 8601, UTC). */
    readonly retryAt: string,
  ) {
    const minutes = Math.max(1, Math.ceil((Date.parse(retryAt) - Date.now()) / 60_000));
    super(
      `You have made ${limit} submissions in the last ${SUBMISSION_WINDOW_HOURS} hours, the most allowed; ` +
        `you can submit again at ${retryAt} (in ${minutes} minutes).`,
    );
  }
}

export class SubmissionStore {
  constructor(
    private readonly db: Db,
    private readonly entities: EntityStore,
  ) {}

  /**
   * Queues a proposal. Its id must be free, and its references must resolve now (they are checked again on approval).
   * With `perDay`, refuses when the account already made that many submissions in the last 24 hours (counted here, in
   * the database, so a restart forgets nothing).
   */
  create(entity: EditableEntity, accountId: number, { perDay }: { perDay?: number } = {}): Promise<Submission> {
    return this.db.transaction(async () => {
      if (perDay !== undefined) await this.checkDailyLimit(accountId, perDay);
      const ref = { kind: entity.kind, id: entity.record.id };
      if (await this.entities.isTaken(ref)) {
        throw new ConflictError("record.id", `a ${entity.kind} with id "${ref.id}" already exists`);
      }
      if (
        await this.db.get(
          "SELECT 1 FROM submission WHERE kind = ? AND entity_id = ? AND status = 'pending'",
          ref.kind,
          ref.id,
        )
      ) {
        throw new ConflictError("record.id", `a ${entity.kind} with id "${ref.id}" is already waiting for review`);
      }
      await this.entities.checkReferences(entity);
      const { synthetic: _synthetic, ...record } = entity.record;
      const inserted = await this.db.get<{ id: number }>(
        "INSERT INTO submission (kind, entity_id, data, submitted_by) VALUES (?, ?, ?, ?) RETURNING id",
        ref.kind,
        ref.id,
        JSON.stringify(record),
        accountId,
      );
      return (await this.byId(Number(inserted?.id))) as Submission;
    });
  }

  private async checkDailyLimit(accountId: number, perDay: number): Promise<void> {
    const since = new Date(Date.now() - WINDOW_MS).toISOString();
    // The perDay-th most recent submission in the window: while it exists, the account is at the limit.
    const row = await this.db.get<{ submitted_at: string }>(
      "SELECT submitted_at FROM submission WHERE submitted_by = ? AND submitted_at > ? ORDER BY submitted_at DESC LIMIT 1 OFFSET ?",
      accountId,
      since,
      perDay - 1,
    );
    if (row) throw new SubmissionLimitError(perDay, new Date(Date.parse(row.submitted_at) + WINDOW_MS).toISOString());
  }

  async byId(id: number): Promise<Submission | undefined> {
    const row = await this.db.get<RawSubmission>(`${SELECT} WHERE s.id = ?`, id);
    return row && toSubmission(row);
  }

  /** The account that submitted it (for ownership), or undefined. */
  async submitterOf(id: number): Promise<number | undefined> {
    return (await this.db.get<{ submitted_by: number }>("SELECT submitted_by FROM submission WHERE id = ?", id))
      ?.submitted_by;
  }

  async list(status: SubmissionStatus): Promise<Submission[]> {
    return (await this.db.all<RawSubmission>(`${SELECT} WHERE s.status = ? ORDER BY s.submitted_at, s.id`, status)).map(
      toSubmission,
    );
  }

  async mine(accountId: number): Promise<Submission[]> {
    return (await this.db.all<RawSubmission>(`${SELECT} WHERE s.submitted_by = ? ORDER BY s.id DESC`, accountId)).map(
      toSubmission,
    );
  }

  /** Approves: creates the entity (logged as the coordinator's change), makes the submitter its owner, closes the submission. */
  approve(
    id: number,
    coordinatorId: number,
    validate: (entity: EditableEntity) => EditableEntity,
    reason?: string,
  ): Promise<Submission> {
    return this.db.transaction(async () => {
      const submission = await this.pending(id);
      const entity = validate({ kind: submission.kind, record: submission.record } as EditableEntity);
      await this.entities.create(entity, coordinatorId, approvalNote(id));
      const submitter = (await this.submitterOf(id)) as number;
      await this.db.run(
        "INSERT INTO ownership (account_id, kind, id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
        submitter,
        submission.kind,
        submission.entityId,
      );
      await this.decide(id, "approved", coordinatorId, reason);
      return (await this.byId(id)) as Submission;
    });
  }

  reject(id: number, coordinatorId: number, reason: string): Promise<Submission> {
    return this.db.transaction(async () => {
      await this.pending(id);
      await this.decide(id, "rejected", coordinatorId, reason);
      return (await this.byId(id)) as Submission;
    });
  }

  private async pending(id: number): Promise<Submission> {
    const submission = await this.byId(id);
    if (!submission) throw new NotFoundError("submission", String(id));
    if (submission.status !== "pending")
      throw new ConflictError("id", `submission ${id} is already ${submission.status}`);
    return submission;
  }

  private async decide(id: number, status: SubmissionStatus, coordinatorId: number, reason?: string): Promise<void> {
    await this.db.run(
      "UPDATE submission SET status = ?, decided_by = ?, decided_at = ?, reason = ? WHERE id = ?",
      status,
      coordinatorId,
      new Date().toISOString(),
      reason || null,
      id,
    );
  }
}
