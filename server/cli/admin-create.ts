/**
 * `npm run admin:create -- --email ADDRESS --name "NAME" [--role administrator|coordinator|member]`: creates an account
 * in the database the server uses (DATABASE_PATH), the way the first administrator comes to exist. The password is
 * read from the environment variable ADMIN_PASSWORD or, when unset, asked for twice on the terminal without echo.
 */
import { resolve } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { z } from "zod";
import { ConflictError } from "../../shared/errors";
import { DisplayNameSchema, EmailSchema, PasswordSchema, RoleSchema } from "../../shared/schema/account";
import { hashPassword } from "../auth/password";
import { readEnv } from "../env";
import { Store } from "../store/store";

export const USAGE =
  'Usage: npm run admin:create -- --email ADDRESS --name "NAME" [--role administrator|coordinator|member]\n' +
  "       (password from ADMIN_PASSWORD, or asked for on the terminal)";

export class UsageError extends Error {
  override name = "UsageError";
}

const ArgsSchema = z.object({
  email: EmailSchema,
  name: DisplayNameSchema,
  role: RoleSchema.default("administrator"),
  password: PasswordSchema,
});
export type AdminCreateArgs = z.infer<typeof ArgsSchema>;

export function parseAdminCreateArgs(argv: readonly string[], password: string | undefined): AdminCreateArgs {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string" } },
      strict: true,
    }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
  const result = ArgsSchema.safeParse({ ...values, password });
  if (!result.success) {
    const lines = result.error.issues.map((i) => {
      const field = String(i.path[0]);
      return `${field === "password" ? "password (ADMIN_PASSWORD)" : `--${field}`}: ${i.message}`;
    });
    throw new UsageError(`${lines.join("\n")}\n${USAGE}`);
  }
  return result.data;
}

/** Asks for a line on the terminal without echoing what is typed. */
async function askHidden(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const output = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WriteStream };
  output._writeToOutput = (s: string) => {
    if (s.startsWith(question)) output.output.write(question);
  };
  try {
    return await new Promise<string>((done) => rl.question(question, done));
  } finally {
    rl.close();
    process.stdout.write("\n");
  }
}

export async function createAccountCommand(args: AdminCreateArgs, databasePath: string): Promise<string> {
  const store = await Store.open(databasePath);
  try {
    const passwordHash = await hashPassword(args.password);
    let account: Awaited<ReturnType<typeof store.accounts.create>>;
    try {
      account = await store.accounts.create({
        email: args.email,
        displayName: args.name,
        role: args.role,
        passwordHash,
        emailVerified: true,
      });
    } catch (error) {
      // The same rules as signing up: one account per address, one per display name (case-insensitively).
      if (error instanceof ConflictError)
        throw new UsageError(
          `--${error.field === "displayName" ? "name" : error.field}: ${error.message.replace(/^field "[^"]+": /, "")}`,
        );
      throw error;
    }
    return `Created ${account.role} account ${account.id} for ${account.email} in ${store.path}.`;
  } finally {
    await store.close();
  }
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  try {
    let password = process.env.ADMIN_PASSWORD;
    if (password === undefined && process.stdin.isTTY) {
      password = await askHidden("Password (at least 12 characters): ");
      if ((await askHidden("Again: ")) !== password) throw new UsageError("the two passwords differ");
    }
    const args = parseAdminCreateArgs(process.argv.slice(2), password);
    console.log(await createAccountCommand(args, readEnv().STORE_LOCATION));
  } catch (error) {
    console.error(error instanceof Error ? `${error.name}: ${error.message}` : error);
    process.exit(error instanceof UsageError ? 2 : 1);
  }
}
