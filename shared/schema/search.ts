/** search.query's input: a bounded, safe query (see text.ts), how many hits, which node kinds. */
import { z } from "zod";
import { NodeKindsSchema } from "./graph";
import { MAX_CHARS } from "./limits";
import { safeText } from "./text";

export const SearchInputSchema = z.object({
  q: safeText({ max: MAX_CHARS.searchQuery }).min(1, "type at least one character"),
  limit: z.number().int().min(1).max(100).default(10),
  kinds: NodeKindsSchema.optional(),
});
