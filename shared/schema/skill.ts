/** A skill of the taxonomy (UX design, facilitation, …) that organisations offer and projects need. */
import { z } from "zod";
import { LabelSchema, SlugSchema } from "./common";

export const SkillSchema = z.object({
  id: SlugSchema,
  label: LabelSchema,
});
export type Skill = z.infer<typeof SkillSchema>;
