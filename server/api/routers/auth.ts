/** auth.*: create an account, sign in and out, and who am I. Passwords never leave this router; e-mail only to its owner. */
import { TRPCError } from "@trpc/server";
import { LoginInputSchema, type Me, SignUpInputSchema } from "../../../shared/schema/account";
import { HashingBusyError } from "../../auth/hash-pool";
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
    // Counted before any work: a refused or failed sign-up costs the address one of its attempts all the same.
    await ctx.guards.signUp.reserve(ctx.address);
    const passwordHash = await ctx.guards.hashing.run(() => hashPassword(input.password));
    const account = ctx.services.store.accounts.create({
      email: input.email,
      displayName: input.displayName,
      passwordHash,
      role: "member",
    });
    return startSession(ctx, account.id);
  }),

  login: publicProcedure.input(LoginInputSchema).mutation(async ({ ctx, input }) => {
    const { guards } = ctx;
    const known =
      guards.devices.knows(ctx.device.value, input.email) || guards.addresses.knows(input.email, ctx.address);
    // The attempt is reserved before the password is checked, so parallel attempts cannot all pass the limit.
    const attempt = await guards.login.reserve(input.email, ctx.address, known);
    const account = ctx.services.store.accounts.byEmail(input.email);
    let ok: boolean;
    try {
      // Unknown addresses cost a hash too, so timing does not tell which e-mails have accounts.
      const stored = account?.passwordHash ?? (await dummyPasswordHash());
      ok = await guards.hashing.run(() => verifyPassword(input.password, stored));
    } catch (error) {
      // Busy: the password was never checked, so the attempt is given back; anything else keeps it spent.
      if (error instanceof HashingBusyError) await attempt.cancel();
      throw error;
    }
    if (!account || !ok || account.disabled) {
      throw new TRPCError({ code: "UNAUTHORIZED", message: "Wrong e-mail address or password." });
    }
    await attempt.succeeded();
    guards.addresses.remember(input.email, ctx.address);
    ctx.device.set(guards.devices.add(ctx.device.value, input.email));
    return startSession(ctx, account.id);
  }),

  logout: publicProcedure.mutation(({ ctx }) => {
    if (ctx.session.token) ctx.services.store.sessions.end(ctx.session.token);
    ctx.session.clear();
    return { ok: true as const };
  }),
});
