/** Escaping for the XML formats the writers produce (CSV cells: shared/csv.ts), and the batching of small pieces into chunks. */

/** Characters XML 1.0 forbids anywhere (control characters, lone surrogates, U+FFFE/U+FFFF): dropped. */
const XML_INVALID =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters to remove
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const XML_SPECIAL = /[&<>"'\t\n\r]/g;
const XML_ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
  // In attribute values a parser turns raw tabs and newlines into spaces; character references keep them.
  "\t": "&#9;",
  "\n": "&#10;",
  "\r": "&#13;",
};

/** Removes the characters XML cannot carry, so that every format writes the same text. */
export function stripInvalidChars(text: string): string {
  return text.replace(XML_INVALID, "");
}

/** Escapes text for an XML attribute value or element content (dropping characters XML cannot carry). */
export function xml(value: string | number | boolean): string {
  return stripInvalidChars(String(value)).replace(XML_SPECIAL, (c) => XML_ENTITIES[c] as string);
}

/** Separator of multiple values in one CSV or GraphML field. */
export const LIST_SEPARATOR = "|";

/** Joins list items with "|"; an item's own "|" (possible only in URLs) is percent-encoded, as URLs allow. */
export function joinList(items: readonly string[]): string {
  return items.map((item) => item.replaceAll(LIST_SEPARATOR, "%7C")).join(LIST_SEPARATOR);
}

/** Numbers as their shortest round-trip text; non-finite values (never expected) as empty. */
export function numberText(value: number): string {
  return Number.isFinite(value) ? String(value) : "";
}

export const CHUNK_CHARS = 64 * 1024;

/**
 * Concatenates the small pieces a writer yields into chunks of about `size` characters, so a stream moves a few
 * thousand chunks instead of millions of tiny strings. Lazy: nothing is read ahead of what the consumer pulls.
 */
export function* chunked(pieces: Iterable<string>, size = CHUNK_CHARS): Generator<string, void, undefined> {
  let buffer: string[] = [];
  let length = 0;
  for (const piece of pieces) {
    buffer.push(piece);
    length += piece.length;
    if (length >= size) {
      yield buffer.join("");
      buffer = [];
      length = 0;
    }
  }
  if (length > 0) yield buffer.join("");
}
