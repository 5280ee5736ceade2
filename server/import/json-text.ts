/**
 * JSON with places: JSON.parse for speed, and a small scanner that, when something is wrong, finds where: the line
 * and column of a syntax error (Node's own messages do not give one), or of the value at a path such as
 * ["organisations", 3, "website"] that failed validation.
 */
import { LineIndex, type Position } from "./text-position";

export class JsonSyntaxError extends Error {
  override name = "JsonSyntaxError";
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** Nesting deeper than an import may have: refused before parsing, at the bracket that goes too deep. */
export class JsonTooDeepError extends JsonSyntaxError {
  override name = "JsonTooDeepError";
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const describe = (c: string | undefined) => (c === undefined ? "the end of the file" : JSON.stringify(c));

class Scanner {
  i = 0;
  constructor(readonly text: string) {}

  fail(message: string, at = this.i): never {
    throw new JsonSyntaxError(message, at);
  }
  ws(): void {
    const t = this.text;
    while (this.i < t.length) {
      const c = t.charCodeAt(this.i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) this.i++;
      else break;
    }
  }
  expect(c: string, what: string): void {
    this.ws();
    if (this.text[this.i] !== c) this.fail(`expected ${what}, found ${describe(this.text[this.i])}`);
    this.i++;
  }
  string(): string {
    const t = this.text;
    const start = this.i;
    if (t[this.i] !== '"') this.fail(`expected a string in double quotes, found ${describe(t[this.i])}`);
    this.i++;
    let out = "";
    let from = this.i;
    for (;;) {
      const c = t[this.i];
      if (c === undefined) this.fail("unterminated string", start);
      if (c === '"') break;
      if (c < " ") this.fail("control character in a string (escape line breaks as \\n)");
      if (c === "\\") {
        out += t.slice(from, this.i);
        const e = t[this.i + 1];
        const simple: Record<string, string> = {
          '"': '"',
          "\\": "\\",
          "/": "/",
          b: "\b",
          f: "\f",
          n: "\n",
          r: "\r",
          t: "\t",
        };
        if (e !== undefined && e in simple) {
          out += simple[e];
          this.i += 2;
        } else if (e === "u" && /^[0-9a-fA-F]{4}$/.test(t.slice(this.i + 2, this.i + 6))) {
          out += String.fromCharCode(Number.parseInt(t.slice(this.i + 2, this.i + 6), 16));
          this.i += 6;
        } else this.fail(`bad escape sequence \\${e ?? ""}`);
        from = this.i;
      } else this.i++;
    }
    out += t.slice(from, this.i);
    this.i++;
    return out;
  }
  /** Skips one value, checking its syntax. */
  skip(): void {
    this.ws();
    const c = this.text[this.i];
    if (c === "{") {
      this.i++;
      this.ws();
      if (this.text[this.i] === "}") {
        this.i++;
        return;
      }
      for (;;) {
        this.ws();
        this.string();
        this.expect(":", '":" after a property name');
        this.skip();
        this.ws();
        const next = this.text[this.i];
        this.i++;
        if (next === "}") return;
        if (next !== ",") this.fail(`expected "," or "}" after a property value, found ${describe(next)}`, this.i - 1);
      }
    }
    if (c === "[") {
      this.i++;
      this.ws();
      if (this.text[this.i] === "]") {
        this.i++;
        return;
      }
      for (;;) {
        this.skip();
        this.ws();
        const next = this.text[this.i];
        this.i++;
        if (next === "]") return;
        if (next !== ",") this.fail(`expected "," or "]" after an array element, found ${describe(next)}`, this.i - 1);
      }
    }
    if (c === '"') {
      this.string();
      return;
    }
    for (const literal of ["true", "false", "null"]) {
      if (this.text.startsWith(literal, this.i)) {
        this.i += literal.length;
        return;
      }
    }
    NUMBER.lastIndex = this.i;
    if (NUMBER.test(this.text)) {
      this.i = NUMBER.lastIndex;
      return;
    }
    this.fail(`expected a value, found ${describe(c)}`);
  }

  /** From a value's start, the offset of the value at `path`, or of the deepest part of it that exists. */
  find(path: readonly PropertyKey[], depth = 0): number {
    this.ws();
    const start = this.i;
    if (depth === path.length) return start;
    const want = path[depth];
    const c = this.text[this.i];
    if (c === "{" && typeof want === "string") {
      this.i++;
      this.ws();
      if (this.text[this.i] === "}") return start;
      for (;;) {
        this.ws();
        const key = this.string();
        this.expect(":", '":"');
        if (key === want) return this.find(path, depth + 1);
        this.skip();
        this.ws();
        if (this.text[this.i++] !== ",") return start;
      }
    }
    if (c === "[" && typeof want === "number") {
      this.i++;
      this.ws();
      if (this.text[this.i] === "]") return start;
      for (let index = 0; ; index++) {
        if (index === want) return this.find(path, depth + 1);
        this.skip();
        this.ws();
        if (this.text[this.i++] !== ",") return start;
      }
    }
    return start;
  }
}

/**
 * Deepest nesting of objects and lists an import may have. A record is 4 deep ({"projects": [{"summary": {…}}]});
 * the limit keeps every recursive step after parsing (the checks, the scanner that finds places) from overflowing the
 * stack on a hostile file.
 */
export const MAX_JSON_DEPTH = 20;

/** The offset of the first bracket that opens more than `limit` levels, or -1. Iterative: any depth is safe. */
export function tooDeepAt(text: string, limit = MAX_JSON_DEPTH): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return i;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return -1;
}

/**
 * Parses JSON text; a syntax error becomes a JsonSyntaxError with the offset where it is, and so does nesting deeper
 * than MAX_JSON_DEPTH (checked first, whether or not the rest is valid JSON).
 */
export function parseJsonText(text: string): unknown {
  const deep = tooDeepAt(text);
  if (deep !== -1)
    throw new JsonTooDeepError(
      `nested more than ${MAX_JSON_DEPTH} levels deep (an import record needs 4); nothing was read`,
      deep,
    );
  try {
    return JSON.parse(text);
  } catch (error) {
    const scanner = new Scanner(text);
    scanner.skip();
    scanner.ws();
    if (scanner.i < text.length) scanner.fail(`unexpected ${describe(text[scanner.i])} after the JSON value`);
    throw new JsonSyntaxError((error as Error).message, 0);
  }
}

/** Line and column of the value at `path` in a JSON text (of its nearest existing parent when it is missing). */
export function locateJsonPath(text: string, path: readonly PropertyKey[], lines = new LineIndex(text)): Position {
  try {
    return lines.at(new Scanner(text).find(path));
  } catch {
    return { line: 1, column: 1 };
  }
}
