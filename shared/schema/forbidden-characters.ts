/**
 * The characters text from outside may not hold (see text.ts for the rule and its two exceptions), found and removed
 * without zod, so the client can clean a box as it is typed in without zod in its first download.
 */

/** Every character the rule is about, allowed or not: the fast test before the detailed scan. */
const SUSPECT = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\u115F\u1160\u2028\u2029\u3164\uFFA0]|\u034F|\u180B|\u180C|\u180D|\u180F/u;

const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
const LINE_BREAKS = /[\t\n\r]/u;
const EMOJI_BEFORE_JOINER = /\p{Extended_Pictographic}|\p{Emoji_Modifier}|\uFE0F/u;
const EMOJI = /\p{Extended_Pictographic}/u;
const LETTER = /[\p{L}\p{M}]/u;
/** Scripts that never need a non-joiner: there it only hides a difference. */
const NO_JOINER_SCRIPT = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Common}]/u;

export interface ForbiddenCharacter {
  /** 1-based position, in code points. */
  position: number;
  /** "U+202E". */
  codePoint: string;
  /** What kind of character it is, in words. */
  what: string;
}

const hex = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`;

function describe(ch: string): string {
  if (BIDI.test(ch)) return "a bidirectional text control (it can reverse how the text reads)";
  if (/\p{Cc}/u.test(ch) || /[\u2028\u2029]/u.test(ch)) return "a control character";
  if (/\p{Cs}/u.test(ch)) return "a broken character (an unpaired surrogate)";
  if (/\p{Co}/u.test(ch)) return "a private-use character";
  return "an invisible character";
}

function allowedInContext(ch: string, before: string | undefined, after: string | undefined, multiline: boolean) {
  if (multiline && LINE_BREAKS.test(ch)) return true;
  if (before === undefined || after === undefined) return false;
  if (ch === "\u200D") return EMOJI_BEFORE_JOINER.test(before) && EMOJI.test(after);
  if (ch === "\u200C") return LETTER.test(before) && LETTER.test(after) && !NO_JOINER_SCRIPT.test(before + after);
  return false;
}

/** The first character the rule refuses, or undefined when the text is clean. */
export function findForbiddenCharacter(text: string, { multiline = false } = {}): ForbiddenCharacter | undefined {
  if (!SUSPECT.test(text)) return undefined;
  const chars = Array.from(text);
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    if (!SUSPECT.test(ch) || allowedInContext(ch, chars[i - 1], chars[i + 1], multiline)) continue;
    return { position: i + 1, codePoint: hex(ch.codePointAt(0) as number), what: describe(ch) };
  }
  return undefined;
}

export const forbiddenMessage = (found: ForbiddenCharacter) =>
  `contains ${found.what} (${found.codePoint}) at character ${found.position}; remove it`;

/**
 * The text without the characters the rule refuses (allowed joiners stay), and each one removed, positioned in the
 * text as given: for a box that refuses them as they are typed or pasted.
 */
export function withoutForbidden(
  text: string,
  { multiline = false } = {},
): { text: string; removed: ForbiddenCharacter[] } {
  const removed: ForbiddenCharacter[] = [];
  let chars = Array.from(text);
  let shift = 0;
  for (let found = findForbiddenCharacter(chars.join(""), { multiline }); found; ) {
    removed.push({ ...found, position: found.position + shift });
    chars = [...chars.slice(0, found.position - 1), ...chars.slice(found.position)];
    shift++;
    found = findForbiddenCharacter(chars.join(""), { multiline });
  }
  return { text: chars.join(""), removed };
}

/** Removes every character the rule is about, allowed ones included: for comparing, never for storing. */
export const stripInvisible = (text: string) =>
  text.replace(new RegExp(SUSPECT.source, "gu"), "").replace(/[\uFE00-\uFE0F]/gu, "");
