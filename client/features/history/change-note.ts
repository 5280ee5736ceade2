/**
 * A change's note in the reader's language. The server writes two kinds in English ("approved submission 3 by Maja",
 * "restored the version of change 7"); anything else is a person's own words (a reason) and is shown as written.
 */
import type { TFunction } from "i18next";

export function changeNote(note: string, t: TFunction, whenOfChange: (id: number) => string | undefined): string {
  const approved = /^approved submission \d+ by (.+)$/.exec(note);
  if (approved) return t("history.noteApproved", { who: approved[1] });
  const restored = /^restored the version of change (\d+)$/.exec(note);
  if (restored) {
    const when = whenOfChange(Number(restored[1]));
    if (when) return t("history.noteRestored", { when });
  }
  return t("history.note", { note });
}
