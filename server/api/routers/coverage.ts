/** coverage.byRegion, coverage.matrix, coverage.fillers: where the ecosystem is thin, per län and topic, and who could fill it (lean, as match.*). */
import { CoverageByRegionInputSchema, CoverageFillersInputSchema } from "../../../shared/schema/coverage";
import { coverageByRegion } from "../../coverage/by-region";
import { coverageInput } from "../../coverage/coverage-input";
import { gapFillers } from "../../coverage/fillers";
import { coverageMatrix } from "../../coverage/matrix";
import { leanCoverageFillers } from "../../match/lean-answer";
import type { Context } from "../context";
import { publicProcedure, router } from "../trpc";

const inputOf = (ctx: Context) => coverageInput(ctx.services.graph, ctx.services.matchIndex);

export const coverageRouter = router({
  byRegion: publicProcedure
    .input(CoverageByRegionInputSchema.optional())
    .query(({ ctx, input }) => coverageByRegion(inputOf(ctx), input?.topicId)),
  matrix: publicProcedure.query(({ ctx }) => coverageMatrix(inputOf(ctx))),
  fillers: publicProcedure.input(CoverageFillersInputSchema).query(({ ctx, input }) => {
    const answer = gapFillers(ctx.services.matchIndex, inputOf(ctx), input.regionCode, input.topicId, {
      limit: input.limit,
    });
    return input.verbose ? answer : leanCoverageFillers(answer);
  }),
});
