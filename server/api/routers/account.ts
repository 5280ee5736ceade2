/**
 * account.*: the signed-in person's own account: change password or e-mail address, mail settings, download my data,
 * delete my account. Every change to the account itself asks for the current password, so a session left open on a
 * shared computer cannot take the account over.
 */
import { TRPCError } from "@trpc/server";
import { InvalidFieldError } from "../../../shared/errors";
import {
  AccountSettingsInputSchema,
  ChangeEmailInputSchema,
  ChangePasswordInputSchema,
  DeleteAccountInputSchema,
  type MailSentAnswer,
  type Me,
  TokenInputSchema,
} from "../../../shared/schema/account";
import type { AccountDataExport } from "../../../shared/schema/account-data";
import { hashPassword, verifyPassword } from "../../auth/password";
import { accountData } from "../../store/account-data";
import { hashToken } from "../../store/account-tokens";
import { authorize } from "../authorize";
import type { Actor, Context } from "../context";
import { publicProcedure, router } from "../trpc";
import { meOf } from "./auth";

/** The account, if `password` is its password; else a refusal naming the field. */
async function confirmPassword(ctx: Context, actor: Actor, password: string, field: string) {
  const account = await ctx.services.store.accounts.byId(actor.id);
  if (!account) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in first." });
  if (!(await ctx.guards.hashing.run(() => verifyPassword(password, account.passwordHash)))) {
    throw new InvalidFieldError(field, "this is not your current password");
  }
  return account;
}

export const accountRouter = router({
  /** A new password; every other session of the account ends, this one stays. */
  changePassword: publicProcedure
    .input(ChangePasswordInputSchema)
    .use(authorize("member"))
    .mutation(async ({ ctx, input }) => {
      const account = await confirmPassword(ctx, ctx.actor, input.currentPassword, "currentPassword");
      const passwordHash = await ctx.guards.hashing.run(() => hashPassword(input.newPassword));
      const current = ctx.session.token ? hashToken(ctx.session.token) : undefined;
      await ctx.services.store.accounts.setPassword(account.id, passwordHash, current);
      await ctx.mail.send(account.email, account.language, { template: "password-changed" }, account.id);
      return { ok: true as const };
    }),

  /**
   * Moves the account to a new address once a link sent there is followed; the old address is told. The answer is
   * the same when the new address already has an account (then nothing is sent there), so it cannot be used to probe.
   */
  requestEmailChange: publicProcedure
    .input(ChangeEmailInputSchema)
    .use(authorize("member"))
    .mutation(async ({ ctx, input }): Promise<MailSentAnswer> => {
      // It mails an address the caller chooses, so it is rationed like the reset request.
      await ctx.guards.mailRequests.reserve(ctx.address);
      const account = await confirmPassword(ctx, ctx.actor, input.password, "password");
      if (input.newEmail === account.email) throw new InvalidFieldError("newEmail", "this is already your address");
      const { accounts, tokens } = ctx.services.store;
      if (!(await accounts.byEmail(input.newEmail))) {
        const token = await tokens.issue(account.id, "change-email", { newEmail: input.newEmail });
        await ctx.mail.send(
          input.newEmail,
          account.language,
          {
            template: "confirm-new-email",
            link: ctx.mail.link(`/#email=${token}`),
          },
          account.id,
        );
      }
      await ctx.mail.send(
        account.email,
        account.language,
        { template: "email-changing", newAddress: input.newEmail },
        account.id,
      );
      return { ok: true };
    }),

  /** The link in the confirmation mail (it may be opened signed out, on another device). */
  confirmEmailChange: publicProcedure.input(TokenInputSchema).mutation(async ({ ctx, input }) => {
    const { accounts, tokens, db } = ctx.services.store;
    const email = await db.transaction(async () => {
      const taken = await tokens.take(input.token, "change-email");
      if (!taken?.newEmail || !(await accounts.byId(taken.accountId))) return undefined;
      await accounts.setEmail(taken.accountId, taken.newEmail);
      await accounts.markVerified(taken.accountId);
      return taken.newEmail;
    });
    if (!email) throw new InvalidFieldError("token", "this link has expired or was already used; ask for a new one");
    return { ok: true as const, email };
  }),

  /** The language of the account's mail, and (coordinators) the daily review mail. */
  updateSettings: publicProcedure
    .input(AccountSettingsInputSchema)
    .use(authorize("member"))
    .mutation(async ({ ctx, input }): Promise<Me> => {
      await ctx.services.store.accounts.setSettings(ctx.actor.id, input);
      return meOf(ctx.services, ctx.actor.id);
    }),

  /** "Download my data": the account, its submissions and its change-log entries, as JSON. */
  exportData: publicProcedure.use(authorize("member")).query(async ({ ctx }): Promise<AccountDataExport> => {
    const data = await accountData(ctx.services.store, ctx.actor.id);
    if (!data) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in first." });
    return data;
  }),

  /**
   * Deletes the account: address, name and password go; the change log keeps its entries under "removed account N";
   * the profiles it owned stay, unowned. The last administrator cannot leave (someone must manage accounts).
   */
  delete: publicProcedure
    .input(DeleteAccountInputSchema)
    .use(authorize("member"))
    .mutation(async ({ ctx, input }) => {
      const account = await confirmPassword(ctx, ctx.actor, input.password, "password");
      const { accounts, mail } = ctx.services.store;
      if (account.role === "administrator" && !account.disabled && (await accounts.countAdministrators()) <= 1) {
        throw new TRPCError({
          code: "CONFLICT",
          message: 'field "password": you are the last administrator; make someone else one first',
        });
      }
      await ctx.services.store.db.transaction(async () => {
        await mail.dropQueuedFor(account.id, account.email);
        await accounts.remove(account.id);
      });
      ctx.session.clear();
      return { ok: true as const };
    }),
});
