/**
 * shortlist.*: a project's shortlist of organisations to contact, with a note each. Its owners and coordinators
 * read and change it (authorize("owner") on `projectId`); the CSV download is GET /api/shortlist/:projectId.csv.
 */
import {
  type Shortlist,
  ShortlistAddInputSchema,
  ShortlistListInputSchema,
  ShortlistRemoveInputSchema,
  ShortlistUpdateInputSchema,
} from "../../../shared/schema/shortlist";
import { authorize } from "../authorize";
import { publicProcedure, router } from "../trpc";

export const shortlistRouter = router({
  list: publicProcedure
    .input(ShortlistListInputSchema)
    .use(authorize("owner"))
    .query(
      async ({ ctx, input }): Promise<Shortlist> => ({
        projectId: input.projectId,
        entries: await ctx.services.store.shortlists.list(input.projectId),
        max: ctx.services.store.shortlists.maxEntries,
      }),
    ),
  add: publicProcedure
    .input(ShortlistAddInputSchema)
    .use(authorize("owner"))
    .mutation(({ ctx, input }) => ctx.services.store.shortlists.add(input, ctx.actor.id)),
  update: publicProcedure
    .input(ShortlistUpdateInputSchema)
    .use(authorize("owner"))
    .mutation(({ ctx, input }) => ctx.services.store.shortlists.update(input)),
  remove: publicProcedure
    .input(ShortlistRemoveInputSchema)
    .use(authorize("owner"))
    .mutation(({ ctx, input }) => ctx.services.store.shortlists.remove(input)),
});
