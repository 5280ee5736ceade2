/**
 * Contact requests: a project's owner writes to an organisation that has owners; the owners accept or decline; a
 * recipient can report one as abuse. Every request and its outcome stay recorded, for the figures coordinators see.
 * Who may send, read or decide is checked by the API (server/api/authorize.ts and the contact router), except the
 * rules about the data itself (live entities, a claimed organisation, one open request per pair, the daily limit),
 * which are checked here inside the write's transaction so no path can skip them.
 */
import { ConflictError, NotFoundError } from "../../shared/errors";
import type {
  ContactFigures,
  ContactReport,
  ContactRequest,
  ContactStatus,
  MyContactRequests,
} from "../../shared/schema/contact";
import { CONTACT_WINDOW_HOURS } from "../../shared/schema/limits";
import type { Db } from "./database";

/**
 * What the server computed about the pair when the request was sent: the reasons told to the project (`sv`, `en`,
 * what its owner saw in the dialog) and the same told to the organisation (`toOrganisation`, what its owners read).
 * Requests recorded before the second form existed have none: the recipient then sees no reasons rather than
 * sentences that address the project ("…, which you lack").
 */
export interface ContactReasons {
  score: number | null;
  sv: string[];
  en: string[];
  toOrganisation?: { sv: string[]; en: string[] };
}

/** Whose view of a request: the project's side (the sender and the project's owners) or the organisation's. */
export type ContactSide = "sender" | "recipient";

interface RawRequest {
  id: number;
  project_id: string;
  organisation_id: string;
  sender_id: number;
  message: string;
  reasons: string;
  status: ContactStatus;
  created_at: string;
  decided_by: number | null;
  decided_at: string | null;
  project_data: string;
  organisation_data: string;
  sender_name: string;
  reported: number;
}

/** The project's daily allowance is used up: the API answers 429 with when it frees up. */
export class ContactLimitError extends Error {
  override name = "ContactLimitError";
  constructor(
    readonly limit: number,
    readonly retryAt: string,
  ) {
    super(
      `field "projectId": this project has sent ${limit} contact requests in the last ${CONTACT_WINDOW_HOURS} hours, ` +
        `the most allowed; it can send again at ${retryAt}`,
    );
  }
}

const SELECT = `SELECT c.*, p.data AS project_data, o.data AS organisation_data, a.display_name AS sender_name,
    (SELECT count(*) FROM contact_report r WHERE r.request_id = c.id) AS reported
  FROM contact_request c
  JOIN entity p ON p.kind = c.project_kind AND p.id = c.project_id
  JOIN entity o ON o.kind = c.organisation_kind AND o.id = c.organisation_id
  JOIN account a ON a.id = c.sender_id`;

const nameOf = (data: string): string => (JSON.parse(data) as { name: string }).name;
const WINDOW_MS = CONTACT_WINDOW_HOURS * 3600_000;

export class ContactRequestStore {
  constructor(private readonly db: Db) {}

  private async isLive(kind: "project" | "organisation", id: string): Promise<boolean> {
    return (
      (await this.db.get("SELECT 1 FROM entity WHERE kind = ? AND id = ? AND deleted_at IS NULL", kind, id)) !==
      undefined
    );
  }

  /** Whether anyone (an enabled account) owns the organisation's profile: only then is there someone to write to. */
  async isClaimed(organisationId: string): Promise<boolean> {
    return (
      (await this.db.get(
        `SELECT 1 FROM ownership o JOIN account a ON a.id = o.account_id
         WHERE o.kind = 'organisation' AND o.id = ? AND a.disabled = 0`,
        organisationId,
      )) !== undefined
    );
  }

  /** The enabled accounts that own the organisation: the request's recipients. */
  async recipientsOf(organisationId: string): Promise<number[]> {
    return (
      await this.db.all<{ id: number }>(
        `SELECT o.account_id AS id FROM ownership o JOIN account a ON a.id = o.account_id
         WHERE o.kind = 'organisation' AND o.id = ? AND a.disabled = 0 ORDER BY o.account_id`,
        organisationId,
      )
    ).map((r) => Number(r.id));
  }

  /** Whether the organisation is the project's lead or one of its partners, in the stored record. */
  async isPartner(projectId: string, organisationId: string): Promise<boolean> {
    const row = await this.db.get<{ data: string }>(
      "SELECT data FROM entity WHERE kind = 'project' AND id = ?",
      projectId,
    );
    if (!row) return false;
    const project = JSON.parse(row.data) as { lead?: string; partners?: string[] };
    return project.lead === organisationId || (project.partners ?? []).includes(organisationId);
  }

  /** Requests the project sent in the window before `now`, oldest first (their times). */
  private async sentInWindow(projectId: string, now: Date): Promise<string[]> {
    const since = new Date(now.getTime() - WINDOW_MS).toISOString();
    return (
      await this.db.all<{ created_at: string }>(
        "SELECT created_at FROM contact_request WHERE project_id = ? AND created_at > ? ORDER BY created_at",
        projectId,
        since,
      )
    ).map((r) => r.created_at);
  }

  async sentToday(projectId: string, now = new Date()): Promise<number> {
    return (await this.sentInWindow(projectId, now)).length;
  }

  /** At `perDay` requests in the window: when the project may send again; else undefined. */
  async limitFreesAt(projectId: string, perDay: number, now = new Date()): Promise<string | undefined> {
    const window = await this.sentInWindow(projectId, now);
    if (window.length < perDay) return undefined;
    const oldest = window[window.length - perDay] as string;
    return new Date(Date.parse(oldest) + WINDOW_MS).toISOString();
  }

  async openFor(projectId: string, organisationId: string): Promise<{ id: number; createdAt: string } | undefined> {
    const row = await this.db.get<{ id: number; created_at: string }>(
      "SELECT id, created_at FROM contact_request WHERE project_id = ? AND organisation_id = ? AND status = 'open'",
      projectId,
      organisationId,
    );
    return row && { id: Number(row.id), createdAt: row.created_at };
  }

  /** Whether the organisation's owners reported a request from this project: then it may not write to them again. */
  async wasReported(projectId: string, organisationId: string): Promise<boolean> {
    return (
      (await this.db.get(
        `SELECT 1 FROM contact_report r JOIN contact_request c ON c.id = r.request_id
         WHERE c.project_id = ? AND c.organisation_id = ?`,
        projectId,
        organisationId,
      )) !== undefined
    );
  }

  /**
   * Every rule a new request must pass, cheapest first; throws the refusal naming the field. Called before the
   * reasons are computed, and again inside the transaction that inserts.
   */
  async checkCanSend(
    projectId: string,
    organisationId: string,
    perDay: number,
    now = new Date(),
    senderId?: number,
  ): Promise<void> {
    if (!(await this.isLive("project", projectId))) throw new NotFoundError("project", projectId, "projectId");
    if (!(await this.isLive("organisation", organisationId)))
      throw new NotFoundError("organisation", organisationId, "organisationId");
    if (!(await this.isClaimed(organisationId))) {
      throw new ConflictError(
        "organisationId",
        `"${organisationId}" has not claimed its profile, so there is no one to send to; contact it through its website`,
      );
    }
    if (
      senderId !== undefined &&
      (await this.db.get(
        "SELECT 1 FROM ownership WHERE account_id = ? AND kind = 'organisation' AND id = ?",
        senderId,
        organisationId,
      ))
    ) {
      throw new ConflictError(
        "organisationId",
        `you own the profile of "${organisationId}" yourself; a contact request goes to another organisation`,
      );
    }
    if (await this.isPartner(projectId, organisationId)) {
      throw new ConflictError("organisationId", `"${organisationId}" is already a partner of project "${projectId}"`);
    }
    if (await this.wasReported(projectId, organisationId)) {
      // Worded so the sender does not learn that it was a report.
      throw new ConflictError(
        "organisationId",
        `"${organisationId}" does not take further contact requests from project "${projectId}"`,
      );
    }
    if (await this.openFor(projectId, organisationId)) {
      throw new ConflictError(
        "organisationId",
        `project "${projectId}" already has an open request to "${organisationId}"; wait for its answer`,
      );
    }
    const retryAt = await this.limitFreesAt(projectId, perDay, now);
    if (retryAt) throw new ContactLimitError(perDay, retryAt);
  }

  /** Records a new open request; `afterInsert` runs in the same transaction (queue the mail there). Returns its id. */
  async create(
    input: { projectId: string; organisationId: string; senderId: number; message: string; reasons: ContactReasons },
    perDay: number,
    afterInsert: (id: number) => Promise<void> | void = () => {},
    now = new Date(),
  ): Promise<number> {
    return await this.db.transaction(async () => {
      await this.checkCanSend(input.projectId, input.organisationId, perDay, now, input.senderId);
      const row = await this.db.get<{ id: number }>(
        `INSERT INTO contact_request (project_id, organisation_id, sender_id, message, reasons, status, created_at)
         VALUES (?, ?, ?, ?, ?, 'open', ?) RETURNING id`,
        input.projectId,
        input.organisationId,
        input.senderId,
        input.message,
        JSON.stringify(input.reasons),
        now.toISOString(),
      );
      const id = Number(row?.id);
      await afterInsert(id);
      return id;
    });
  }

  private async raw(id: number): Promise<RawRequest | undefined> {
    return await this.db.get<RawRequest>(`${SELECT} WHERE c.id = ?`, id);
  }

  /**
   * The request as `viewerId` may see it from `side`: the other party's address only on acceptance, only for the two
   * of them; the reasons phrased for that side; a report only on the recipient's side.
   */
  async byId(id: number, viewerId?: number, side: ContactSide = "sender"): Promise<ContactRequest | undefined> {
    const row = await this.raw(id);
    return row && (await this.toRequest(row, viewerId, side));
  }

  /** The sender and the accepting owner of a request (for the mails on acceptance). */
  async partiesOf(id: number): Promise<{ senderId: number; decidedBy: number | null } | undefined> {
    const row = await this.db.get<{ sender_id: number; decided_by: number | null }>(
      "SELECT sender_id, decided_by FROM contact_request WHERE id = ?",
      id,
    );
    return (
      row && { senderId: Number(row.sender_id), decidedBy: row.decided_by === null ? null : Number(row.decided_by) }
    );
  }

  /** Whether the account owns the organisation the request went to (and so may answer or report it). */
  async isRecipient(id: number, accountId: number): Promise<boolean> {
    return (
      (await this.db.get(
        `SELECT 1 FROM contact_request c JOIN ownership o ON o.kind = 'organisation' AND o.id = c.organisation_id
         WHERE c.id = ? AND o.account_id = ?`,
        id,
        accountId,
      )) !== undefined
    );
  }

  private async person(accountId: number | null): Promise<{ name: string; email: string } | undefined> {
    if (accountId === null) return undefined;
    const row = await this.db.get<{ display_name: string; email: string }>(
      "SELECT display_name, email FROM account WHERE id = ? AND removed_at IS NULL",
      accountId,
    );
    return row && { name: row.display_name, email: row.email };
  }

  private async toRequest(raw: RawRequest, viewerId: number | undefined, side: ContactSide): Promise<ContactRequest> {
    // Ids as numbers on either database (PostgreSQL's bigint comes back as text).
    const r = {
      ...raw,
      id: Number(raw.id),
      sender_id: Number(raw.sender_id),
      decided_by: raw.decided_by === null ? null : Number(raw.decided_by),
      reported: Number(raw.reported),
    };
    const reasons = JSON.parse(r.reasons) as ContactReasons;
    const other =
      r.status !== "accepted" || viewerId === undefined
        ? undefined
        : viewerId === r.sender_id
          ? await this.person(r.decided_by)
          : viewerId === r.decided_by
            ? await this.person(r.sender_id)
            : undefined;
    return {
      id: r.id,
      projectId: r.project_id,
      projectName: nameOf(r.project_data),
      organisationId: r.organisation_id,
      organisationName: nameOf(r.organisation_data),
      message: r.message,
      reasons:
        side === "sender"
          ? { sv: reasons.sv, en: reasons.en }
          : { sv: reasons.toOrganisation?.sv ?? [], en: reasons.toOrganisation?.en ?? [] },
      score: reasons.score,
      status: r.status,
      senderName: r.sender_name,
      createdAt: r.created_at,
      ...(r.decided_at ? { decidedAt: r.decided_at } : {}),
      // The sender is not told that the recipient reported it: to them it is declined (or as it was answered).
      reported: side === "recipient" && r.reported > 0,
      ...(other ? { contact: other } : {}),
    };
  }

  /**
   * The account's requests: sent (by it, or from a project it owns) and received (to an organisation it owns),
   * newest first.
   */
  async forAccount(accountId: number): Promise<MyContactRequests> {
    return await this.db.transaction(async () => {
      const sent = await this.db.all<RawRequest>(
        `${SELECT} WHERE c.sender_id = ? OR EXISTS (SELECT 1 FROM ownership w
           WHERE w.account_id = ? AND w.kind = 'project' AND w.id = c.project_id)
         ORDER BY c.created_at DESC, c.id DESC`,
        accountId,
        accountId,
      );
      const received = await this.db.all<RawRequest>(
        `${SELECT} WHERE EXISTS (SELECT 1 FROM ownership w
           WHERE w.account_id = ? AND w.kind = 'organisation' AND w.id = c.organisation_id)
            OR c.decided_by = ?
         ORDER BY c.created_at DESC, c.id DESC`,
        accountId,
        accountId,
      );
      const view = async (rows: RawRequest[], side: ContactSide): Promise<ContactRequest[]> => {
        const out: ContactRequest[] = [];
        for (const r of rows) out.push(await this.toRequest(r, accountId, side));
        return out;
      };
      return { sent: await view(sent, "sender"), received: await view(received, "recipient") };
    });
  }

  /** Accepts or declines an open request, as `accountId`; `afterDecide` runs in the same transaction (the mails). */
  async decide(
    id: number,
    accountId: number,
    status: "accepted" | "declined",
    afterDecide: () => Promise<void> | void = () => {},
    now = new Date(),
  ): Promise<void> {
    await this.db.transaction(async () => {
      await this.requireOpen(id);
      await this.db.run(
        "UPDATE contact_request SET status = ?, decided_by = ?, decided_at = ? WHERE id = ?",
        status,
        accountId,
        now.toISOString(),
        id,
      );
      await afterDecide();
    });
  }

  private async requireOpen(id: number): Promise<void> {
    const row = await this.db.get<{ status: ContactStatus }>("SELECT status FROM contact_request WHERE id = ?", id);
    if (!row) throw new NotFoundError("contact request", String(id), "requestId");
    if (row.status !== "open") throw new ConflictError("requestId", `contact request ${id} is already ${row.status}`);
  }

  /** A recipient's report of abuse; an open request is declined with it (nothing is shared). Once per request. */
  async report(id: number, accountId: number, note: string, now = new Date()): Promise<void> {
    await this.db.transaction(async () => {
      const row = await this.db.get<{ status: ContactStatus }>("SELECT status FROM contact_request WHERE id = ?", id);
      if (!row) throw new NotFoundError("contact request", String(id), "requestId");
      if (await this.db.get("SELECT 1 FROM contact_report WHERE request_id = ?", id))
        throw new ConflictError("requestId", `contact request ${id} is already reported`);
      await this.db.run(
        "INSERT INTO contact_report (request_id, reported_by, note, created_at) VALUES (?, ?, ?, ?)",
        id,
        accountId,
        note,
        now.toISOString(),
      );
      if (row.status === "open") {
        await this.db.run(
          "UPDATE contact_request SET status = 'declined', decided_by = ?, decided_at = ? WHERE id = ?",
          accountId,
          now.toISOString(),
          id,
        );
      }
    });
  }

  /** Reports for coordinators, newest first: names only, never an address. */
  async reports(): Promise<ContactReport[]> {
    const rows = await this.db.all<{
      request_id: number;
      note: string;
      reported_at: string;
      reported_by: string;
      project_id: string;
      organisation_id: string;
      message: string;
      project_data: string;
      organisation_data: string;
      sender_name: string;
    }>(
      `SELECT r.request_id, r.note, r.created_at AS reported_at, b.display_name AS reported_by, c.project_id,
           c.organisation_id, c.message, p.data AS project_data, o.data AS organisation_data, a.display_name AS sender_name
         FROM contact_report r
         JOIN contact_request c ON c.id = r.request_id
         JOIN entity p ON p.kind = c.project_kind AND p.id = c.project_id
         JOIN entity o ON o.kind = c.organisation_kind AND o.id = c.organisation_id
         JOIN account a ON a.id = c.sender_id
         JOIN account b ON b.id = r.reported_by
         ORDER BY r.created_at DESC, r.request_id DESC`,
    );
    return rows.map((r) => ({
      requestId: Number(r.request_id),
      projectId: r.project_id,
      projectName: nameOf(r.project_data),
      organisationId: r.organisation_id,
      organisationName: nameOf(r.organisation_data),
      message: r.message,
      senderName: r.sender_name,
      reportedBy: r.reported_by,
      note: r.note,
      reportedAt: r.reported_at,
    }));
  }

  /**
   * "Suggestion acted on", measured: requests sent and how they ended, and how many organisations are now partners
   * of the project that wrote to them. A request is refused for an organisation already in the project, so every
   * such partnership came after the request.
   */
  async figures(): Promise<ContactFigures> {
    return await this.db.transaction(async () => {
      const rows = await this.db.all<{
        project_id: string;
        organisation_id: string;
        status: ContactStatus;
        data: string;
        reported: number;
      }>(
        `SELECT c.project_id, c.organisation_id, c.status, p.data,
           (SELECT count(*) FROM contact_report r WHERE r.request_id = c.id) AS reported
         FROM contact_request c JOIN entity p ON p.kind = c.project_kind AND p.id = c.project_id`,
      );
      const figures: ContactFigures = {
        sent: rows.length,
        open: 0,
        accepted: 0,
        declined: 0,
        reported: 0,
        becamePartners: 0,
        acceptedBecamePartners: 0,
      };
      for (const r of rows) {
        figures[r.status]++;
        if (Number(r.reported) > 0) figures.reported++;
        const project = JSON.parse(r.data) as { lead?: string; partners?: string[] };
        const partner = project.lead === r.organisation_id || (project.partners ?? []).includes(r.organisation_id);
        if (partner) {
          figures.becamePartners++;
          if (r.status === "accepted") figures.acceptedBecamePartners++;
        }
      }
      return figures;
    });
  }
}
