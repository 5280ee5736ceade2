/** submission.*: members propose projects and organisations; coordinators approve (the entity goes live at once) or reject. */
import { z } from "zod";
import type { EditableEntity } from "../../../shared/schema/editable";
import {
  DecideInputSchema,
  EditableEntitySchema,
  RejectInputSchema,
  SUBMISSION_STATUSES,
} from "../../../shared/schema/editable";
import { validateEditable } from "../../live/validate-editable";
import { writeLive } from "../../live/write-live";
import { authorize } from "../authorize";
import { publicProcedure, router } from "../trpc";

export const submissionRouter = router({
  create: publicProcedure
    .input(EditableEntitySchema)
    .use(authorize("member"))
    .mutation(({ ctx, input }) => ctx.services.store.submissions.create(input as EditableEntity, ctx.actor.id)),

  mine: publicProcedure.use(authorize("member")).query(({ ctx }) => ctx.services.store.submissions.mine(ctx.actor.id)),

  queue: publicProcedure
    .input(z.object({ status: z.enum(SUBMISSION_STATUSES).default("pending") }).default({ status: "pending" }))
    .use(authorize("coordinator"))
    .query(({ ctx, input }) => ctx.services.store.submissions.list(input.status)),

  approve: publicProcedure
    .input(DecideInputSchema)
    .use(authorize("coordinator"))
    .mutation(({ ctx, input }) => {
      return writeLive(ctx.services, () =>
        ctx.services.store.submissions.approve(input.id, ctx.actor.id, validateEditable, input.reason),
      );
    }),

  reject: publicProcedure
    .input(RejectInputSchema)
    .use(authorize("coordinator"))
    .mutation(({ ctx, input }) => ctx.services.store.submissions.reject(input.id, ctx.actor.id, input.reason)),
});
