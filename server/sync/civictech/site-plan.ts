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
import type { Paired, PairedSite } from "./pair-pages";
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
  role: "partner" | "venue" | "organiser";
  name: string;
}

export interface SitePlan {
  organisations: SyncOrganisation[];
  projects: SyncProject[];
  events: SyncEvent[];
  unlinked: Unlinked[];
}

const first = <P extends SitePage>(pair: Paired<P>): P => (pair.sv ?? pair.en) as P;

/** Replaces the sources citing these site files (at any commit) with the pinned ones; keeps every other source. */
function pinSources(sources: readonly string[], files: readonly string[], commit: string): string[] {
  const cited = new Set(files);
  const kept = sources.filter((s) => {
    const file = citedSiteFile(s);
    return file === undefined || !cited.has(file);
  });
  return [...kept, ...files.map((f) => pinnedSource(commit, f))];
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
      if (!city) continue;
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
      const ties = (partner.ties ?? []).filter((t) => !(t.relation === "partner-of" && t.organisation === id));
      const before = (partner.ties ?? []).find((t) => t.relation === "partner-of" && t.organisation === id);
      const sources = pinSources(before?.sources ?? [], [listPage.file], commit);
      partner.ties = [...ties, { relation: "partner-of" as const, organisation: id, sources }].sort((a, b) =>
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
    const place = parsePlace(pair.sv?.place ?? pair.en?.place);
    const venue = place.venueName ? matcher.find(place.venueName) : undefined;
    if (place.venueName && !venue) unlinked.push({ file: page.file, role: "venue", name: place.venueName });
    const venueRegions = venue ? organisations.get(venue)?.regions : undefined;
    const region = place.regionCode ?? (venueRegions?.length === 1 ? venueRegions[0] : undefined);
    const group = pair.sv?.group ?? pair.en?.group;
    const organiser = group ? groupOrg.get(group) : undefined;
    const partners = linkPartners(page.file, pair.sv?.partners.length ? pair.sv.partners : (pair.en?.partners ?? []), [
      organiser,
    ]);
    const id = existing?.id ?? uniqueId(page.ref ?? slugify(page.title), eventIds, page.date);
    eventIds.add(id);
    const name = { sv: pair.sv?.title ?? page.title, en: pair.en?.title ?? page.title };
    const event: SyncEvent = {
      ...(existing ? structuredClone(existing) : {}),
      id,
      name,
      kind: existing?.kind ?? eventKindOf(`${name.sv} ${name.en}`),
      startDate: page.date,
      online: place.online,
      organisers: sorted([...(existing?.organisers ?? []), ...(organiser ? [organiser] : [])]),
      partners: sorted([...(existing?.partners ?? []), ...partners]).filter((p) => p !== organiser),
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
  }

  // Projects: a curated project only gains its pinned source; a new one gets what the post states.
  const projectIds = new Set(known.projects.map((p) => p.id));
  const projects: SyncProject[] = [];
  for (const pair of site.projects) {
    const page = first<ProjectPage>(pair);
    const existing =
      known.projects.find((p) => citesAny(p.sources, pair.files)) ??
      known.projects.find((p) => [pair.sv?.title, pair.en?.title].some((t) => t && nameKey(t) === nameKey(p.name)));
    if (existing) {
      projects.push({ ...structuredClone(existing), sources: pinSources(existing.sources, pair.files, commit) });
      continue;
    }
    const id = uniqueId(page.ref ?? slugify(page.title), projectIds, "civictech");
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
  }

  return {
    organisations: [...touched].sort().map((id) => organisations.get(id) as SyncOrganisation),
    projects,
    events,
    unlinked: unlinked.sort((a, b) => (`${a.file}:${a.name}` < `${b.file}:${b.name}` ? -1 : 1)),
  };
}
