/** A topic of the taxonomy (open data, participation, …) that projects and organisations work on. */
import { z } from "zod";
import { LabelSchema, SlugSchema } from "./common";

export const TopicSchema = z.object({
  id: SlugSchema,
  label: LabelSchema,
});
export type Topic = z.infer<typeof TopicSchema>;
