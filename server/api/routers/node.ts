/** node.byId: one node's details, its neighbours grouped by relation, and its network metrics. */
import { z } from "zod";
import { NodeKeySchema } from "../../../shared/schema/graph";
import { nodeMetrics } from "../../graph/metrics";
import { nodeDetails } from "../../graph/node-details";
import { publicProcedure, router } from "../trpc";

/**
 * Up to this many nodes a details request waits for the metrics (well under a second); above it, it starts their
 * computation (in a worker thread) and shows them once done, so a click never waits long.
 */
const METRICS_ON_DEMAND_MAX_NODES = 20_000;

export const nodeRouter = router({
  byId: publicProcedure.input(z.object({ id: NodeKeySchema })).query(async ({ ctx, input }) => {
    const { graph, metrics } = ctx.services;
    const details = nodeDetails(graph, input.id);
    let computed = metrics.peek();
    if (!computed && graph.order <= METRICS_ON_DEMAND_MAX_NODES) computed = await metrics.get();
    else if (!computed) metrics.get().catch(() => undefined); // the next export or request reports a failure
    return { ...details, metrics: computed ? nodeMetrics(computed, input.id) : undefined };
  }),
});
