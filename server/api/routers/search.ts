/** search.query: ranked, case- and diacritic-insensitive search over names and labels. */
import { SearchInputSchema } from "../../../shared/schema/search";
import { publicProcedure, router } from "../trpc";

export const searchRouter = router({
  query: publicProcedure
    .input(SearchInputSchema)
    .query(({ ctx, input }) => ctx.services.search.search(input.q, { limit: input.limit, kinds: input.kinds })),
});
