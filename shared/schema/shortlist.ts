/** A project's shortlist: organisations its owners mean to contact, each with a note. Inputs and the answer's shape. */
import { z } from "zod";
import { SlugSchema } from "./common";
import { MAX_CHARS } from "./limits";
import type { OrganisationKind } from "./organisation";
import { safeText } from "./text";

/** Free text, line breaks allowed; empty clears it. */
export const ShortlistNoteSchema = safeText({ max: MAX_CHARS.shortlistNote, multiline: true });

export const ShortlistListInputSchema = z.object({ projectId: SlugSchema });

export const ShortlistAddInputSchema = z.object({
  projectId: SlugSchema,
  organisationId: SlugSchema,
  note: ShortlistNoteSchema.optional(),
});

export const ShortlistUpdateInputSchema = z.object({
  projectId: SlugSchema,
  organisationId: SlugSchema,
  note: ShortlistNoteSchema,
});

export const ShortlistRemoveInputSchema = z.object({ projectId: SlugSchema, organisationId: SlugSchema });

export type ShortlistAddInput = z.infer<typeof ShortlistAddInputSchema>;

export interface ShortlistEntry {
  organisationId: string;
  /** The organisation's name as stored (kept when it has been deleted since). */
  name: string;
  kind: OrganisationKind;
  note: string;
  /** Display name of who added it; absent when that account is gone. */
  addedBy?: string;
  addedAt: string;
  updatedAt: string;
  /** The organisation was deleted after it was saved: it can no longer be suggested, only removed. */
  gone: boolean;
}

export interface Shortlist {
  projectId: string;
  entries: ShortlistEntry[];
  /** The most entries the list may hold. */
  max: number;
}
