/**
 * Where something is in a text file, as people and editors count: line and column from 1, columns in characters.
 * Also the strict UTF-8 decoding imports start with, which names the line and column of the first bad byte.
 */

export interface Position {
  line: number;
  column: number;
}

/** Line and column of a character offset in a text. */
export function positionAt(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** Finds line numbers of many offsets at once: build once per text, then ask in O(log lines). */
export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(private readonly text: string) {
    for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) this.starts.push(i + 1);
  }
  at(offset: number): Position {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (this.starts[lo] as number) + 1 };
  }
  get lineCount(): number {
    return this.starts.length;
  }
  get length(): number {
    return this.text.length;
  }
}

export class BadEncodingError extends Error {
  override name = "BadEncodingError";
  constructor(
    message: string,
    readonly position: Position,
  ) {
    super(message);
  }
}

/** Length of the valid UTF-8 sequence starting at i, or 0 when it is not one (overlong, surrogate, truncated). */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i] as number;
  if (b0 < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => {
    const b = bytes[i + k];
    return b !== undefined && b >= lo && b <= hi;
  };
  if (b0 >= 0xc2 && b0 <= 0xdf) return cont(1) ? 2 : 0;
  if (b0 === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  if ((b0 >= 0xe1 && b0 <= 0xec) || b0 === 0xee || b0 === 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (b0 === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0;
  if (b0 === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (b0 >= 0xf1 && b0 <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (b0 === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/**
 * Decodes bytes as UTF-8, dropping a leading byte order mark. Throws a BadEncodingError at the first byte that is
 * not valid UTF-8 (a Latin-1 or Windows-1252 file typically fails at its first å, ä or ö).
 */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    let line = 1;
    let column = 1;
    let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    while (i < bytes.length) {
      const length = sequenceLength(bytes, i);
      if (length === 0) {
        const hex = (bytes[i] as number).toString(16).toUpperCase().padStart(2, "0");
        throw new BadEncodingError(`not valid UTF-8 (byte 0x${hex} at byte offset ${i}); save the file as UTF-8`, {
          line,
          column,
        });
      }
      if (bytes[i] === 0x0a) {
        line++;
        column = 1;
      } else column += length === 4 ? 2 : 1;
      i += length;
    }
    throw new BadEncodingError("not valid UTF-8; save the file as UTF-8", { line, column });
  }
}
