/** graph.snapshot: all nodes and edges, optionally only some node kinds; graph.metrics: every node's metrics, by column. */
import { z } from "zod";
import { NodeKindsSchema } from "../../../shared/schema/graph";
import { metricsTable } from "../../graph/metrics";
import { graphSnapshot } from "../../graph/snapshot";
import { publicProcedure, router } from "../trpc";

export const graphRouter = router({
  snapshot: publicProcedure
    .input(z.object({ kinds: NodeKindsSchema.optional() }).optional())
    .query(({ ctx, input }) => graphSnapshot(ctx.services.graph, ctx.services.dataVersion, input?.kinds)),
  metrics: publicProcedure.query(async ({ ctx }) => ({
    dataVersion: ctx.services.dataVersion,
    ...metricsTable(await ctx.services.metrics.get()),
  })),
});
