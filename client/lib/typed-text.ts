/**
 * What a person types or pastes into a free-text box: hidden and bidirectional characters never enter it (the server
 * would refuse them), and the removal is named at the field, each character by code point and position. One helper
 * for every box (the contact message, the claim message, the report note, the shortlist note), so they all say it
 * the same way in both languages.
 */
import type { TFunction } from "i18next";
import { withoutForbidden } from "../../shared/schema/forbidden-characters";

export interface TypedText {
  /** The text with the hidden and bidi characters removed. */
  text: string;
  /** "Ett osynligt tecken … togs bort (U+200B på plats 4) …", or undefined when nothing was removed. */
  removed?: string;
}

export function typedText(value: string, t: TFunction, { multiline = true } = {}): TypedText {
  const { text, removed } = withoutForbidden(value, { multiline });
  if (removed.length === 0) return { text };
  return {
    text,
    removed: t("partners.shortlist.refused", {
      count: removed.length,
      list: removed.map((r) => t("partners.shortlist.refusedAt", { ...r })).join(", "),
    }),
  };
}
