/** region.list: the 21 län with their facts, ordered by SCB code. */
import type { Region } from "../../../shared/schema/region";
import { publicProcedure, router } from "../trpc";

export const regionRouter = router({
  list: publicProcedure.query(({ ctx }) => {
    const regions: Region[] = [];
    ctx.services.graph.forEachNode((_key, attrs) => {
      if (attrs.kind === "region") regions.push(attrs.record);
    });
    return regions.sort((a, b) => a.code.localeCompare(b.code));
  }),
});
