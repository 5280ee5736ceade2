/**
 * Finds the stored organisation a name on the site means: the same name (case, accents, spaces aside), the same
 * website host, or, for "Göteborgs Stad - Förvaltningen för …", the body before the dash. Nothing is guessed
 * beyond that: a name no rule matches stays unlinked and the preview says so.
 */
import { nameKey } from "./places";

export interface KnownOrganisation {
  id: string;
  name: string;
  website?: string;
}

export function websiteHost(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const host = new URL(url).hostname.toLowerCase().replace(/^www\./, "");
    // A page on a shared platform (facebook.com/…) says nothing about whose it is.
    return SHARED_HOSTS.has(host) ? undefined : host;
  } catch {
    return undefined;
  }
}

const SHARED_HOSTS = new Set([
  "facebook.com",
  "github.com",
  "twitter.com",
  "x.com",
  "linkedin.com",
  "instagram.com",
  "meetup.com",
  "medium.com",
]);

export class OrganisationMatcher {
  private readonly byName = new Map<string, string>();
  private readonly byHost = new Map<string, string | null>();

  constructor(organisations: readonly KnownOrganisation[]) {
    for (const o of organisations) {
      this.byName.set(nameKey(o.name), o.id);
      const host = websiteHost(o.website);
      // Two organisations on one host (a parent and its branch): the host decides nothing.
      if (host) this.byHost.set(host, this.byHost.has(host) ? null : o.id);
    }
  }

  /** Adds an organisation the sync itself creates, so later pages link to it. */
  add(o: KnownOrganisation): void {
    this.byName.set(nameKey(o.name), o.id);
  }

  find(name: string | undefined, website?: string): string | undefined {
    if (name) {
      const exact = this.byName.get(nameKey(name));
      if (exact) return exact;
      const body = name.split(/\s[-–—]\s/)[0];
      if (body && body !== name) {
        const parent = this.byName.get(nameKey(body));
        if (parent) return parent;
      }
    }
    const host = websiteHost(website);
    return host ? (this.byHost.get(host) ?? undefined) : undefined;
  }
}
