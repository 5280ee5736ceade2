/** search.query: ranked, case- and diacritic-insensitive search over names and labels. */
import { z } from "zod";
import { NodeKindSchema } from "../../../shared/schema/graph";
import { publicProcedure, router } from "../trpc";

export const searchRouter = router({
  query: publicProcedure
    .input(
      z.object({
        q: z.string().trim().min(1, "type at least one character").max(200),
        limit: z.number().int().min(1).max(100).default(10),
        kinds: z.array(NodeKindSchema).optional(),
      }),
    )
    .query(({ ctx, input }) => ctx.services.search.search(input.q, { limit: input.limit, kinds: input.kinds })),
});
