/** layout.positions: force-layout positions of the full graph for the current data version, computed once and reused. */
import { z } from "zod";
import { serverLayouts } from "../../layout/server-layouts";
import { publicProcedure, router } from "../trpc";

/** A short wait lets a small graph's first layout arrive in the same answer; a large one answers "computing". */
const WAIT_MS = 1000;

export const layoutRouter = router({
  positions: publicProcedure
    .input(z.object({ name: z.literal("force") }).optional())
    .query(({ ctx }) => serverLayouts(ctx.services).force(WAIT_MS)),
});
