/** Building blocks shared by every entity schema: ids, bilingual labels, sources. */
import { z } from "zod";

/** A lower-case slug: letters, digits and single hyphens ("open-data", "digidem-lab"). */
export const SlugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be a lower-case slug such as 'open-data'");

/** Text in Swedish (the default language) and English. */
export const LabelSchema = z.object({
  sv: z.string().trim().min(1, "Swedish text is required"),
  en: z.string().trim().min(1, "English text is required"),
});
export type Label = z.infer<typeof LabelSchema>;

export const WebUrlSchema = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" });

/** Every real entity is traceable: at least one public source URL. */
export const SourcesSchema = z.array(WebUrlSchema).min(1, "at least one source URL is required");

/** A calendar year within the span civic tech can plausibly have. */
export const YearSchema = z.number().int().min(1990).max(2100);

/** A list of ids in which each appears once: a repeated topic or partner is a mistake, and one graph edge per pair. */
export const idList = <T extends z.ZodType<string>>(item: T) =>
  z.array(item).refine((values) => new Set(values).size === values.length, "must not list the same value twice");
