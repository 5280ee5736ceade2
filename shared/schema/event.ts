/** An event of the ecosystem: a hackathon, meetup, lab, conference or consultation, online or at a place. */
import { z } from "zod";
import { idList, LabelSchema, NameSchema, SlugSchema, SourcesSchema, SummarySchema, WebUrlSchema } from "./common";
import { RegionCodeSchema } from "./region";

import { EVENT_KINDS } from "./value-lists";

export { EVENT_KINDS };
export const EventKindSchema = z.enum(EVENT_KINDS);
export type EventKind = z.infer<typeof EventKindSchema>;

/** A calendar date, "2018-09-02": ISO 8601 and a real day (no 30 February). */
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "must be a date such as '2018-09-02'", abort: true })
  .refine((text) => {
    const date = new Date(`${text}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
  }, "must be a real calendar date")
  .refine((text) => text >= "1990-01-01" && text <= "2100-12-31", "must lie between 1990 and 2100");

export const EventSchema = z
  .object({
    id: SlugSchema,
    /** Events are often named differently in Swedish and English ("Ta tillbaka rummet!" / "Reclaim the room!"). */
    name: LabelSchema,
    kind: EventKindSchema,
    summary: SummarySchema.optional(),
    startDate: IsoDateSchema,
    /** The last day, for an event of several days. */
    endDate: IsoDateSchema.optional(),
    /** Held online (possibly as well as at a place). */
    online: z.boolean(),
    /** The organisation whose premises host it (a venue, a university, …). */
    venue: SlugSchema.optional(),
    city: NameSchema.optional(),
    /** The län of the place; required when there is a place. */
    region: RegionCodeSchema.optional(),
    /** Who organised it: local groups and organisations. */
    organisers: idList(SlugSchema),
    /** Partners the event lists, other than its organisers. */
    partners: idList(SlugSchema),
    topics: idList(SlugSchema),
    website: WebUrlSchema.optional(),
    sources: SourcesSchema,
    /** Set only by the synthetic generator; real seed data never carries it. */
    synthetic: z.literal(true).optional(),
  })
  .refine((e) => e.endDate === undefined || e.endDate >= e.startDate, {
    message: "endDate must not be before startDate",
    path: ["endDate"],
  })
  .refine((e) => e.online || e.region !== undefined, {
    message: "an event is online or held at a place: set online, or give the place's län",
    path: ["region"],
  })
  .refine((e) => (e.venue === undefined && e.city === undefined) || e.region !== undefined, {
    message: "a place (venue or city) needs its län",
    path: ["region"],
  })
  .refine((e) => !e.partners.some((p) => e.organisers.includes(p)), {
    message: "an organiser must not also be listed as a partner",
    path: ["partners"],
  });
export type Event = z.infer<typeof EventSchema>;

/** The year an event took place in (its start). */
export const eventYear = (e: Pick<Event, "startDate">): number => Number(e.startDate.slice(0, 4));
