/**
 * An uploaded copy of the civictech.se repository (.zip or .tar.gz, as GitHub's "Download" gives it) → its site
 * pages and, when the archive records it, the commit. Nothing is written to disk; sizes are checked before
 * decompressing (zip) or bounded while decompressing (gzip), links and odd paths are skipped.
 */
import { gunzipSync } from "node:zlib";
import { unzipSync } from "fflate";
import { parseTar } from "nanotar";
import { isSitePage, MAX_PAGE_BYTES, MAX_PAGES, SiteError, type SiteFile } from "./read-checkout";

export const MAX_ARCHIVE_BYTES = 50 * 1024 * 1024;
export const MAX_UNPACKED_BYTES = 400 * 1024 * 1024;

export interface SiteArchive {
  files: SiteFile[];
  commit?: string;
  skipped: { file: string; message: string }[];
}

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isGzip = (b: Uint8Array) => b[0] === 0x1f && b[1] === 0x8b;

/** GitHub's archives wrap everything in one folder ("civictech.se-main/"): the site's root is inside it. */
function siteRoot(names: readonly string[]): string {
  const firsts = new Set(names.map((n) => n.split("/")[0]));
  if (firsts.size !== 1) return "";
  const only = [...firsts][0] ?? "";
  return only.startsWith("_") || !names.some((n) => n.startsWith(`${only}/`)) ? "" : `${only}/`;
}

const safePath = (name: string) => !name.startsWith("/") && !name.split("/").includes("..") && !name.includes("\\");

/** The zip's end-of-central-directory comment, where GitHub writes the commit. */
function zipComment(bytes: Uint8Array): string {
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) {
      const length = (bytes[i + 20] ?? 0) | ((bytes[i + 21] ?? 0) << 8);
      return new TextDecoder().decode(bytes.subarray(i + 22, i + 22 + length));
    }
  }
  return "";
}

const commitIn = (text: string): string | undefined => /\b([0-9a-f]{40})\b/.exec(text)?.[1];

/** A pax global header first in the tar ("52 comment=<commit>", as git archive writes): its text. */
function paxGlobalHeader(tar: Uint8Array): string {
  if (tar.length < 1024 || String.fromCharCode(tar[156] ?? 0) !== "g") return "";
  const size = Number.parseInt(new TextDecoder().decode(tar.subarray(124, 136)).replace(/\0.*$/, "").trim(), 8);
  return Number.isFinite(size) && size < 4096 ? new TextDecoder().decode(tar.subarray(512, 512 + size)) : "";
}

function collect(
  entries: { name: string; size: number; read: () => Uint8Array }[],
): Pick<SiteArchive, "files" | "skipped"> {
  const names = entries.map((e) => e.name).filter(safePath);
  const root = siteRoot(names);
  const files: SiteFile[] = [];
  const skipped: SiteArchive["skipped"] = [];
  let unpacked = 0;
  for (const entry of entries) {
    if (!safePath(entry.name) || !entry.name.startsWith(root)) continue;
    const path = entry.name.slice(root.length);
    if (!isSitePage(path)) continue;
    if (entry.size > MAX_PAGE_BYTES) {
      skipped.push({ file: path, message: `${entry.size} bytes, more than ${MAX_PAGE_BYTES}: skipped` });
      continue;
    }
    unpacked += entry.size;
    if (files.length >= MAX_PAGES || unpacked > MAX_UNPACKED_BYTES)
      throw new SiteError(`the archive holds more than ${MAX_PAGES} pages or ${MAX_UNPACKED_BYTES} bytes of them`);
    files.push({ path, text: new TextDecoder("utf-8", { fatal: false }).decode(entry.read()) });
  }
  return { files, skipped };
}

export function readSiteArchive(bytes: Uint8Array, maxUnpacked = MAX_UNPACKED_BYTES): SiteArchive {
  if (bytes.length > MAX_ARCHIVE_BYTES) throw new SiteError(`the archive is larger than ${MAX_ARCHIVE_BYTES} bytes`);
  if (isZip(bytes)) {
    const sizes = new Map<string, number>();
    // The filter sees each entry's stated size before anything is inflated: only site pages are ever unpacked.
    const unzipped = unzipSync(bytes, {
      filter: (info) => {
        sizes.set(info.name, info.originalSize);
        return safePath(info.name) && /\.(md|markdown)$/.test(info.name) && info.originalSize <= MAX_PAGE_BYTES;
      },
    });
    const entries = [...sizes].map(([name, size]) => ({
      name,
      size,
      read: () => unzipped[name] ?? new Uint8Array(),
    }));
    const commit = commitIn(zipComment(bytes));
    return { ...collect(entries), ...(commit ? { commit } : {}) };
  }
  if (isGzip(bytes)) {
    let tar: Buffer;
    try {
      tar = gunzipSync(bytes, { maxOutputLength: maxUnpacked });
    } catch (error) {
      throw new SiteError(`the .tar.gz cannot be unpacked: ${(error as Error).message}`);
    }
    const items = parseTar(tar);
    const commit = commitIn(paxGlobalHeader(tar));
    const entries = items
      .filter((i) => i.type === "file" || i.type === undefined)
      .map((i) => ({ name: i.name, size: i.size, read: () => i.data ?? new Uint8Array() }));
    return { ...collect(entries), ...(commit ? { commit } : {}) };
  }
  throw new SiteError("not a .zip or .tar.gz archive");
}
