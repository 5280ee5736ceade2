/**
 * match.partners, match.projects, match.similar: ranked, explained suggestions with adjustable weights and filters,
 * sent lean (ids, contributions, evidence ids: shared/schema/lean-match.ts) unless `verbose` asks for the labels;
 * match.inert: the terms no slider can make count for this organisation's list of projects, and why.
 */
import { z } from "zod";
import { SlugSchema } from "../../../shared/schema/common";
import { DEFAULT_WEIGHTS, MatchFiltersSchema, WeightsSchema } from "../../../shared/schema/match";
import { inertProjectTerms } from "../../match/inert-terms";
import { leanPartnerSuggestions, leanSuggestionList } from "../../match/lean-answer";
import { similarProjects } from "../../match/similar-projects";
import { suggestPartners } from "../../match/suggest-partners";
import { suggestProjects } from "../../match/suggest-projects";
import { publicProcedure, router } from "../trpc";

const options = {
  weights: WeightsSchema.partial().optional(),
  filters: MatchFiltersSchema.optional(),
  limit: z.number().int().min(1).max(100).default(20),
  /** The explained answer with every label, for scripts (the client has the labels already). */
  verbose: z.boolean().default(false),
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
  partners: publicProcedure.input(z.object({ projectId: SlugSchema, ...options })).query(({ ctx, input }) => {
    const answer = suggestPartners(ctx.services.matchIndex, input.projectId, resolve(input));
    return input.verbose ? answer : leanPartnerSuggestions(answer);
  }),
  projects: publicProcedure.input(z.object({ organisationId: SlugSchema, ...options })).query(({ ctx, input }) => {
    const answer = suggestProjects(ctx.services.matchIndex, input.organisationId, resolve(input));
    return input.verbose ? { suggestions: answer } : leanSuggestionList(answer);
  }),
  similar: publicProcedure.input(z.object({ projectId: SlugSchema, ...options })).query(({ ctx, input }) => {
    const answer = similarProjects(ctx.services.matchIndex, input.projectId, resolve(input));
    return input.verbose ? { suggestions: answer } : leanSuggestionList(answer);
  }),
  inert: publicProcedure
    .input(z.object({ organisationId: SlugSchema }))
    .query(({ ctx, input }) => inertProjectTerms(ctx.services.matchIndex, input.organisationId)),
});
