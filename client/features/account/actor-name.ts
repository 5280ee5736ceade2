/**
 * Who made a change, as the reader's language says it: a removed account is stored as "removed account N" (a name no
 * one can take: shared/schema/display-name.ts), and reads "borttaget konto N" in Swedish.
 */
import type { TFunction } from "i18next";

export function actorName(name: string, t: TFunction): string {
  const removed = /^removed account (\d+)$/.exec(name);
  return removed ? t("mailAccount.removedAccount", { number: removed[1] }) : name;
}
