/** The pages that open in place of the map: forms, lists and history. Kept in App state, not the URL (personal views). */
import type { EditableKind } from "../../../shared/schema/editable";

export type WorkspacePage =
  | { page: "register"; kind: EditableKind }
  | { page: "mine" }
  | { page: "review" }
  | { page: "accounts" }
  | { page: "edit"; kind: EditableKind; id: string }
  | { page: "history"; kind: EditableKind; id: string }
  | { page: "settings" }
  | { page: "outbox" }
  | { page: "contacts" }
  // Opened from the links in mail (mail-link.ts); these work signed out.
  | { page: "verify"; token: string }
  | { page: "reset"; token: string }
  | { page: "confirm-email"; token: string };
