/** Whether the signed-in person may edit a record: its owners and coordinators. The server checks again on every call. */
import type { Me } from "../../../shared/schema/account";
import type { EditableKind } from "../../../shared/schema/editable";
import { hasRole } from "../../../shared/schema/value-lists";

export function canEdit(me: Me | null | undefined, kind: EditableKind, id: string): boolean {
  if (!me) return false;
  return hasRole(me.role, "coordinator") || me.owns.some((o) => o.kind === kind && o.id === id);
}
