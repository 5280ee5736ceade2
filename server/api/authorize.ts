/**
 * Who may call what: the one place roles are checked. Every procedure that changes data declares its access here and
 * the middleware refuses with 401 (not signed in) or 403 (signed in, not allowed). The client only hides buttons.
 */
import { TRPCError } from "@trpc/server";
import { hasRole } from "../../shared/schema/account";
import type { EntityRef } from "../../shared/schema/editable";
import type { Actor, Context } from "./context";
import { middleware } from "./trpc";

/**
 * - member / coordinator / administrator: that role or a higher one;
 * - owner: a coordinator (or administrator), or a member who owns the entity the input names.
 */
export type Access = "member" | "coordinator" | "administrator" | "owner";

/**
 * The entity an input names: `{ kind, id }` or `{ kind, record: { id } }`, or a project by `{ projectId }` without
 * a kind (a project's shortlist).
 */
function entityNamedBy(input: unknown): EntityRef | undefined {
  if (typeof input !== "object" || input === null) return undefined;
  const { kind, id, record, projectId } = input as {
    kind?: unknown;
    id?: unknown;
    record?: { id?: unknown };
    projectId?: unknown;
  };
  if (kind === undefined && typeof projectId === "string") return { kind: "project", id: projectId };
  const entityId = typeof id === "string" ? id : record?.id;
  if ((kind === "project" || kind === "organisation") && typeof entityId === "string") return { kind, id: entityId };
  return undefined;
}

export async function isAllowed(
  ctx: Pick<Context, "services">,
  actor: Actor,
  access: Access,
  input: unknown,
): Promise<boolean> {
  if (access !== "owner") return hasRole(actor.role, access);
  if (hasRole(actor.role, "coordinator")) return true;
  const ref = entityNamedBy(input);
  return ref !== undefined && (await ctx.services.store.accounts.owns(actor.id, ref));
}

/** Place after `.input(…)`, so an owner check sees the validated input. */
export const authorize = (access: Access) =>
  middleware(async ({ ctx, input, next }) => {
    const actor = ctx.actor;
    if (!actor) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in first." });
    if (!(await isAllowed(ctx, actor, access, input))) {
      const needed = access === "owner" ? "the owner of this profile or a coordinator" : `a ${access}`;
      throw new TRPCError({ code: "FORBIDDEN", message: `Only ${needed} may do this.` });
    }
    return next({ ctx: { ...ctx, actor } });
  });
