/** A Swedish county (län), keyed by its two-digit SCB code. */
import { z } from "zod";
import { idList, LabelSchema, SourcesSchema, YearSchema } from "./common";
import { MAX_CHARS } from "./limits";
import { safeText } from "./text";

/** SCB länskod: "01" (Stockholm) to "25" (Norrbotten); 02, 11, 15 and 16 are unused. */
export const RegionCodeSchema = z.string().regex(/^\d{2}$/, "must be a two-digit SCB county code such as '01'");
export type RegionCode = z.infer<typeof RegionCodeSchema>;

export const RegionSchema = z.object({
  code: RegionCodeSchema,
  iso: z.string().regex(/^SE-[A-Z]{1,2}$/, "must be an ISO 3166-2 code such as 'SE-AB'"),
  name: LabelSchema,
  seat: safeText({ max: MAX_CHARS.reference }).min(1),
  /** Approximate centre of the seat town (WGS84), used for the geographic layout and the map. */
  seatCoordinates: z.object({
    lat: z.number().min(55).max(69.1),
    lon: z.number().min(10.9).max(24.2),
  }),
  population: z.object({ count: z.number().int().positive(), year: YearSchema }),
  /** Counties that share a land border. */
  neighbours: idList(RegionCodeSchema),
  sources: SourcesSchema,
});
export type Region = z.infer<typeof RegionSchema>;
