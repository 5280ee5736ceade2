/** Accounts and sessions: who may change the data. E-mail addresses are personal data and never leave the owner or administrators. */
import { z } from "zod";
import { reservedTermIn } from "./display-name";
import { MAX_CHARS, MAX_IMPORT_TEXT_CHARS, MAX_ITEMS } from "./limits";
import { findForbiddenCharacter, forbiddenMessage, safeText } from "./text";

import { hasRole, ROLES } from "./value-lists";

export { hasRole, ROLES };
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

/** The languages the app and its mail speak; an account's mail comes in its own (Swedish unless chosen). */
export const LANGUAGES = ["sv", "en"] as const;
export const LanguageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof LanguageSchema>;

export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(MAX_CHARS.email, `at most ${MAX_CHARS.email} characters`)
  // A hidden character is named (code point and place), as in every other field, instead of "not an address".
  .superRefine((text, ctx) => {
    const found = findForbiddenCharacter(text);
    if (found) ctx.addIssue({ code: "custom", message: forbiddenMessage(found), input: text });
  })
  .pipe(z.email("must be an e-mail address"));
/** Long passphrases over complexity rules (NIST SP 800-63B); the upper bound keeps hashing cheap to refuse. */
export const PasswordSchema = z
  .string()
  .min(12, "at least 12 characters")
  .max(MAX_CHARS.password, `at most ${MAX_CHARS.password} characters`);
/** Shown as who did what: safe text, and never a role or the service's name (unique too, checked by the store). */
export const DisplayNameSchema = safeText({ max: MAX_CHARS.displayName })
  .min(1, "a name is required")
  .superRefine((name, ctx) => {
    const term = reservedTermIn(name);
    if (term)
      ctx.addIssue({ code: "custom", message: `"${term}" is reserved and cannot be part of a name`, input: name });
  });

export const SignUpInputSchema = z.object({
  email: EmailSchema,
  password: PasswordSchema,
  displayName: DisplayNameSchema,
  /** The language of the account's mail: the one the app was in at sign-up. */
  language: LanguageSchema.default("sv"),
});
export type SignUpInput = z.infer<typeof SignUpInputSchema>;

export const LoginInputSchema = z.object({
  email: EmailSchema,
  password: z
    .string()
    .min(1, "a password is required")
    .max(MAX_CHARS.password, `at most ${MAX_CHARS.password} characters`),
});
export type LoginInput = z.infer<typeof LoginInputSchema>;

export const AccountIdSchema = z.number().int().positive();

/** The secret part of a link in mail: 32 random bytes, base64url. */
export const MailTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, "must be the code from the link in the mail");
export const TokenInputSchema = z.object({ token: MailTokenSchema });

export const PasswordResetRequestSchema = z.object({ email: EmailSchema });
export const PasswordResetSchema = z.object({ token: MailTokenSchema, password: PasswordSchema });

/** The current password confirms every change to the account itself (a borrowed session is not enough). */
const CurrentPasswordSchema = LoginInputSchema.shape.password;
export const ChangePasswordInputSchema = z.object({
  currentPassword: CurrentPasswordSchema,
  newPassword: PasswordSchema,
});
export const ChangeEmailInputSchema = z.object({ password: CurrentPasswordSchema, newEmail: EmailSchema });
export const DeleteAccountInputSchema = z.object({ password: CurrentPasswordSchema });
export const AccountSettingsInputSchema = z
  .object({ language: LanguageSchema.optional(), digest: z.boolean().optional() })
  .refine((s) => s.language !== undefined || s.digest !== undefined, "name a setting to change");

/** The answer to sign-up, a reset request and an address change: the same whether or not the address has an account. */
export interface MailSentAnswer {
  ok: true;
}

/** What the signed-in person sees of themselves. */
export interface Me {
  id: number;
  email: string;
  displayName: string;
  role: Role;
  /** The profiles this account may edit without being a coordinator. */
  owns: { kind: "project" | "organisation"; id: string }[];
  /** The language of the account's mail. */
  language: Language;
  /** Coordinators: whether the daily mail about waiting submissions comes. */
  digest: boolean;
}

/** What administrators see in the account list. */
export interface AccountSummary {
  id: number;
  email: string;
  displayName: string;
  role: Role;
  disabled: boolean;
  createdAt: string;
}

export const SetRoleInputSchema = z.object({ accountId: AccountIdSchema, role: RoleSchema });
export const SetDisabledInputSchema = z.object({ accountId: AccountIdSchema, disabled: z.boolean() });
export const CreateAccountInputSchema = SignUpInputSchema.extend({ role: RoleSchema });

/** An import sent from the browser: the files' text (the request body limit, 1 MB, bounds them; larger ones use the CLI). */
export const ImportInputSchema = z.object({
  files: z
    .array(
      z.object({
        name: safeText({ max: MAX_CHARS.fileName })
          .min(1)
          .regex(/\.(csv|json)$/i, "must end in .csv or .json"),
        text: z.string().max(MAX_IMPORT_TEXT_CHARS, `at most ${MAX_IMPORT_TEXT_CHARS} characters`),
      }),
    )
    .min(1, "choose at least one file")
    .max(MAX_ITEMS.importFiles, `at most ${MAX_ITEMS.importFiles} files`),
  dryRun: z.boolean().default(true),
});
export type ImportInput = z.infer<typeof ImportInputSchema>;

export interface ImportResult {
  written: boolean;
  dataVersion: number;
  counts: { create: number; change: number; unchanged: number };
  leftAlone: number;
  /** The preview, one line each, as the command line prints it. */
  preview: string[];
}
