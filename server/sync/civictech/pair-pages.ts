/**
 * The site keeps a Swedish and an English file per page; the sync wants one entry per event, project or group.
 * Pages pair by their shared `ref`; without one, projects and groups pair by file name (date prefix, language suffix
 * and hyphens aside), and events of one day pair by title likeness (two different events can share a day online).
 * Two pages of one language with the same title and day are one page written twice.
 */
import type { EventPage, GroupPage, PageLanguage, ProjectPage, SitePage } from "./site-pages";

export interface Paired<P extends SitePage> {
  sv?: P;
  en?: P;
  /** Every file merged into this entry, sorted. */
  files: string[];
}

export interface PairedSite {
  events: Paired<EventPage>[];
  projects: Paired<ProjectPage>[];
  groups: Paired<GroupPage>[];
}

export const foldText = (text: string): string =>
  text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

const words = (text: string): Set<string> =>
  new Set(
    foldText(text)
      .split(" ")
      .filter((w) => w.length > 1),
  );

function likeness(a: SitePage, b: SitePage): number {
  const x = words(a.title);
  const y = words(b.title);
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  const union = x.size + y.size - shared;
  return union === 0 ? 0 : shared / union;
}

function fileKey(file: string): string {
  return file
    .replace(/^.*\//, "")
    .replace(/\.(md|markdown)$/, "")
    .replace(/^\d{4}-\d{2}-\d{2}-/, "")
    .replace(/-(en|eng|sv)$/, "")
    .replace(/-/g, "");
}

function entry<P extends SitePage>(pages: P[]): Paired<P> {
  const out: Paired<P> = { files: pages.map((p) => p.file).sort() };
  // The first page of each language (files sorted) speaks for it; a duplicate adds nothing but its file.
  for (const page of [...pages].sort((a, b) => (a.file < b.file ? -1 : 1))) {
    if (!out[page.lang]) out[page.lang] = page;
  }
  return out;
}

/** Groups pages that share a key; pages without one are returned apart. */
function byKey<P extends SitePage>(pages: P[], key: (p: P) => string | undefined): { keyed: P[][]; rest: P[] } {
  const map = new Map<string, P[]>();
  const rest: P[] = [];
  for (const page of pages) {
    const k = key(page);
    if (k === undefined) rest.push(page);
    else map.set(k, [...(map.get(k) ?? []), page]);
  }
  return { keyed: [...map.values()], rest };
}

function pairByFile<P extends ProjectPage | GroupPage>(pages: P[]): Paired<P>[] {
  const { keyed, rest } = byKey(pages, (p) => (p.ref ? `ref:${p.ref}` : undefined));
  const byFile = byKey(rest, (p) => `file:${fileKey(p.file)}`);
  return [...keyed, ...byFile.keyed].map(entry);
}

function pairEvents(pages: EventPage[]): Paired<EventPage>[] {
  const out: Paired<EventPage>[] = [];
  const days = byKey(pages, (p) => p.date).keyed;
  for (const day of days) {
    const { keyed, rest } = byKey(day, (p) => (p.ref ? `ref:${p.ref}` : undefined));
    // Same language, same title: one page twice.
    const sameTitle = byKey(rest, (p) => `${p.lang}:${foldText(p.title)}`).keyed;
    const groups: EventPage[][] = [...keyed, ...sameTitle];
    const alone = (lang: PageLanguage) => groups.filter((g) => g.every((p) => p.lang === lang));
    const sv = alone("sv");
    const en = alone("en");
    const pairs: [EventPage[], EventPage[], number][] = [];
    for (const a of sv) for (const b of en) pairs.push([a, b, likeness(a[0] as EventPage, b[0] as EventPage)]);
    pairs.sort((p, q) => q[2] - p[2]);
    const used = new Set<EventPage[]>();
    const merged: EventPage[][] = [];
    const onlyPair = sv.length === 1 && en.length === 1;
    for (const [a, b, score] of pairs) {
      if (used.has(a) || used.has(b) || (score < 0.2 && !onlyPair)) continue;
      used.add(a);
      used.add(b);
      merged.push([...a, ...b]);
    }
    for (const g of groups) if (!used.has(g)) merged.push(g);
    out.push(...merged.map(entry));
  }
  return out;
}

export function pairPages(pages: readonly SitePage[]): PairedSite {
  const sorted = <P extends SitePage>(list: Paired<P>[]) =>
    list.sort((a, b) => ((a.files[0] ?? "") < (b.files[0] ?? "") ? -1 : 1));
  return {
    events: sorted(pairEvents(pages.filter((p): p is EventPage => p.folder === "_events"))),
    projects: sorted(pairByFile(pages.filter((p): p is ProjectPage => p.folder === "_posts"))),
    groups: sorted(pairByFile(pages.filter((p): p is GroupPage => p.folder === "_groups"))),
  };
}
