/** The shape of "Download my data": one account's record, submissions, change-log entries, contact requests and claims. */
import type { Language, Role } from "./account";
import type { MyContactRequests, OwnershipClaim } from "./contact";
import type { Submission } from "./editable";

export interface AccountDataExport {
  exportedAt: string;
  account: {
    id: number;
    email: string;
    displayName: string;
    role: Role;
    language: Language;
    emailVerified: boolean;
    /** Coordinators and administrators only: the daily review mail (members get none, so none is listed). */
    digest?: boolean;
    disabled: boolean;
    createdAt: string;
    owns: { kind: "project" | "organisation"; id: string }[];
  };
  submissions: Submission[];
  /** Sent (by the account or from its projects) and received (to its organisations). */
  contactRequests: MyContactRequests;
  claims: OwnershipClaim[];
  changes: {
    id: number;
    at: string;
    action: string;
    kind: string;
    entityId: string;
    version: number;
    note: string | null;
    before: unknown;
    after: unknown;
  }[];
}
