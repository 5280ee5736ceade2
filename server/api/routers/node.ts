/** node.byId: one node's details, its neighbours grouped by relation, and its network metrics. */
import { z } from "zod";
import { NodeKeySchema } from "../../../shared/schema/graph";
import { nodeMetrics } from "../../graph/metrics";
import { nodeDetails } from "../../graph/node-details";
import { publicProcedure, router } from "../trpc";

export const nodeRouter = router({
  byId: publicProcedure.input(z.object({ id: NodeKeySchema })).query(({ ctx, input }) => ({
    ...nodeDetails(ctx.services.graph, input.id),
    metrics: nodeMetrics(ctx.services.metrics.get(), input.id),
  })),
});
