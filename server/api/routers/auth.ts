/**
 * auth.*: create an account (verified by mail), sign in and out, forgotten passwords, and who am I. Passwords never
 * leave this router; e-mail only to its owner. Sign-up and the reset request answer the same whether or not an address
 * has an account, so the answers cannot be used to find out who has one: what differs is the mail its owner gets.
 */
import { TRPCError } from "@trpc/server";
import { InvalidFieldError } from "../../../shared/errors";
import {
  LoginInputSchema,
  type MailSentAnswer,
  type Me,
  PasswordResetRequestSchema,
  PasswordResetSchema,
  SignUpInputSchema,
  TokenInputSchema,
} from "../../../shared/schema/account";
import { HashingBusyError } from "../../auth/hash-pool";
import { dummyPasswordHash, hashPassword, verifyPassword } from "../../auth/password";
import type { Services } from "../../services";
import type { Context } from "../context";
import { publicProcedure, router } from "../trpc";

export async function meOf(services: Services, accountId: number): Promise<Me> {
  const account = await services.store.accounts.byId(accountId);
  if (!account) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in first." });
  return {
    id: account.id,
    email: account.email,
    displayName: account.displayName,
    role: account.role,
    owns: await services.store.accounts.ownedBy(account.id),
    language: account.language,
    digest: account.digest,
  };
}

async function startSession(ctx: Context, accountId: number): Promise<Me> {
  if (ctx.session.token) await ctx.services.store.sessions.end(ctx.session.token);
  ctx.session.set((await ctx.services.store.sessions.create(accountId)).token);
  return meOf(ctx.services, accountId);
}

const SENT: MailSentAnswer = { ok: true };

/** A link that is used up, expired or was never issued: the same words for all three. */
const deadLink = () => new InvalidFieldError("token", "this link has expired or was already used; ask for a new one");

/** Mails the owner of an existing address a link to choose a new password (a reset also confirms the address). */
export async function mailResetLink(
  ctx: Context,
  accountId: number,
  template: "reset-password" | "sign-up-existing",
): Promise<void> {
  const account = await ctx.services.store.accounts.byId(accountId);
  if (!account) return;
  const link = ctx.mail.link(`/#reset=${await ctx.services.store.tokens.issue(account.id, "reset")}`);
  await ctx.mail.send(
    account.email,
    account.language,
    template === "reset-password" ? { template, link } : { template, resetLink: link },
    account.id,
  );
}

export const authRouter = router({
  me: publicProcedure.query(
    async ({ ctx }): Promise<Me | null> => (ctx.actor ? meOf(ctx.services, ctx.actor.id) : null),
  ),

  /**
   * Anyone may create a member account; coordinators and administrators are made by an administrator. The account
   * cannot sign in until its address is confirmed. A taken display name is refused (names are public anyway); a taken
   * address is not: its owner gets a "someone tried to sign up with your address" mail instead, and the answer is
   * the same as for a new one.
   */
  signUp: publicProcedure.input(SignUpInputSchema).mutation(async ({ ctx, input }): Promise<MailSentAnswer> => {
    // Counted before any work: a refused or failed sign-up costs the address one of its attempts all the same.
    await ctx.guards.signUp.reserve(ctx.address);
    const { accounts, tokens } = ctx.services.store;
    // Both paths hash, so the time taken does not tell them apart either.
    const passwordHash = await ctx.guards.hashing.run(() => hashPassword(input.password));
    await accounts.checkNameFree(input.displayName);
    const existing = await accounts.byEmail(input.email);
    if (existing) {
      await mailResetLink(ctx, existing.id, "sign-up-existing");
      return SENT;
    }
    const account = await accounts.create({
      email: input.email,
      displayName: input.displayName,
      passwordHash,
      role: "member",
      emailVerified: false,
      language: input.language,
    });
    const link = ctx.mail.link(`/#verify=${await tokens.issue(account.id, "verify")}`);
    await ctx.mail.send(account.email, account.language, { template: "verify-email", link }, account.id);
    return SENT;
  }),

  /** The link in the verification mail: the address is confirmed and the account can sign in. */
  verifyEmail: publicProcedure.input(TokenInputSchema).mutation(async ({ ctx, input }) => {
    const taken = await ctx.services.store.tokens.take(input.token, "verify");
    if (!taken) throw deadLink();
    await ctx.services.store.accounts.markVerified(taken.accountId);
    return { ok: true as const };
  }),

  login: publicProcedure.input(LoginInputSchema).mutation(async ({ ctx, input }) => {
    const { guards } = ctx;
    const known =
      guards.devices.knows(ctx.device.value, input.email) || guards.addresses.knows(input.email, ctx.address);
    // The attempt is reserved before the password is checked, so parallel attempts cannot all pass the limit.
    const attempt = await guards.login.reserve(input.email, ctx.address, known);
    const account = await ctx.services.store.accounts.byEmail(input.email);
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
    // Only someone who knows the password learns this, so it says nothing to a stranger.
    if (!account.emailVerified) {
      throw new TRPCError({
        code: "FORBIDDEN",
        message:
          "Confirm your e-mail address first: follow the link in the mail we sent you. No mail? Ask for a password reset (Forgot password?): its link also confirms the address.",
      });
    }
    await attempt.succeeded();
    guards.addresses.remember(input.email, ctx.address);
    ctx.device.set(guards.devices.add(ctx.device.value, input.email));
    return startSession(ctx, account.id);
  }),

  logout: publicProcedure.mutation(async ({ ctx }) => {
    if (ctx.session.token) await ctx.services.store.sessions.end(ctx.session.token);
    ctx.session.clear();
    return { ok: true as const };
  }),

  /** "Glömt lösenordet? / Forgot password?": a reset link to the address if it has an account; the same answer if not. */
  requestPasswordReset: publicProcedure
    .input(PasswordResetRequestSchema)
    .mutation(async ({ ctx, input }): Promise<MailSentAnswer> => {
      // Each request can send a mail, so they are rationed per client address like sign-ups.
      await ctx.guards.mailRequests.reserve(ctx.address);
      const account = await ctx.services.store.accounts.byEmail(input.email);
      if (account) await mailResetLink(ctx, account.id, "reset-password");
      return SENT;
    }),

  /** Whether a reset link still works, so the page can say so before the new password is typed. */
  resetLinkLive: publicProcedure
    .input(TokenInputSchema)
    .query(async ({ ctx, input }) => ({ live: await ctx.services.store.tokens.isLive(input.token, "reset") })),

  /**
   * The reset page: a new password from the link (single use, one hour). Every session of the account ends, and
   * the address counts as confirmed (the link reached it).
   */
  resetPassword: publicProcedure.input(PasswordResetSchema).mutation(async ({ ctx, input }) => {
    const passwordHash = await ctx.guards.hashing.run(() => hashPassword(input.password));
    const { accounts, tokens, db } = ctx.services.store;
    const accountId = await db.transaction(async () => {
      const taken = await tokens.take(input.token, "reset");
      if (!taken) return undefined;
      await accounts.setPassword(taken.accountId, passwordHash);
      await accounts.markVerified(taken.accountId);
      return taken.accountId;
    });
    if (accountId === undefined) throw deadLink();
    const account = await accounts.byId(accountId);
    if (account) await ctx.mail.send(account.email, account.language, { template: "password-changed" }, account.id);
    return { ok: true as const };
  }),
});
