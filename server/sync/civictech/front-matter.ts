/**
 * The YAML front matter of a Jekyll page (the block between the first two `---` lines). Comment lines inside it
 * (commented-out sign-up forms, old links) are dropped by the YAML parser; the page body is never read.
 */
import { parseDocument } from "yaml";

export class FrontMatterError extends Error {
  override name = "FrontMatterError";
  constructor(
    readonly file: string,
    readonly line: number,
    message: string,
  ) {
    super(`${file}:${line}: ${message}`);
  }
}

const FENCE = /^---[ \t]*$/;

export function readFrontMatter(file: string, text: string): Record<string, unknown> {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  if (!FENCE.test(lines[0] ?? "")) throw new FrontMatterError(file, 1, "no front matter: the page must start with ---");
  const end = lines.findIndex((line, i) => i > 0 && FENCE.test(line));
  if (end < 0) throw new FrontMatterError(file, 1, "the front matter is never closed with ---");
  const doc = parseDocument(lines.slice(1, end).join("\n"), { uniqueKeys: false });
  const first = doc.errors[0];
  if (first) {
    const line = (first.linePos?.[0]?.line ?? 0) + 1;
    throw new FrontMatterError(file, line, `bad YAML: ${first.message.split("\n")[0]}`);
  }
  const value = doc.toJS({ maxAliasCount: 20 }) as unknown;
  if (value === null || value === undefined) return {};
  if (typeof value !== "object" || Array.isArray(value))
    throw new FrontMatterError(file, 2, "the front matter must be a mapping of fields");
  return value as Record<string, unknown>;
}
