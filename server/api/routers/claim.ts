/**
 * claim.*: a member claims an organisation's profile (says who they are there); a coordinator approves, making them
 * an owner, or rejects with a reason; the claimant is mailed the outcome.
 */
import { z } from "zod";
import {
  CLAIM_STATUSES,
  ClaimCreateInputSchema,
  ClaimDecideInputSchema,
  ClaimRejectInputSchema,
  type OwnershipClaim,
} from "../../../shared/schema/contact";
import type { Mailer } from "../../mail/mailer";
import type { Store } from "../../store/store";
import { authorize } from "../authorize";
import { publicProcedure, router } from "../trpc";

async function notifyClaimant(store: Store, mailer: Mailer, claim: OwnershipClaim): Promise<void> {
  const claimantId = await store.claims.claimantOf(claim.id);
  const claimant = claimantId === undefined ? undefined : await store.accounts.byId(claimantId);
  if (!claimant || claimant.disabled) return;
  const link = mailer.link(`/?node=${encodeURIComponent(`organisation:${claim.organisationId}`)}`);
  if (claim.status === "approved")
    await mailer.send(
      claimant.email,
      claimant.language,
      {
        template: "claim-approved",
        name: claim.organisationName,
        link,
      },
      claimant.id,
    );
  else if (claim.status === "rejected")
    await mailer.send(
      claimant.email,
      claimant.language,
      {
        template: "claim-rejected",
        name: claim.organisationName,
        reason: claim.reason ?? "",
        link,
      },
      claimant.id,
    );
}

export const claimRouter = router({
  create: publicProcedure
    .input(ClaimCreateInputSchema)
    .use(authorize("member"))
    .mutation(
      async ({ ctx, input }) =>
        await ctx.services.store.claims.create(input.organisationId, ctx.actor.id, input.message),
    ),

  mine: publicProcedure
    .use(authorize("member"))
    .query(async ({ ctx }) => await ctx.services.store.claims.mine(ctx.actor.id)),

  queue: publicProcedure
    .input(z.object({ status: z.enum(CLAIM_STATUSES).default("pending") }).default({ status: "pending" }))
    .use(authorize("coordinator"))
    .query(async ({ ctx, input }) => await ctx.services.store.claims.list(input.status)),

  approve: publicProcedure
    .input(ClaimDecideInputSchema)
    .use(authorize("coordinator"))
    .mutation(async ({ ctx, input }) => {
      const claim = await ctx.services.store.claims.approve(input.id, ctx.actor.id);
      await notifyClaimant(ctx.services.store, ctx.mail, claim);
      return claim;
    }),

  reject: publicProcedure
    .input(ClaimRejectInputSchema)
    .use(authorize("coordinator"))
    .mutation(async ({ ctx, input }) => {
      const claim = await ctx.services.store.claims.reject(input.id, ctx.actor.id, input.reason);
      await notifyClaimant(ctx.services.store, ctx.mail, claim);
      return claim;
    }),
});
