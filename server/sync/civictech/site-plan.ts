/**
 * The civictech.se site → the records Partnerkartan should hold: one event per sv/en pair, one project per post,
 * the local groups, and the groups' listed partners as `partner-of` ties. Existing entities are matched (by the
 * site file their sources cite, then by name or website) and only the fields the site is the source for are set:
 * a project already curated keeps its summary, topics and partners and only gains the pinned source. Every source
 * is pinned to the checkout's commit, so running it again on the same commit changes nothing.
 */
import { slugify } from "../../../shared/slug";
import { eventKindOf, type SiteEventKind } from "./event-kind";
import { type KnownOrganisation, OrganisationMatcher } from "./match-organisation";
import { foldText, type Paired, type PairedSite } from "./pair-pages";
import { nameKey, parsePlace } from "./places";
import type { EventPage, GroupPage, ProjectPage, SiteLink, SitePage } from "./site-pages";

export const SITE_REPOSITORY = "https://github.com/civictechsweden/civictech.se";

export const pinnedSource = (commit: string, file: string): string => `${SITE_REPOSITORY}/blob/${commit}/${file}`;

/** The site file a source URL cites (any commit), or undefined when it is not a civictech.se page. */
export function citedSiteFile(url: string): string | undefined {
  const match =
    /^https:\/\/github\.com\/civictechsweden\/civictech\.se\/blob\/[^/]+\/(_(?:events|posts|groups)\/.+)$/.exec(url);
  return match?.[1];
}

interface Bilingual {
  sv: string;
  en: string;
}

export interface SyncOrganisation extends KnownOrganisation {
  kind: string;
  summary: Bilingual;
  regions: string[];
  national: boolean;
  topics: string[];
  skills: string[];
  sources: string[];
  ties?: { relation: "member-of" | "partner-of" | "part-of"; organisation: string; sources: string[] }[];
  [field: string]: unknown;
}

export interface SyncProject {
  id: string;
  name: string;
  summary: Bilingual;
  status: string;
  partners: string[];
  topics: string[];
  skillsNeeded: string[];
  regions: string[];
  national: boolean;
  website?: string;
  sources: string[];
  [field: string]: unknown;
}

export interface SyncEvent {
  id: string;
  name: Bilingual;
  kind: SiteEventKind;
  startDate: string;
  online: boolean;
  venue?: string;
  city?: string;
  region?: string;
  organisers: string[];
  partners: string[];
  topics: string[];
  sources: string[];
  [field: string]: unknown;
}

export interface Known {
  organisations: readonly SyncOrganisation[];
  projects: readonly SyncProject[];
  events: readonly SyncEvent[];
  topics: readonly { id: string; label: Bilingual }[];
}

/** A name on the site that no stored organisation matches: left unlinked, never invented. */
export interface Unlinked {
  file: string;
  /** `group`: a `_groups/` page that names no organisation and no city (its partners stay unlinked with it). */
  role: "partner" | "venue" | "organiser" | "group";
  name: string;
}

export interface SitePlan {
  organisations: SyncOrganisation[];
  projects: SyncProject[];
  events: SyncEvent[];
  unlinked: Unlinked[];
}

const first = <P extends SitePage>(pair: Paired<P>): P => (pair.sv ?? pair.en) as P;

/**
 * Replaces the sources citing these site files (at any commit) with the pinned ones, each in its place; keeps every
 * other source; a file not cited yet is added at the end. The order is kept, so pinning again changes nothing.
 */
function pinSources(sources: readonly string[], files: readonly string[], commit: string): string[] {
  const cited = new Set(files);
  const out: string[] = [];
  for (const source of sources) {
    const file = citedSiteFile(source);
    const next = file !== undefined && cited.has(file) ? pinnedSource(commit, file) : source;
    if (!out.includes(next)) out.push(next);
  }
  for (const file of files) {
    const pinned = pinnedSource(commit, file);
    if (!out.includes(pinned)) out.push(pinned);
  }
  return out;
}

/** The new list, in the stored order when it holds the same items (a reorder is not a change). */
function keepOrder(before: readonly string[] | undefined, after: string[]): string[] {
  if (!before || before.length !== after.length) return after;
  const had = new Set(before);
  return after.every((x) => had.has(x)) ? [...before] : after;
}

/**
 * An event's names: a new event takes the site's titles (one language standing in for a missing one); a stored
 * event takes a language's title only from a page in that language whose title is its own (the site often gives the
 * Swedish and English page one title, and then the stored translation is kept).
 */
function eventName(pair: Paired<EventPage>, stored: Bilingual | undefined): Bilingual {
  const sv = pair.sv?.title;
  const en = pair.en?.title;
  const fallback = (sv ?? en) as string;
  if (!stored) return { sv: sv ?? fallback, en: en ?? fallback };
  const own = (title: string | undefined, other: string | undefined) =>
    title !== undefined && (other === undefined || nameKey(title) !== nameKey(other)) ? title : undefined;
  return { sv: own(sv, en) ?? stored.sv, en: own(en, sv) ?? stored.en };
}

function citesAny(sources: readonly string[], files: readonly string[]): boolean {
  return sources.some((s) => {
    const file = citedSiteFile(s);
    return file !== undefined && files.includes(file);
  });
}

function uniqueId(base: string, taken: Set<string>, suffix: string): string {
  const id = base || suffix;
  if (!taken.has(id)) return id;
  const withSuffix = `${id}-${suffix}`.slice(0, 80);
  let n = 2;
  let candidate = withSuffix;
  while (taken.has(candidate)) candidate = `${withSuffix}-${n++}`;
  return candidate;
}

const sorted = (list: Iterable<string>): string[] => [...new Set(list)].sort();

/**
 * The one stored project whose whole name opens a post's title, word for word ("Open Up! Öppen Upphandling" is the
 * project "Open Up!"). Names of fewer than six letters ("Tor", "Plato") are too common to decide it, and two
 * candidates decide nothing.
 */
function namedAfter(projects: readonly SyncProject[], titles: readonly string[]): SyncProject | undefined {
  const words = (text: string) => foldText(text).split(" ").filter(Boolean);
  const candidates = projects.filter((p) => {
    const name = words(p.name);
    if (name.join("").length < 6) return false;
    return titles.some((t) => {
      const title = words(t);
      return title.length > name.length && name.every((w, i) => title[i] === w);
    });
  });
  return candidates.length === 1 ? candidates[0] : undefined;
}

export function planSite(site: PairedSite, known: Known, commit: string): SitePlan {
  const matcher = new OrganisationMatcher(known.organisations);
  const organisations = new Map(known.organisations.map((o) => [o.id, structuredClone(o)]));
  const touched = new Set<string>();
  const unlinked: Unlinked[] = [];
  const orgIds = new Set(organisations.keys());

  // Local groups: matched by name (sv or en), or created as local groups in the län their title names.
  const groupOrg = new Map<string, string>();
  for (const pair of site.groups) {
    const page = first<GroupPage>(pair);
    const key = page.ref ?? page.file.replace(/^_groups\//, "").replace(/(-en)?\.(md|markdown)$/, "");
    let id = matcher.find(pair.sv?.title) ?? matcher.find(pair.en?.title);
    const pinned = pair.files.map((f) => pinnedSource(commit, f));
    if (id === undefined) {
      // Only a group named after a city is a local group; "Vinnovaprojekt" and the like are not organisations.
      const city = parsePlace(page.title.replace(/^civic\s?tech\s+/i, "")).regionCode;
      if (!city) {
        unlinked.push({ file: page.file, role: "group", name: page.title });
        continue;
      }
      id = uniqueId(slugify(page.title), orgIds, "grupp");
      orgIds.add(id);
      const created: SyncOrganisation = {
        id,
        name: pair.sv?.title ?? page.title,
        kind: "local-group",
        summary: {
          sv: "En lokalgrupp i Civic Tech Sweden-nätverket (enligt civictech.se).",
          en: "A local group of the Civic Tech Sweden network (as listed on civictech.se).",
        },
        regions: [city],
        national: false,
        topics: [],
        skills: [],
        sources: pinned,
      };
      organisations.set(id, created);
      matcher.add(created);
    } else {
      const org = organisations.get(id);
      if (org) org.sources = pinSources(org.sources, pair.files, commit);
    }
    touched.add(id);
    groupOrg.set(key, id);
    // The group's listed partners (the Swedish page is the fuller list) become their ties to the group.
    const listPage = pair.sv?.partners.length ? pair.sv : (pair.en ?? page);
    const partners = listPage.partners;
    for (const link of partners) {
      const partnerId = matcher.find(link.title, link.url);
      if (!partnerId || partnerId === id) {
        if (!partnerId) unlinked.push({ file: page.file, role: "partner", name: link.title ?? link.url });
        continue;
      }
      const partner = organisations.get(partnerId);
      if (!partner) continue;
      const stored = partner.ties ?? [];
      const at = stored.findIndex((t) => t.relation === "partner-of" && t.organisation === id);
      const before = at >= 0 ? stored[at] : undefined;
      const tie = {
        relation: "partner-of" as const,
        organisation: id,
        sources: pinSources(before?.sources ?? [], [listPage.file], commit),
      };
      // The tie keeps its place among the stored ties; a new one goes in order.
      partner.ties =
        at >= 0
          ? stored.map((t, i) => (i === at ? tie : t))
          : [...stored, tie].sort((a, b) =>
              `${a.relation}:${a.organisation}` < `${b.relation}:${b.organisation}` ? -1 : 1,
            );
      touched.add(partnerId);
    }
  }

  const linkPartners = (file: string, links: readonly SiteLink[], exclude: readonly (string | undefined)[]) => {
    const ids: string[] = [];
    for (const link of links) {
      const id = matcher.find(link.title, link.url);
      if (id === undefined) unlinked.push({ file, role: "partner", name: link.title ?? link.url });
      else if (!exclude.includes(id)) ids.push(id);
    }
    return sorted(ids);
  };

  // Events: one per pair, matched by the files their sources cite, else by day and name.
  const eventIds = new Set(known.events.map((e) => e.id));
  const events: SyncEvent[] = [];
  const plannedEvents = new Map<string, SyncEvent>();
  for (const pair of site.events) {
    const page = first<EventPage>(pair);
    const existing =
      known.events.find((e) => citesAny(e.sources, pair.files)) ??
      known.events.find(
        (e) =>
          e.startDate === page.date &&
          [pair.sv?.title, pair.en?.title].some(
            (t) => t !== undefined && (nameKey(t) === nameKey(e.name.sv) || nameKey(t) === nameKey(e.name.en)),
          ),
      );
    // A second entry for an event already planned (a page copied under another name, a translation that lost its
    // ref): the event gains the files as sources, and is never written twice.
    const planned = existing ? plannedEvents.get(existing.id) : undefined;
    if (planned) {
      planned.sources = pinSources(planned.sources, pair.files, commit);
      continue;
    }
    const place = parsePlace(pair.sv?.place ?? pair.en?.place);
    const venue = place.venueName ? matcher.find(place.venueName) : undefined;
    if (place.venueName && !venue) unlinked.push({ file: page.file, role: "venue", name: place.venueName });
    const venueRegions = venue ? organisations.get(venue)?.regions : undefined;
    const group = pair.sv?.group ?? pair.en?.group;
    const organiser = group ? groupOrg.get(group) : undefined;
    if (group && !organiser) unlinked.push({ file: page.file, role: "organiser", name: group });
    // A place the table cannot place ("Humlegården, bakom Kungliga Biblioteket") is in its local group's län.
    const groupRegions = organiser && !place.online ? organisations.get(organiser)?.regions : undefined;
    const region =
      place.regionCode ??
      (venueRegions?.length === 1 ? venueRegions[0] : undefined) ??
      (groupRegions?.length === 1 ? groupRegions[0] : undefined);
    const partners = linkPartners(page.file, pair.sv?.partners.length ? pair.sv.partners : (pair.en?.partners ?? []), [
      organiser,
    ]);
    const id = existing?.id ?? uniqueId(slugify(page.title), eventIds, page.date);
    eventIds.add(id);
    const name = eventName(pair, existing?.name);
    const event: SyncEvent = {
      ...(existing ? structuredClone(existing) : {}),
      id,
      name,
      kind: existing?.kind ?? eventKindOf(`${name.sv} ${name.en}`),
      startDate: page.date,
      online: place.online,
      organisers: keepOrder(
        existing?.organisers,
        sorted([...(existing?.organisers ?? []), ...(organiser ? [organiser] : [])]),
      ),
      partners: keepOrder(
        existing?.partners,
        sorted([...(existing?.partners ?? []), ...partners]).filter((p) => p !== organiser),
      ),
      topics: existing?.topics ?? [],
      sources: pinSources(existing?.sources ?? [], pair.files, commit),
    };
    // The place is the site's fact: set it, or clear it for an online event.
    delete event.venue;
    delete event.city;
    delete event.region;
    if (venue) event.venue = venue;
    if (place.city) event.city = place.city;
    if (region) event.region = region;
    events.push(event);
    plannedEvents.set(id, event);
  }

  // Projects: a curated project only gains its pinned source; a new one gets what the post states.
  const projectIds = new Set(known.projects.map((p) => p.id));
  const projects: SyncProject[] = [];
  const plannedProjects = new Map<string, SyncProject>();
  const byProjectName = new Map<string, SyncProject>();
  for (const pair of site.projects) {
    const page = first<ProjectPage>(pair);
    const titles = [pair.sv?.title, pair.en?.title].filter((t): t is string => t !== undefined);
    const existing =
      known.projects.find((p) => citesAny(p.sources, pair.files)) ??
      known.projects.find((p) => titles.some((t) => nameKey(t) === nameKey(p.name))) ??
      namedAfter(known.projects, titles);
    // One project under several posts (renamed files, an old CMS export, a translation without the shared ref) is
    // planned once: the later posts only add their pinned sources.
    const planned = existing
      ? plannedProjects.get(existing.id)
      : titles.map((t) => byProjectName.get(nameKey(t))).find(Boolean);
    if (planned) {
      planned.sources = pinSources(planned.sources, pair.files, commit);
      continue;
    }
    if (existing) {
      const project = { ...structuredClone(existing), sources: pinSources(existing.sources, pair.files, commit) };
      projects.push(project);
      plannedProjects.set(project.id, project);
      continue;
    }
    const id = uniqueId(slugify(pair.sv?.title ?? page.title), projectIds, "civictech");
    projectIds.add(id);
    const group = pair.sv?.group ?? pair.en?.group;
    const groupRegions = group ? (organisations.get(groupOrg.get(group) ?? "")?.regions ?? []) : [];
    const tags = new Set([...(pair.sv?.tags ?? []), ...(pair.en?.tags ?? [])].map(nameKey));
    const topics = known.topics.filter((t) => tags.has(nameKey(t.label.sv)) || tags.has(nameKey(t.label.en)));
    const website = [...(pair.sv?.links ?? []), ...(pair.en?.links ?? [])].find(
      (l) => l.url !== "" && !/civictech\.se/.test(l.url),
    )?.url;
    projects.push({
      id,
      name: pair.sv?.title ?? page.title,
      summary: {
        sv: "Ett projekt som listas på civictech.se; beskrivningen är ännu inte skriven.",
        en: "A project listed on civictech.se; its description is still to be written.",
      },
      status: "unknown",
      partners: [],
      topics: topics.map((t) => t.id).sort(),
      skillsNeeded: [],
      regions: [...groupRegions].sort(),
      national: false,
      ...(website ? { website } : {}),
      sources: pair.files.map((f) => pinnedSource(commit, f)),
    });
    const created = projects[projects.length - 1] as SyncProject;
    for (const t of titles) byProjectName.set(nameKey(t), created);
  }

  return {
    organisations: [...touched].sort().map((id) => organisations.get(id) as SyncOrganisation),
    projects,
    events,
    unlinked: unlinked.sort((a, b) => (`${a.file}:${a.name}` < `${b.file}:${b.name}` ? -1 : 1)),
  };
}
