/**
 * Contact requests ("Kontakta / Contact"): a project's owner writes to an organisation's owners, the match's reasons
 * attached by the server; the recipient accepts (both addresses shared with the two of them) or declines. Also the
 * claims by which an organisation's people become the owners of its profile. Inputs and the answers' shapes.
 */
import { z } from "zod";
import { SlugSchema } from "./common";
import { MAX_CHARS } from "./limits";
import { safeText } from "./text";

/** Free text, line breaks allowed, hidden and bidirectional characters refused as in every other field. */
export const ContactMessageSchema = safeText({ max: MAX_CHARS.contactMessage, multiline: true }).min(
  1,
  "write a short message",
);

export const ContactPairInputSchema = z.object({ projectId: SlugSchema, organisationId: SlugSchema });
export const ContactSendInputSchema = ContactPairInputSchema.extend({ message: ContactMessageSchema });
export const ContactTargetInputSchema = z.object({ organisationId: SlugSchema });
export const ContactRequestIdInputSchema = z.object({ requestId: z.number().int().positive() });
export const ContactReportInputSchema = ContactRequestIdInputSchema.extend({
  note: safeText({ max: MAX_CHARS.reportNote, multiline: true }).default(""),
});

export const CONTACT_STATUSES = ["open", "accepted", "declined"] as const;
export type ContactStatus = (typeof CONTACT_STATUSES)[number];

/** The other side's name and address: present only on an accepted request, and only for the two people in it. */
export interface ContactPerson {
  name: string;
  email: string;
}

export interface ContactRequest {
  id: number;
  projectId: string;
  projectName: string;
  organisationId: string;
  organisationName: string;
  message: string;
  /** The reasons for the match as sentences, in Swedish and English, computed when it was sent. */
  reasons: { sv: string[]; en: string[] };
  /** The pair's score (0–1) when it was sent. */
  score: number | null;
  status: ContactStatus;
  /** Display name of the sender ("removed account N" once removed). */
  senderName: string;
  createdAt: string;
  decidedAt?: string;
  reported: boolean;
  /** The other party, once accepted, for the sender and the accepting owner only. */
  contact?: ContactPerson;
}

export interface MyContactRequests {
  sent: ContactRequest[];
  received: ContactRequest[];
}

/** What the dialog shows before anything is sent. */
export interface ContactPreview {
  projectId: string;
  projectName: string;
  organisationId: string;
  organisationName: string;
  /** False: the organisation has not claimed its profile, so the app points to its website and collects nothing. */
  claimed: boolean;
  website?: string;
  reasons: { sv: string[]; en: string[] };
  /** An open request for this pair, if one is waiting. */
  open?: { id: number; createdAt: string };
  /** Requests the project sent in the last 24 hours, and the most allowed. */
  sentToday: number;
  perDay: number;
  /** At the limit: when the oldest counted request leaves the window and the project may send again (ISO 8601). */
  retryAt?: string;
}

/** "Suggestion acted on", measured: what coordinators see and evaluations can use. */
export interface ContactFigures {
  sent: number;
  open: number;
  accepted: number;
  declined: number;
  reported: number;
  /** Requests whose organisation is among the project's partners (or its lead) now; none were when sent. */
  becamePartners: number;
  /** Of those, the ones that had been accepted. */
  acceptedBecamePartners: number;
}

export interface ContactReport {
  requestId: number;
  projectId: string;
  projectName: string;
  organisationId: string;
  organisationName: string;
  message: string;
  senderName: string;
  reportedBy: string;
  note: string;
  reportedAt: string;
}

// Claims of an organisation's profile.
export const ClaimCreateInputSchema = z.object({
  organisationId: SlugSchema,
  message: safeText({ max: MAX_CHARS.contactMessage, multiline: true }).min(
    1,
    "say who you are at the organisation, so a coordinator can check",
  ),
});
export const ClaimDecideInputSchema = z.object({ id: z.number().int().positive() });
export const ClaimRejectInputSchema = ClaimDecideInputSchema.extend({
  reason: safeText({ max: MAX_CHARS.reason, multiline: true }).min(1, "a reason is required"),
});

export const CLAIM_STATUSES = ["pending", "approved", "rejected"] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export interface OwnershipClaim {
  id: number;
  organisationId: string;
  organisationName: string;
  message: string;
  status: ClaimStatus;
  claimantName: string;
  createdAt: string;
  decidedAt?: string;
  decidedBy?: string;
  reason?: string;
}

/** An organisation as the contact controls see it (signed in). */
export interface ContactTarget {
  organisationId: string;
  claimed: boolean;
  website?: string;
  /** The caller owns the profile already. */
  mine: boolean;
  /** The caller's claim waiting for review, if any. */
  pendingClaim?: { id: number; createdAt: string };
}
