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
}

export const UpdateInputSchema = EditableEntitySchema;
export const DeleteInputSchema = EntityRefSchema.extend({ reason: ReasonSchema.optional() });
/** Restores the entity to the version a change produced (its `after`); a restore is itself a logged change. */
export const RestoreInputSchema = z.object({ changeId: ChangeIdSchema });

/** A soft-deleted entity, for coordinators: restoring `restoreChangeId` brings back the version before the deletion. */
export interface DeletedEntity {
  kind: EditableKind;
  id: string;
  name: string;
  deletedAt: string;
  deletedBy: string;
  restoreChangeId: number;
}
