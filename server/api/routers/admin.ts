/** admin.*: for administrators: accounts (list, create with a role, change a role, disable), the import of data files and the mail outbox. */
import { TRPCError } from "@trpc/server";
import { ConflictError, InvalidFieldError, NotFoundError } from "../../../shared/errors";
import {
  type AccountSummary,
  CreateAccountInputSchema,
  ImportInputSchema,
  type ImportResult,
  SetDisabledInputSchema,
  SetRoleInputSchema,
} from "../../../shared/schema/account";
import type { Outbox } from "../../../shared/schema/mail";
import { hashPassword } from "../../auth/password";
import { ImportError } from "../../import/records";
import { runImport } from "../../import/run-import";
import { writeLive } from "../../live/write-live";
import type { Services } from "../../services";
import { toSummary } from "../../store/accounts";
import { StaleImportError } from "../../store/import-entities";
import { authorize } from "../authorize";
import { publicProcedure, router } from "../trpc";

async function existing(services: Services, id: number) {
  const account = await services.store.accounts.byId(id);
  if (!account) throw new NotFoundError("account", String(id));
  return account;
}

/** The last enabled administrator cannot be demoted or disabled: someone must be able to manage accounts. */
async function keepAnAdministrator(services: Services, id: number): Promise<void> {
  const account = await existing(services, id);
  if (
    account.role === "administrator" &&
    !account.disabled &&
    (await services.store.accounts.countAdministrators()) <= 1
  ) {
    throw new TRPCError({ code: "CONFLICT", message: 'field "accountId": this is the last administrator' });
  }
}

export const adminRouter = router({
  accounts: publicProcedure
    .use(authorize("administrator"))
    .query(async ({ ctx }): Promise<AccountSummary[]> => (await ctx.services.store.accounts.list()).map(toSummary)),

  /** The mail the app holds, newest first: with no SMTP server set, this is where it goes to be read. */
  outbox: publicProcedure.use(authorize("administrator")).query(
    async ({ ctx }): Promise<Outbox> => ({
      delivery: ctx.mail.delivery,
      messages: await ctx.services.store.mail.list(),
    }),
  ),

  createAccount: publicProcedure
    .input(CreateAccountInputSchema)
    .use(authorize("administrator"))
    .mutation(async ({ ctx, input }) =>
      toSummary(
        await ctx.services.store.accounts.create({
          email: input.email,
          displayName: input.displayName,
          role: input.role,
          passwordHash: await hashPassword(input.password),
          // An administrator vouches for the address; the account can sign in at once.
          emailVerified: true,
        }),
      ),
    ),

  setRole: publicProcedure
    .input(SetRoleInputSchema)
    .use(authorize("administrator"))
    .mutation(async ({ ctx, input }) => {
      if (input.role !== "administrator") await keepAnAdministrator(ctx.services, input.accountId);
      await existing(ctx.services, input.accountId);
      await ctx.services.store.accounts.setRole(input.accountId, input.role);
      return toSummary(await existing(ctx.services, input.accountId));
    }),

  setDisabled: publicProcedure
    .input(SetDisabledInputSchema)
    .use(authorize("administrator"))
    .mutation(async ({ ctx, input }) => {
      if (input.disabled) await keepAnAdministrator(ctx.services, input.accountId);
      await ctx.services.store.accounts.setDisabled(input.accountId, input.disabled);
      return toSummary(await existing(ctx.services, input.accountId));
    }),

  /** The command line's import, from the browser: a dry run previews, otherwise everything is written in one transaction. */
  import: publicProcedure
    .input(ImportInputSchema)
    .use(authorize("administrator"))
    .mutation(async ({ ctx, input }): Promise<ImportResult> => {
      const encoder = new TextEncoder();
      const files = input.files.map((f) => ({ name: f.name, bytes: encoder.encode(f.text) }));
      let outcome: Awaited<ReturnType<typeof runImport>>;
      try {
        // A dry run writes nothing, so the read model stays as it is (writeLive prepares nothing new).
        outcome = await writeLive(ctx.services, () =>
          runImport(ctx.services.store.db, files, { dryRun: input.dryRun, actor: ctx.actor.id }),
        );
      } catch (error) {
        if (error instanceof ImportError)
          throw new InvalidFieldError("files", error.message.replace(/^Import refused /, "import refused "));
        if (error instanceof StaleImportError) throw new ConflictError("files", error.message);
        throw error;
      }
      return {
        written: outcome.written,
        dataVersion: outcome.dataVersion,
        counts: outcome.plan.counts,
        leftAlone: outcome.plan.leftAlone,
        preview: outcome.preview,
      };
    }),
});
