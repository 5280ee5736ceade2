/**
 * The pages of the civictech.se repository, as the sync reads them: each page's whitelisted front-matter fields only.
 * `_events/` are events, `_posts/` projects, `_groups/` local groups (with their listed partners). A page's language
 * is `lang: en`, a file name ending in `-en`/`-eng`, or a group written `NAME-en`; otherwise Swedish.
 * As on the real site: a page marked `published: false` is a draft the site does not show and is skipped; a `ref`
 * that is only a language code (`ref: sv`, `ref: en`, which many pages carry) is not a key shared by a translation;
 * an event page without a place is a notice ("Vill du vara med?"), not an event.
 */
import { carriesPersonalData, keepText } from "./personal-data";

export type PageLanguage = "sv" | "en";

export interface SiteLink {
  title?: string;
  url: string;
}

interface PageBase {
  /** Path inside the checkout, with forward slashes (`_events/hackathon-2.md`). */
  file: string;
  lang: PageLanguage;
  title: string;
  /** The site's own key shared by a page and its translation. */
  ref?: string;
}

export interface EventPage extends PageBase {
  folder: "_events";
  /** YYYY-MM-DD, as the page states it (its own time zone; never shifted). */
  date: string;
  place: string;
  group?: string;
  partners: SiteLink[];
}

export interface ProjectPage extends PageBase {
  folder: "_posts";
  group?: string;
  tags: string[];
  links: SiteLink[];
}

export interface GroupPage extends PageBase {
  folder: "_groups";
  partners: SiteLink[];
}

export type SitePage = EventPage | ProjectPage | GroupPage;

/** `ref: sv` and `ref: en` name the page's language, not the pair it belongs to. */
const LANGUAGE_REF = /^(sv|en|eng|se)$/i;

export class PageError extends Error {
  override name = "PageError";
  constructor(
    readonly file: string,
    readonly field: string,
    message: string,
  ) {
    super(`${file}: field "${field}": ${message}`);
  }
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:$|[ T])/;

function languageOf(file: string, fields: Record<string, unknown>): PageLanguage {
  if (fields.lang === "en") return "en";
  if (fields.lang === "sv") return "sv";
  const base = file.replace(/^.*\//, "").replace(/\.(md|markdown)$/, "");
  if (/-(en|eng)(-\d+)?$/.test(base)) return "en";
  if (typeof fields.group === "string" && /-en$/.test(fields.group)) return "en";
  return "sv";
}

/** `goteborg`, `_groups/goteborg.md`, `stockholm-en` → `goteborg`, `stockholm`; `[]` and empty → undefined. */
export function groupKey(value: unknown): string | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (typeof text !== "string") return undefined;
  const key = text
    .trim()
    .replace(/^_groups\//, "")
    .replace(/\.(md|markdown)$/, "")
    .replace(/-en$/, "");
  return /^[a-z0-9-]+$/.test(key) ? key : undefined;
}

function links(value: unknown, urlField: "link" | "url"): SiteLink[] {
  if (!Array.isArray(value)) return [];
  const out: SiteLink[] = [];
  for (const item of value) {
    if (!item || typeof item !== "object") continue;
    const entry = item as Record<string, unknown>;
    // An entry that links to a person (mailto:, a phone, an address) is a person, not a partner: drop it whole.
    if (typeof entry[urlField] === "string" && carriesPersonalData(entry[urlField])) continue;
    const url = keepText(entry[urlField]);
    const title = keepText(entry.title);
    if (url && !/^https?:\/\//i.test(url)) {
      // A site-relative link (`/form/…`) or anything else is not a source; the title alone may still name a partner.
      if (title) out.push({ title, url: "" });
      continue;
    }
    if (url || title) out.push({ ...(title ? { title } : {}), url: url ?? "" });
  }
  return out;
}

function required(file: string, fields: Record<string, unknown>, name: string): string {
  const value = keepText(fields[name]);
  if (!value) throw new PageError(file, name, "missing or empty");
  return value;
}

/** One page from its front matter; the folder decides what it is. */
export function readPage(file: string, fields: Record<string, unknown>): SitePage {
  const folder = file.split("/")[0];
  if (fields.published === false || fields.published === "false")
    throw new PageError(file, "published", "false: a draft the site does not show; skipped");
  const base = { file, lang: languageOf(file, fields), title: required(file, fields, "title") };
  const keptRef = keepText(fields.ref);
  const ref = keptRef && !LANGUAGE_REF.test(keptRef) ? keptRef : undefined;
  const withRef = ref ? { ...base, ref } : base;
  if (folder === "_events") {
    const raw = fields["event-date"] ?? fields.date;
    const match =
      typeof raw === "string" ? DATE.exec(raw.trim()) : raw instanceof Date ? DATE.exec(raw.toISOString()) : null;
    if (!match) throw new PageError(file, "event-date", `not a date: ${JSON.stringify(raw ?? null)}`);
    const place = keepText(fields.place);
    if (!place) throw new PageError(file, "place", "missing: a page with no place is a notice, not an event (skipped)");
    const group = groupKey(fields.group);
    return {
      ...withRef,
      folder,
      date: `${match[1]}-${match[2]}-${match[3]}`,
      place,
      ...(group ? { group } : {}),
      partners: links(fields.partners, "link"),
    };
  }
  if (folder === "_posts") {
    const group = groupKey(fields.group);
    const tags = Array.isArray(fields.tags) ? fields.tags.map(keepText).filter((t): t is string => !!t) : [];
    return { ...withRef, folder, ...(group ? { group } : {}), tags, links: links(fields.links, "url") };
  }
  if (folder === "_groups") return { ...withRef, folder, partners: links(fields.partners, "link") };
  throw new PageError(file, "file", "not in _events/, _posts/ or _groups/");
}
