/**
 * Synthetic events: one per EVENTS_PER_ORGANISATIONS organisations, each organised by one organisation (a local group
 * when there is one in its draw), with up to three partners from the organiser's home län (so events tie together
 * organisations that are near each other, as real ones do), one or two of the organiser's topics, a day between 2015
 * and 2026, and held in the organiser's home län, or online (ONLINE_SHARE of them, and always when it has no home).
 */
import type { Event, EventKind } from "../../shared/schema/event";
import { EVENT_KINDS } from "../../shared/schema/event";
import { eventName, numberer, syntheticId, syntheticSource } from "./naming";
import type { OrganisationPlan } from "./organisations";
import type { Random } from "./random";
import type { World } from "./world";

export const EVENTS_PER_ORGANISATIONS = 10;
const ONLINE_SHARE = 0.2;
const FIRST_DAY = Date.UTC(2015, 0, 1);
const LAST_DAY = Date.UTC(2026, 10, 30);
const DAY = 86_400_000;

export function eventCount(organisations: number): number {
  return Math.floor(organisations / EVENTS_PER_ORGANISATIONS);
}

export function generateEvents(count: number, world: World, orgs: OrganisationPlan, random: Random): Event[] {
  const n = orgs.records.length;
  if (n === 0 || count === 0) return [];
  // Organisations by home län, to draw partners from near the organiser.
  const byHome = new Map<number, number[]>();
  orgs.home.forEach((home, o) => {
    if (home >= 0) byHome.set(home, [...(byHome.get(home) ?? []), o]);
  });
  const number = numberer(count);
  const events: Event[] = [];
  for (let i = 0; i < count; i++) {
    // Of two organisations drawn, a local group organises if there is one: they hold most real events.
    const a = random.below(n);
    const b = random.below(n);
    const organiser = orgs.records[b]?.kind === "local-group" && orgs.records[a]?.kind !== "local-group" ? b : a;
    const home = orgs.home[organiser] as number;
    const near = (home >= 0 ? byHome.get(home) : undefined) ?? [];
    const partners = new Set<number>();
    const wanted = random.int(0, 3);
    for (let tries = 0; partners.size < wanted && tries < 3 * wanted && near.length > 1; tries++) {
      const p = random.pick(near);
      if (p !== organiser) partners.add(p);
    }
    const own = orgs.records[organiser]?.topics ?? [];
    const topics = random.shuffle([...own]).slice(0, Math.min(own.length, random.int(1, 2)));
    const online = home < 0 || random.chance(ONLINE_SHARE);
    const day = FIRST_DAY + random.int(0, Math.floor((LAST_DAY - FIRST_DAY) / DAY)) * DAY;
    const kind: EventKind = random.pick(EVENT_KINDS);
    const id = number(i);
    events.push({
      id: syntheticId("event", id),
      name: eventName(id),
      kind,
      startDate: new Date(day).toISOString().slice(0, 10),
      online,
      ...(online ? {} : { region: world.taxonomy.regions[home]?.code as string }),
      organisers: [orgs.records[organiser]?.id as string],
      partners: [...partners].sort((x, y) => x - y).map((p) => orgs.records[p]?.id as string),
      topics,
      sources: [syntheticSource("event", id)],
      synthetic: true,
    });
  }
  return events;
}
