/**
 * Text from outside, made safe once for every schema: NFC-normalised, trimmed, bounded, and refused when it holds a
 * character that is invisible or rewrites how text around it reads (controls including NUL, bidirectional overrides
 * and isolates, zero-width and other format characters, private-use and broken characters). Refusing (with the field,
 * the code point and its position) rather than silently stripping means what is stored is what the person saw.
 *
 * Two exceptions keep real writing working: a zero-width joiner between emoji (👩‍💻 is one picture), and a
 * zero-width non-joiner between letters of scripts that need it (Persian, Indic). Multi-line fields also allow tab
 * and line breaks. Display names are compared with every such character stripped anyway (display-name.ts).
 */
import { z } from "zod";
import { findForbiddenCharacter, forbiddenMessage } from "./forbidden-characters";

export {
  type ForbiddenCharacter,
  findForbiddenCharacter,
  forbiddenMessage,
  stripInvisible,
  withoutForbidden,
} from "./forbidden-characters";

export interface SafeTextOptions {
  max: number;
  /** Allows tab and line breaks (summaries, reasons). */
  multiline?: boolean;
}

/** A string that is NFC-normalised, trimmed, at most `max` characters and free of forbidden characters. */
export const safeText = ({ max, multiline = false }: SafeTextOptions) =>
  z
    .string()
    .normalize("NFC")
    .trim()
    .max(max, `at most ${max} characters`)
    .superRefine((text, ctx) => {
      const found = findForbiddenCharacter(text, { multiline });
      if (found) ctx.addIssue({ code: "custom", message: forbiddenMessage(found), input: text });
    });
