/** Building blocks shared by every entity schema: ids, bilingual labels, names, summaries, sources, bounded lists. */
import { z } from "zod";
import { MAX_CHARS, MAX_ITEMS } from "./limits";
import { safeText } from "./text";

/** A lower-case slug: letters, digits and single hyphens ("open-data", "digidem-lab"). */
export const SlugSchema = z
  .string()
  .max(MAX_CHARS.slug, `at most ${MAX_CHARS.slug} characters`)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be a lower-case slug such as 'open-data'");

/** A name or label: one line, at least one character. */
export const NameSchema = safeText({ max: MAX_CHARS.name }).min(1, "a name is required");

const bilingual = (max: number, multiline: boolean) =>
  z.object({
    sv: safeText({ max, multiline }).min(1, "Swedish text is required"),
    en: safeText({ max, multiline }).min(1, "English text is required"),
  });

/** Text in Swedish (the default language) and English: a label or name, one line each. */
export const LabelSchema = bilingual(MAX_CHARS.name, false);
export type Label = z.infer<typeof LabelSchema>;

/** A summary in Swedish and English: a few sentences, line breaks allowed. */
export const SummarySchema = bilingual(MAX_CHARS.summary, true);

export const WebUrlSchema = safeText({ max: MAX_CHARS.url }).pipe(
  z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }),
);

/** Every real entity is traceable: at least one public source URL. */
export const SourcesSchema = z
  .array(WebUrlSchema)
  .min(1, "at least one source URL is required")
  .max(MAX_ITEMS.sources, `at most ${MAX_ITEMS.sources} sources`);

/** A calendar year within the span civic tech can plausibly have. */
export const YearSchema = z.number().int().min(1990).max(2100);

/** Any list from outside: bounded, so a request cannot make the server walk a million items. */
export const boundedList = <T extends z.ZodType>(item: T, max: number = MAX_ITEMS.list) =>
  z.array(item).max(max, `at most ${max} items`);

/** A list of ids in which each appears once: a repeated topic or partner is a mistake, and one graph edge per pair. */
export const idList = <T extends z.ZodType<string>>(item: T) =>
  boundedList(item).refine((values) => new Set(values).size === values.length, "must not list the same value twice");
