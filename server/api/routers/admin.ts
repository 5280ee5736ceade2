/** admin.*: accounts for administrators: list, create with a role, change a role, disable. */
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { NotFoundError } from "../../../shared/errors";
import {
  type AccountSummary,
  CreateAccountInputSchema,
  SetDisabledInputSchema,
  SetRoleInputSchema,
} from "../../../shared/schema/account";
import { hashPassword } from "../../auth/password";
import type { Services } from "../../services";
import { toSummary } from "../../store/accounts";
import { authorize } from "../authorize";
import { publicProcedure, router } from "../trpc";

function existing(services: Services, id: number) {
  const account = services.store.accounts.byId(id);
  if (!account) throw new NotFoundError("account", String(id));
  return account;
}

/** The last enabled administrator cannot be demoted or disabled: someone must be able to manage accounts. */
function keepAnAdministrator(services: Services, id: number): void {
  const account = existing(services, id);
  if (account.role === "administrator" && !account.disabled && services.store.accounts.countAdministrators() <= 1) {
    throw new TRPCError({ code: "CONFLICT", message: 'field "accountId": this is the last administrator' });
  }
}

export const adminRouter = router({
  accounts: publicProcedure
    .use(authorize("administrator"))
    .query(({ ctx }): AccountSummary[] => ctx.services.store.accounts.list().map(toSummary)),

  createAccount: publicProcedure
    .input(CreateAccountInputSchema)
    .use(authorize("administrator"))
    .mutation(async ({ ctx, input }) =>
      toSummary(
        ctx.services.store.accounts.create({
          email: input.email,
          displayName: input.displayName,
          role: input.role,
          passwordHash: await hashPassword(input.password),
        }),
      ),
    ),

  setRole: publicProcedure
    .input(SetRoleInputSchema)
    .use(authorize("administrator"))
    .mutation(({ ctx, input }) => {
      if (input.role !== "administrator") keepAnAdministrator(ctx.services, input.accountId);
      existing(ctx.services, input.accountId);
      ctx.services.store.accounts.setRole(input.accountId, input.role);
      return toSummary(existing(ctx.services, input.accountId));
    }),

  setDisabled: publicProcedure
    .input(SetDisabledInputSchema)
    .use(authorize("administrator"))
    .mutation(({ ctx, input }) => {
      if (input.disabled) keepAnAdministrator(ctx.services, input.accountId);
      ctx.services.store.accounts.setDisabled(input.accountId, input.disabled);
      return toSummary(existing(ctx.services, input.accountId));
    }),
});

export const AccountIdInput = z.object({ accountId: z.number() });
