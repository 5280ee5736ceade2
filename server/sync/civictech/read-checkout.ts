/**
 * A checkout of the civictech.se repository → its pages (whitelisted front matter only), the problems met on the
 * way (each naming its file), and the commit the checkout is at, so every source can be pinned to it.
 * Symbolic links are never followed, and hostile sizes are refused before reading.
 */
import { existsSync, lstatSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { FrontMatterError, readFrontMatter } from "./front-matter";
import { PageError, readPage, type SitePage } from "./site-pages";

export const SITE_FOLDERS = ["_events", "_posts", "_groups"] as const;
/** More pages than this is not the civictech.se site. */
export const MAX_PAGES = 5_000;
export const MAX_PAGE_BYTES = 512 * 1024;

export interface SiteProblem {
  file: string;
  message: string;
}

export interface SiteRead {
  pages: SitePage[];
  problems: SiteProblem[];
  /** The checkout's commit (40 hex digits), when it is a git checkout. */
  commit?: string;
}

/** A page's file and text, as read from a folder or an uploaded archive. */
export interface SiteFile {
  path: string;
  text: string;
}

export class SiteError extends Error {
  override name = "SiteError";
}

const PAGE = /\.(md|markdown)$/;

export function isSitePage(path: string): boolean {
  const top = path.split("/")[0];
  return (SITE_FOLDERS as readonly string[]).includes(top ?? "") && PAGE.test(path);
}

/** Pages from files (paths relative to the site's root, forward slashes). */
export function readSiteFiles(files: readonly SiteFile[]): Omit<SiteRead, "commit"> {
  const pages: SitePage[] = [];
  const problems: SiteProblem[] = [];
  for (const { path, text } of [...files].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    if (!isSitePage(path)) continue;
    try {
      pages.push(readPage(path, readFrontMatter(path, text)));
    } catch (error) {
      if (error instanceof FrontMatterError || error instanceof PageError)
        problems.push({ file: path, message: error.message });
      else throw error;
    }
  }
  return { pages, problems };
}

/** The commit HEAD points at, read from `.git` without running git. */
export function checkoutCommit(root: string): string | undefined {
  const gitDir = join(root, ".git");
  if (!existsSync(join(gitDir, "HEAD"))) return undefined;
  const head = readFileSync(join(gitDir, "HEAD"), "utf8").trim();
  if (/^[0-9a-f]{40}$/.test(head)) return head;
  const ref = /^ref: (refs\/[\w./-]+)$/.exec(head)?.[1];
  if (!ref || ref.includes("..")) return undefined;
  const loose = join(gitDir, ...ref.split("/"));
  if (existsSync(loose)) {
    const sha = readFileSync(loose, "utf8").trim();
    return /^[0-9a-f]{40}$/.test(sha) ? sha : undefined;
  }
  const packed = join(gitDir, "packed-refs");
  if (!existsSync(packed)) return undefined;
  for (const line of readFileSync(packed, "utf8").split("\n")) {
    const [sha, name] = line.split(" ");
    if (name === ref && sha && /^[0-9a-f]{40}$/.test(sha)) return sha;
  }
  return undefined;
}

export function readCheckout(root: string): SiteRead {
  if (!existsSync(root) || !lstatSync(root).isDirectory()) throw new SiteError(`${root}: not a folder`);
  if (!SITE_FOLDERS.some((f) => existsSync(join(root, f))))
    throw new SiteError(`${root}: no _events/, _posts/ or _groups/ folder: is this a checkout of civictech.se?`);
  const files: SiteFile[] = [];
  const problems: SiteProblem[] = [];
  for (const folder of SITE_FOLDERS) {
    const dir = join(root, folder);
    if (!existsSync(dir) || !lstatSync(dir).isDirectory()) continue;
    for (const name of readdirSync(dir, { recursive: true, encoding: "utf8" })) {
      const full = join(dir, name);
      const path = relative(root, full).split(sep).join("/");
      const stat = lstatSync(full);
      if (!stat.isFile() || !isSitePage(path)) continue;
      if (files.length >= MAX_PAGES) throw new SiteError(`${root}: more than ${MAX_PAGES} pages`);
      if (stat.size > MAX_PAGE_BYTES) {
        problems.push({ file: path, message: `${stat.size} bytes, more than ${MAX_PAGE_BYTES}: skipped` });
        continue;
      }
      files.push({ path, text: readFileSync(full, "utf8") });
    }
  }
  const read = readSiteFiles(files);
  const commit = checkoutCommit(root);
  return { pages: read.pages, problems: [...problems, ...read.problems], ...(commit ? { commit } : {}) };
}
