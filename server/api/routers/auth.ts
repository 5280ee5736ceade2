/** auth.*: create an account, sign in and out, and who am I. Passwords never leave this router; e-mail only to its owner. */
import { TRPCError } from "@trpc/server";
import { LoginInputSchema, type Me, SignUpInputSchema } from "../../../shared/schema/account";
import { dummyPasswordHash, hashPassword, verifyPassword } from "../../auth/password";
import type { Services } from "../../services";
import type { Context } from "../context";
import { publicProcedure, router } from "../trpc";

function meOf(services: Services, accountId: number): Me {
  const account = services.store.accounts.byId(accountId);
  if (!account) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in first." });
  return {
    id: account.id,
    email: account.email,
    displayName: account.displayName,
    role: account.role,
    owns: services.store.accounts.ownedBy(account.id),
  };
}

function startSession(ctx: Context, accountId: number): Me {
  if (ctx.session.token) ctx.services.store.sessions.end(ctx.session.token);
  ctx.session.set(ctx.services.store.sessions.create(accountId).token);
  return meOf(ctx.services, accountId);
}

export const authRouter = router({
  me: publicProcedure.query(({ ctx }): Me | null => (ctx.actor ? meOf(ctx.services, ctx.actor.id) : null)),

  /** Anyone may create a member account; coordinators and administrators are made by an administrator. */
  signUp: publicProcedure.input(SignUpInputSchema).mutation(async ({ ctx, input }) => {
    const passwordHash = await hashPassword(input.password);
    const account = ctx.services.store.accounts.create({
      email: input.email,
      displayName: input.displayName,
      passwordHash,
      role: "member",
    });
    return startSession(ctx, account.id);
  }),

  login: publicProcedure.input(LoginInputSchema).mutation(async ({ ctx, input }) => {
    await ctx.loginLimiter.check(input.email, ctx.address);
    const account = ctx.services.store.accounts.byEmail(input.email);
    // Unknown addresses cost a hash too, so timing does not tell which e-mails have accounts.
    const ok = await verifyPassword(input.password, account?.passwordHash ?? (await dummyPasswordHash()));
    if (!account || !ok || account.disabled) {
      await ctx.loginLimiter.failed(input.email, ctx.address);
      throw new TRPCError({ code: "UNAUTHORIZED", message: "Wrong e-mail address or password." });
    }
    await ctx.loginLimiter.succeeded(input.email);
    return startSession(ctx, account.id);
  }),

  logout: publicProcedure.mutation(({ ctx }) => {
    if (ctx.session.token) ctx.services.store.sessions.end(ctx.session.token);
    ctx.session.clear();
    return { ok: true as const };
  }),
});
