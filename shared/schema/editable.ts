/**
 * The entities people register and edit themselves (projects and organisations), the moderation queue and the change
 * log. Registration, editing and restoring all go through these same schemas.
 */
import { z } from "zod";
import { SlugSchema } from "./common";
import { MAX_CHARS } from "./limits";
import { type Organisation, OrganisationSchema } from "./organisation";
import { type Project, ProjectSchema } from "./project";
import { safeText } from "./text";

export const EDITABLE_KINDS = ["project", "organisation"] as const;
export const EditableKindSchema = z.enum(EDITABLE_KINDS);
export type EditableKind = z.infer<typeof EditableKindSchema>;

export const EntityRefSchema = z.object({ kind: EditableKindSchema, id: SlugSchema });
export type EntityRef = z.infer<typeof EntityRefSchema>;

/** A whole record of either kind, tagged with its kind. */
export const EditableEntitySchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("project"), record: ProjectSchema }),
  z.object({ kind: z.literal("organisation"), record: OrganisationSchema }),
]);
export type EditableEntity = { kind: "project"; record: Project } | { kind: "organisation"; record: Organisation };

export const ReasonSchema = safeText({ max: MAX_CHARS.reason, multiline: true });

export const SUBMISSION_STATUSES = ["pending", "approved", "rejected"] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];
export const SubmissionIdSchema = z.number().int().positive();

export const DecideInputSchema = z.object({ id: SubmissionIdSchema, reason: ReasonSchema.optional() });
/** A rejection always says why, so the submitter can fix it. */
export const RejectInputSchema = z.object({
  id: SubmissionIdSchema,
  reason: ReasonSchema.min(1, "a reason is required"),
});

export interface Submission {
  id: number;
  kind: EditableKind;
  entityId: string;
  name: string;
  status: SubmissionStatus;
  submittedAt: string;
  /** Display name of the submitter; never their e-mail address. */
  submittedBy: string;
  decidedAt?: string;
  decidedBy?: string;
  reason?: string;
  record: Project | Organisation;
}

export const CHANGE_ACTIONS = ["create", "update", "delete", "restore"] as const;
export type ChangeAction = (typeof CHANGE_ACTIONS)[number];
export const ChangeIdSchema = z.number().int().positive();

/** One entry of the change log: who changed what, when, and the record before and after (null when absent). */
export interface Change {
  id: number;
  at: string;
  /** Display name of who made it; "system" for imports and the seed. */
  actor: string;
  action: ChangeAction;
  kind: EditableKind;
  entityId: string;
  before: Project | Organisation | null;
  after: Project | Organisation | null;
  /** Set on approvals and restores: what the change came from. */
  note?: string;
  /** The entity's version this change produced (1 for changes logged before versions existed). */
  version: number;
}

/**
 * Optimistic concurrency: every stored entity has a version that each write moves by one. A write names the version
 * it was made from (`expectedVersion`, as `entity.get` returned it); if the entity has moved on since, the write is
 * refused with 409 naming the fields changed meanwhile, instead of silently erasing someone else's edit.
 */
export const VersionSchema = z.number().int().positive();
const expectedVersion = { expectedVersion: VersionSchema };

export const UpdateInputSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("project"), record: ProjectSchema, ...expectedVersion }),
  z.object({ kind: z.literal("organisation"), record: OrganisationSchema, ...expectedVersion }),
]);
export type UpdateInput = EditableEntity & { expectedVersion: number };
export const DeleteInputSchema = EntityRefSchema.extend({ reason: ReasonSchema.optional(), ...expectedVersion });
/** Restores the entity to the version a change produced (its `after`); a restore is itself a logged change. */
export const RestoreInputSchema = z.object({ changeId: ChangeIdSchema, ...expectedVersion });
/** Undoes one change: puts back the record as it was before it (its `before`), itself a logged restore. */
export const RevertInputSchema = z.object({ changeId: ChangeIdSchema, ...expectedVersion });
export const RecentEditsInputSchema = z.object({ days: z.number().int().min(1).max(90).default(14) }).default({
  days: 14,
});

/** A stored record and its version: what `entity.get` returns and every write answers with. */
export interface VersionedRecord {
  record: Project | Organisation;
  version: number;
}

/** What a 409 for a stale version carries (in `error.data.stale`): enough for a form to merge and try again. */
export interface StaleVersion {
  kind: EditableKind;
  id: string;
  expectedVersion: number;
  /** The version now stored. */
  currentVersion: number;
  /** The record now stored, or null when it was deleted meanwhile. */
  current: Project | Organisation | null;
  /** Fields changed since `expectedVersion` ("name", "summary.sv", …), in the order of the record. */
  changedFields: string[];
  /** Display names of who changed them. */
  changedBy: string[];
}

/** A direct edit by an owner (a member editing or deleting their own profile), for coordinators to look over. */
export interface RecentEdit {
  changeId: number;
  at: string;
  /** Display name of the owner who made it. */
  actor: string;
  action: "update" | "delete";
  kind: EditableKind;
  entityId: string;
  name: string;
  /** The fields it changed ("name", "summary.sv", …); empty for a deletion. */
  fields: string[];
  /** The entity's version right after this edit: a revert sends it as `expectedVersion`. */
  version: number;
  /** Whether nothing has changed the entity since, so a revert can apply. */
  latest: boolean;
}

/** A soft-deleted entity, for coordinators: restoring `restoreChangeId` brings back the version before the deletion. */
export interface DeletedEntity {
  kind: EditableKind;
  id: string;
  name: string;
  deletedAt: string;
  deletedBy: string;
  restoreChangeId: number;
  /** The entity's current version, for the restore's `expectedVersion`. */
  version: number;
}
