/** node.byId: one node's details and its neighbours grouped by relation. */
import { z } from "zod";
import { NodeKeySchema } from "../../../shared/schema/graph";
import { nodeDetails } from "../../graph/node-details";
import { publicProcedure, router } from "../trpc";

export const nodeRouter = router({
  byId: publicProcedure
    .input(z.object({ id: NodeKeySchema }))
    .query(({ ctx, input }) => nodeDetails(ctx.services.graph, input.id)),
});
