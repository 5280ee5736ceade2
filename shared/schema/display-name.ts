/**
 * Display names are shown in the history and the review queue as who did what, so one must not pass for another or
 * for the system: they are unique after folding case, width and invisible characters ("Anna", "ANNA", "Ａｎｎａ" and
 * "Anna\u200B" are one name), and names that claim a role or the service itself are reserved.
 */
import { stripInvisible } from "./text";

/** The form two names are compared in; the account table's unique index is on it (migration 6). */
export function displayNameKey(name: string): string {
  return stripInvisible(name.normalize("NFKC"))
    .toUpperCase() // then lower: a simple full case fold ("ß" and "SS" meet as "ss")
    .toLowerCase()
    .normalize("NFKC")
    .replace(/\s+/gu, " ")
    .trim();
}

/**
 * Words no display name may contain as a whole word, anywhere ("Admin Anna" and "Anna (admin)" are as misleading as
 * "Admin"): the roles in both languages, the actor shown for imports ("system"), the name a removed account gets and the service's own names.
 */
export const RESERVED_NAME_WORDS: readonly string[] = [
  "system",
  "admin",
  "admins",
  "administrator",
  "administratör",
  "administratören",
  "sysadmin",
  "root",
  "superuser",
  "coordinator",
  "koordinator",
  "koordinatorn",
  "samordnare",
  "samordnaren",
  "moderator",
  "moderatorn",
  "moderatör",
  "partnerkartan",
  "partner map",
  "civic tech sweden",
  "civictech sweden",
  "civictechsweden",
  // What a removed account is called in the change log ("removed account 12").
  "removed account",
  "borttaget konto",
];

const wordsOf = (text: string) => text.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
const RESERVED = RESERVED_NAME_WORDS.map((term) => wordsOf(displayNameKey(term)));

/** The reserved term the name contains as whole words (or spells out letter by letter), or undefined. */
export function reservedTermIn(name: string): string | undefined {
  const words = wordsOf(displayNameKey(name));
  const joined = words.join("");
  for (const term of RESERVED) {
    if (joined === term.join("")) return term.join(" ");
    for (let i = 0; i + term.length <= words.length; i++) {
      if (term.every((w, j) => words[i + j] === w)) return term.join(" ");
    }
  }
  return undefined;
}
