/**
 * match.partners, match.projects, match.similar: ranked, explained suggestions with adjustable weights and filters;
 * match.inert: the terms no slider can make count for this organisation's list of projects, and why.
 */
import { z } from "zod";
import { SlugSchema } from "../../../shared/schema/common";
import { DEFAULT_WEIGHTS, MatchFiltersSchema, WeightsSchema } from "../../../shared/schema/match";
import { inertProjectTerms } from "../../match/inert-terms";
import { similarProjects } from "../../match/similar-projects";
import { suggestPartners } from "../../match/suggest-partners";
import { suggestProjects } from "../../match/suggest-projects";
import { publicProcedure, router } from "../trpc";

const options = {
  weights: WeightsSchema.partial().optional(),
  filters: MatchFiltersSchema.optional(),
  limit: z.number().int().min(1).max(100).default(20),
};
const resolve = (input: {
  weights?: Partial<typeof DEFAULT_WEIGHTS>;
  filters?: z.infer<typeof MatchFiltersSchema>;
  limit: number;
}) => ({
  weights: { ...DEFAULT_WEIGHTS, ...input.weights },
  filters: input.filters,
  limit: input.limit,
});

export const matchRouter = router({
  partners: publicProcedure
    .input(z.object({ projectId: SlugSchema, ...options }))
    .query(({ ctx, input }) => suggestPartners(ctx.services.matchIndex, input.projectId, resolve(input))),
  projects: publicProcedure
    .input(z.object({ organisationId: SlugSchema, ...options }))
    .query(({ ctx, input }) => suggestProjects(ctx.services.matchIndex, input.organisationId, resolve(input))),
  similar: publicProcedure
    .input(z.object({ projectId: SlugSchema, ...options }))
    .query(({ ctx, input }) => similarProjects(ctx.services.matchIndex, input.projectId, resolve(input))),
  inert: publicProcedure
    .input(z.object({ organisationId: SlugSchema }))
    .query(({ ctx, input }) => inertProjectTerms(ctx.services.matchIndex, input.organisationId)),
});
