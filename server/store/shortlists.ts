/**
 * Projects' shortlists: organisations a project's owners mean to contact, each with a note, who added it and when.
 * Only live entities can be added; an organisation deleted later stays on the list, marked gone, until removed.
 * Who may read or change a list is the API's business (server/api/authorize.ts), not this module's.
 */
import { ConflictError, NotFoundError } from "../../shared/errors";
import { SHORTLIST_MAX_ENTRIES } from "../../shared/schema/limits";
import type { Organisation, OrganisationKind } from "../../shared/schema/organisation";
import type { ShortlistEntry } from "../../shared/schema/shortlist";
import type { Db } from "./database";

interface RawEntry {
  organisation_id: string;
  note: string;
  added_by: string | null;
  added_at: string;
  updated_at: string;
  gone: number | boolean;
  data: string;
}

/** An entry with the organisation's record as stored (the last one, for a deleted organisation): for the CSV. */
export interface ShortlistExportRow {
  entry: ShortlistEntry;
  organisation: Organisation;
}

const SELECT = `SELECT s.organisation_id,
    s.note, a.display_name AS added_by, s.added_at, s.updated_at, e.deleted_at IS NOT NULL AS gone, e.data
  FROM shortlist_entry s
  JOIN entity e ON e.kind = s.organisation_kind AND e.id = s.organisation_id
  LEFT JOIN account a ON a.id = s.added_by`;

const toEntry = (r: RawEntry): ShortlistEntry => {
  const { name, kind } = JSON.parse(r.data) as { name: string; kind: OrganisationKind };
  return {
    organisationId: r.organisation_id,
    name,
    kind,
    note: r.note,
    ...(r.added_by !== null ? { addedBy: r.added_by } : {}),
    addedAt: r.added_at,
    updatedAt: r.updated_at,
    gone: r.gone === 1 || r.gone === true,
  };
};

export class ShortlistStore {
  constructor(
    private readonly db: Db,
    /** The most entries one project's list may hold (tests lower it). */
    readonly maxEntries: number = SHORTLIST_MAX_ENTRIES,
  ) {}

  private async isLive(kind: "project" | "organisation", id: string): Promise<boolean> {
    return (
      (await this.db.get("SELECT 1 FROM entity WHERE kind = ? AND id = ? AND deleted_at IS NULL", kind, id)) !==
      undefined
    );
  }

  /** "lead" or "partner" when the organisation is already in the project (its stored record), else undefined. */
  private async roleIn(projectId: string, organisationId: string): Promise<"lead" | "partner" | undefined> {
    const row = await this.db.get<{ data: string }>(
      "SELECT data FROM entity WHERE kind = 'project' AND id = ? AND deleted_at IS NULL",
      projectId,
    );
    if (!row) return undefined;
    const project = JSON.parse(row.data) as { lead?: string; partners?: string[] };
    if (project.lead === organisationId) return "lead";
    return project.partners?.includes(organisationId) ? "partner" : undefined;
  }

  /** The project must exist and not be deleted: a deleted project's list is out of reach until it is restored. */
  private async requireProject(projectId: string): Promise<void> {
    if (!(await this.isLive("project", projectId))) throw new NotFoundError("project", projectId, "projectId");
  }

  private async entry(projectId: string, organisationId: string): Promise<ShortlistEntry | undefined> {
    const row = await this.db.get<RawEntry>(
      `${SELECT} WHERE s.project_id = ? AND s.organisation_id = ?`,
      projectId,
      organisationId,
    );
    return row && toEntry(row);
  }

  private rows(projectId: string): Promise<RawEntry[]> {
    return this.db.transaction(async () => {
      await this.requireProject(projectId);
      return this.db.all<RawEntry>(
        `${SELECT} WHERE s.project_id = ? ORDER BY s.added_at, s.organisation_id`,
        projectId,
      );
    });
  }

  /** The list, in the order the entries were added (oldest first). */
  async list(projectId: string): Promise<ShortlistEntry[]> {
    return (await this.rows(projectId)).map(toEntry);
  }

  /** The list with each organisation's stored record (website, län), in the same order. */
  async exportRows(projectId: string): Promise<ShortlistExportRow[]> {
    return (await this.rows(projectId)).map((r) => ({
      entry: toEntry(r),
      organisation: JSON.parse(r.data) as Organisation,
    }));
  }

  /**
   * Saves an organisation to the list. Idempotent: adding one already there keeps who added it and when, and only
   * replaces the note when one is given. Refused (409) when the list is full, and for the project's own lead and
   * partners: the list is for organisations to contact, not those already in the project.
   */
  add(input: { projectId: string; organisationId: string; note?: string }, accountId: number): Promise<ShortlistEntry> {
    const { projectId, organisationId, note } = input;
    return this.db.transaction(async () => {
      await this.requireProject(projectId);
      if (!(await this.isLive("organisation", organisationId)))
        throw new NotFoundError("organisation", organisationId, "organisationId");
      const role = await this.roleIn(projectId, organisationId);
      if (role) {
        throw new ConflictError(
          "organisationId",
          `"${organisationId}" is already a partner of project "${projectId}"${role === "lead" ? " (its lead)" : ""}; ` +
            "the shortlist is for organisations not yet in the project",
        );
      }
      if (await this.entry(projectId, organisationId)) {
        if (note !== undefined) await this.setNote(projectId, organisationId, note);
      } else {
        const row = await this.db.get<{ n: number }>(
          "SELECT count(*) AS n FROM shortlist_entry WHERE project_id = ?",
          projectId,
        );
        if (Number(row?.n ?? 0) >= this.maxEntries) {
          throw new ConflictError(
            "organisationId",
            `the shortlist already holds ${this.maxEntries} organisations, the most allowed; remove one first`,
          );
        }
        await this.db.run(
          "INSERT INTO shortlist_entry (project_id, organisation_id, note, added_by) VALUES (?, ?, ?, ?)",
          projectId,
          organisationId,
          note ?? "",
          accountId,
        );
      }
      return (await this.entry(projectId, organisationId)) as ShortlistEntry;
    });
  }

  /** Replaces an entry's note ("" clears it); 404 naming organisationId when the organisation is not on the list. */
  update(input: { projectId: string; organisationId: string; note: string }): Promise<ShortlistEntry> {
    const { projectId, organisationId, note } = input;
    return this.db.transaction(async () => {
      await this.requireProject(projectId);
      if (!(await this.entry(projectId, organisationId)))
        throw new NotFoundError("organisation on this shortlist", organisationId, "organisationId");
      await this.setNote(projectId, organisationId, note);
      return (await this.entry(projectId, organisationId)) as ShortlistEntry;
    });
  }

  /**
   * Takes an organisation off the list. Removing one that is not on it changes nothing (`removed: false`), so a
   * repeated click is harmless; an id that names no organisation at all is 404.
   */
  remove(input: { projectId: string; organisationId: string }): Promise<{ removed: boolean }> {
    const { projectId, organisationId } = input;
    return this.db.transaction(async () => {
      await this.requireProject(projectId);
      const { changes } = await this.db.run(
        "DELETE FROM shortlist_entry WHERE project_id = ? AND organisation_id = ?",
        projectId,
        organisationId,
      );
      if (
        changes === 0 &&
        !(await this.db.get("SELECT 1 FROM entity WHERE kind = 'organisation' AND id = ?", organisationId))
      )
        throw new NotFoundError("organisation", organisationId, "organisationId");
      return { removed: changes > 0 };
    });
  }

  private async setNote(projectId: string, organisationId: string, note: string): Promise<void> {
    await this.db.run(
      "UPDATE shortlist_entry SET note = ?, updated_at = ? WHERE project_id = ? AND organisation_id = ?",
      note,
      new Date().toISOString(),
      projectId,
      organisationId,
    );
  }
}
