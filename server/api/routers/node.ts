/** node.byId: one node's details, its neighbours grouped by relation, and its network metrics. */
import { z } from "zod";
import { NodeKeySchema } from "../../../shared/schema/graph";
import { nodeMetrics } from "../../graph/metrics";
import { nodeDetails } from "../../graph/node-details";
import { publicProcedure, router } from "../trpc";

/**
 * Up to this many nodes the metrics are computed on demand (well under a second); above it a details request only
 * shows them once an export or graph.metrics has computed them, so a click never stalls the server for long.
 */
const METRICS_ON_DEMAND_MAX_NODES = 20_000;

export const nodeRouter = router({
  byId: publicProcedure.input(z.object({ id: NodeKeySchema })).query(({ ctx, input }) => {
    const { graph, metrics } = ctx.services;
    const computed = graph.order <= METRICS_ON_DEMAND_MAX_NODES ? metrics.get() : metrics.peek();
    return { ...nodeDetails(graph, input.id), metrics: computed ? nodeMetrics(computed, input.id) : undefined };
  }),
});
