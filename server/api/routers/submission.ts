/**
 * submission.*: members propose projects and organisations; coordinators approve (the entity goes live at once) or
 * reject; the submitter is mailed the outcome (with the reason).
 */
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { hasRole } from "../../../shared/schema/account";
import type { EditableEntity } from "../../../shared/schema/editable";
import {
  DecideInputSchema,
  EditableEntitySchema,
  RejectInputSchema,
  SUBMISSION_STATUSES,
} from "../../../shared/schema/editable";
import { SUBMISSIONS_PER_DAY } from "../../../shared/schema/limits";
import { validateEditable } from "../../live/validate-editable";
import { writeLive } from "../../live/write-live";
import { notifySubmissionDecided } from "../../mail/notifications";
import { SubmissionLimitError } from "../../store/submissions";
import { authorize } from "../authorize";
import { publicProcedure, router } from "../trpc";

export const submissionRouter = router({
  create: publicProcedure
    .input(EditableEntitySchema)
    .use(authorize("member"))
    .mutation(async ({ ctx, input }) => {
      // Coordinators and administrators can create entities directly, so a limit on their proposals protects nothing.
      const perDay = hasRole(ctx.actor.role, "coordinator") ? undefined : SUBMISSIONS_PER_DAY;
      try {
        return await ctx.services.store.submissions.create(input as EditableEntity, ctx.actor.id, { perDay });
      } catch (error) {
        if (error instanceof SubmissionLimitError)
          throw new TRPCError({ code: "TOO_MANY_REQUESTS", message: error.message, cause: error });
        throw error;
      }
    }),

  mine: publicProcedure.use(authorize("member")).query(({ ctx }) => ctx.services.store.submissions.mine(ctx.actor.id)),

  queue: publicProcedure
    .input(z.object({ status: z.enum(SUBMISSION_STATUSES).default("pending") }).default({ status: "pending" }))
    .use(authorize("coordinator"))
    .query(({ ctx, input }) => ctx.services.store.submissions.list(input.status)),

  approve: publicProcedure
    .input(DecideInputSchema)
    .use(authorize("coordinator"))
    .mutation(async ({ ctx, input }) => {
      const result = await writeLive(ctx.services, () =>
        ctx.services.store.submissions.approve(input.id, ctx.actor.id, validateEditable, input.reason),
      );
      await notifySubmissionDecided(ctx.services.store, ctx.mail, input.id, ctx.actor.id);
      return result;
    }),

  reject: publicProcedure
    .input(RejectInputSchema)
    .use(authorize("coordinator"))
    .mutation(async ({ ctx, input }) => {
      const result = await ctx.services.store.submissions.reject(input.id, ctx.actor.id, input.reason);
      await notifySubmissionDecided(ctx.services.store, ctx.mail, input.id, ctx.actor.id);
      return result;
    }),
});
