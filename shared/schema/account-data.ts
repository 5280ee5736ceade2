/** The shape of "Download my data": one account's record, submissions and change-log entries. */
import type { Language, Role } from "./account";
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
    digest: boolean;
    disabled: boolean;
    createdAt: string;
    owns: { kind: "project" | "organisation"; id: string }[];
  };
  submissions: Submission[];
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
