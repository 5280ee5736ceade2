/**
 * entity.*: read, create, edit, soft-delete and restore projects and organisations, with their history. Every write
 * is logged with who and when, and the read model is refreshed in the same request.
 */
import { NotFoundError } from "../../../shared/errors";
import {
  DeleteInputSchema,
  type EditableEntity,
  EditableEntitySchema,
  EntityRefSchema,
  RestoreInputSchema,
} from "../../../shared/schema/editable";
import { validateEditable } from "../../live/validate-editable";
import { writeLive } from "../../live/write-live";
import { authorize } from "../authorize";
import { publicProcedure, router } from "../trpc";

export const entityRouter = router({
  /** The editable record of a live entity (public data, the same as the graph shows). */
  get: publicProcedure.input(EntityRefSchema).query(({ ctx, input }) => {
    const record = ctx.services.store.entities.get(input);
    if (!record) throw new NotFoundError(input.kind, input.id);
    return record;
  }),

  create: publicProcedure
    .input(EditableEntitySchema)
    .use(authorize("coordinator"))
    .mutation(({ ctx, input }) => {
      return writeLive(ctx.services, () => ctx.services.store.entities.create(input as EditableEntity, ctx.actor.id));
    }),

  update: publicProcedure
    .input(EditableEntitySchema)
    .use(authorize("owner"))
    .mutation(({ ctx, input }) => {
      return writeLive(ctx.services, () => ctx.services.store.entities.update(input as EditableEntity, ctx.actor.id));
    }),

  delete: publicProcedure
    .input(DeleteInputSchema)
    .use(authorize("owner"))
    .mutation(({ ctx, input }) => {
      writeLive(ctx.services, () =>
        ctx.services.store.entities.delete({ kind: input.kind, id: input.id }, ctx.actor.id, input.reason),
      );
      return { ok: true as const };
    }),

  /** Who changed what and when, newest first: for the owners and coordinators. */
  history: publicProcedure
    .input(EntityRefSchema)
    .use(authorize("owner"))
    .query(({ ctx, input }) => ctx.services.store.entities.history(input)),

  /** Soft-deleted entities, for coordinators to find and restore. */
  deleted: publicProcedure.use(authorize("coordinator")).query(({ ctx }) => ctx.services.store.entities.deleted()),

  restore: publicProcedure
    .input(RestoreInputSchema)
    .use(authorize("coordinator"))
    .mutation(({ ctx, input }) => {
      return writeLive(ctx.services, () =>
        ctx.services.store.entities.restore(input.changeId, ctx.actor.id, validateEditable),
      );
    }),
});
