/** A funding call or programme (e.g. Vinnova's civic tech call 2019-04507). */
import { z } from "zod";
import { LabelSchema, SlugSchema, SourcesSchema, WebUrlSchema, YearSchema } from "./common";
import { MAX_CHARS } from "./limits";
import { safeText } from "./text";

export const FundingCallSchema = z.object({
  id: SlugSchema,
  name: LabelSchema,
  /** The funding organisation's id. */
  funder: SlugSchema,
  /** The funder's reference (diarienummer), when known. */
  reference: safeText({ max: MAX_CHARS.reference }).min(1).optional(),
  year: YearSchema.optional(),
  website: WebUrlSchema.optional(),
  sources: SourcesSchema,
  synthetic: z.literal(true).optional(),
});
export type FundingCall = z.infer<typeof FundingCallSchema>;
