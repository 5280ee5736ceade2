/**
 * entity.*: read, create, edit, soft-delete and restore projects and organisations, with their history. Every write
 * is logged with who and when, and the read model is refreshed in the same request. Edits, deletions, restores and
 * reverts name the version they were made from (`expectedVersion`); a stale one is refused with 409 naming the fields
 * changed meanwhile, so no one silently erases someone else's edit. Owners are mailed when someone else edits or
 * deletes their profile.
 */
import { NotFoundError } from "../../../shared/errors";
import {
  DeleteInputSchema,
  type EditableEntity,
  EditableEntitySchema,
  EntityRefSchema,
  RecentEditsInputSchema,
  RestoreInputSchema,
  RevertInputSchema,
  UpdateInputSchema,
} from "../../../shared/schema/editable";
import { validateEditable } from "../../live/validate-editable";
import { writeLive } from "../../live/write-live";
import { notifyOwnersOfEdit } from "../../mail/notifications";
import { authorize } from "../authorize";
import type { Actor, Context } from "../context";
import { publicProcedure, router } from "../trpc";

/** A restore or revert puts back an earlier version of someone's profile: its owners hear of it as of an edit. */
async function tellOwners(ctx: Context & { actor: Actor }, changeId: number, name: string): Promise<void> {
  const change = await ctx.services.store.entities.change(changeId);
  if (change)
    await notifyOwnersOfEdit(ctx.services.store, ctx.mail, { kind: change.kind, id: change.entityId }, name, ctx.actor);
}

export const entityRouter = router({
  /** The editable record of a live entity (public data, the same as the graph shows) and its version. */
  get: publicProcedure.input(EntityRefSchema).query(async ({ ctx, input }) => {
    const found = await ctx.services.store.entities.getVersioned(input);
    if (!found) throw new NotFoundError(input.kind, input.id);
    return found;
  }),

  create: publicProcedure
    .input(EditableEntitySchema)
    .use(authorize("coordinator"))
    .mutation(async ({ ctx, input }) => {
      return writeLive(ctx.services, () => ctx.services.store.entities.create(input as EditableEntity, ctx.actor.id));
    }),

  update: publicProcedure
    .input(UpdateInputSchema)
    .use(authorize("owner"))
    .mutation(async ({ ctx, input }) => {
      const { expectedVersion, ...entity } = input;
      const result = await writeLive(ctx.services, () =>
        ctx.services.store.entities.update(entity as EditableEntity, ctx.actor.id, expectedVersion),
      );
      const ref = { kind: input.kind, id: input.record.id };
      await notifyOwnersOfEdit(ctx.services.store, ctx.mail, ref, input.record.name, ctx.actor);
      return result;
    }),

  delete: publicProcedure
    .input(DeleteInputSchema)
    .use(authorize("owner"))
    .mutation(async ({ ctx, input }) => {
      const before = await ctx.services.store.entities.getVersioned({ kind: input.kind, id: input.id });
      await writeLive(ctx.services, () =>
        ctx.services.store.entities.delete(
          { kind: input.kind, id: input.id },
          ctx.actor.id,
          input.reason,
          input.expectedVersion,
        ),
      );
      const name = (before?.record as { name?: string } | undefined)?.name ?? input.id;
      await notifyOwnersOfEdit(ctx.services.store, ctx.mail, { kind: input.kind, id: input.id }, name, ctx.actor);
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
    .mutation(async ({ ctx, input }) => {
      const result = await writeLive(ctx.services, () =>
        ctx.services.store.entities.restore(input.changeId, ctx.actor.id, validateEditable, input.expectedVersion),
      );
      await tellOwners(ctx, input.changeId, result.record.name);
      return result;
    }),

  /** Owners' direct edits of the last days, newest first, for coordinators to look over (and revert). */
  recentEdits: publicProcedure
    .input(RecentEditsInputSchema)
    .use(authorize("coordinator"))
    .query(({ ctx, input }) => ctx.services.store.entities.recentEdits(input.days)),

  /** Undoes one change (puts back the record before it), if nothing has changed the entity since. */
  revert: publicProcedure
    .input(RevertInputSchema)
    .use(authorize("coordinator"))
    .mutation(async ({ ctx, input }) => {
      const result = await writeLive(ctx.services, () =>
        ctx.services.store.entities.revert(input.changeId, ctx.actor.id, validateEditable, input.expectedVersion),
      );
      await tellOwners(ctx, input.changeId, result.record.name);
      return result;
    }),
});
