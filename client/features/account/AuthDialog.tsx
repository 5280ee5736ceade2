/**
 * Sign in or create an account, in a modal <dialog> (the browser traps focus and closes it on Escape). Inputs are
 * checked with the shared schemas first; the server's refusals (wrong password, too many attempts) are shown in words.
 */
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { useTranslation } from "react-i18next";
import {
  LoginInputSchema,
  type Me,
  PasswordResetRequestSchema,
  SignUpInputSchema,
} from "../../../shared/schema/account";
import { MAX_CHARS } from "../../../shared/schema/limits";
import { errorText } from "../../lib/error-text";
import { trpc } from "../../lib/trpc";
import { TextField } from "../registration/TextField";
import { apiErrorOf } from "./api-error";
import { ME_KEY } from "./use-me";

export type AuthMode = "signIn" | "signUp" | "forgot";

interface Props {
  mode: AuthMode;
  onMode: (mode: AuthMode) => void;
  onClose: () => void;
  onSignedIn: (me: Me) => void;
  /** Why the dialog opened, when the visitor chose something that needs an account ("Registrera ert projekt"). */
  purpose?: "register";
}

const FIELDS = ["displayName", "email", "password"] as const;
type Field = (typeof FIELDS)[number];

export function AuthDialog({ mode, onMode, onClose, onSignedIn, purpose }: Props) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId().replace(/[^a-zA-Z0-9_-]/g, "");
  const [values, setValues] = useState({ displayName: "", email: "", password: "" });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState<string>();
  const [pending, setPending] = useState(false);
  /** After sign-up: the address the verification mail went to. */
  const [sentTo, setSentTo] = useState<string>();
  const sentHeading = useRef<HTMLHeadingElement>(null);
  const signUp = mode === "signUp";
  const forgot = mode === "forgot";

  useEffect(() => {
    if (sentTo) sentHeading.current?.focus();
  }, [sentTo]);

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);

  const showErrors = (found: Partial<Record<Field, string>>) => {
    flushSync(() => setErrors(found));
    const first = FIELDS.find((f) => found[f]);
    if (first) document.getElementById(`${id}-${first}`)?.focus();
  };

  /** A field's message, from the browser's check or the server's: the shared rules first, then the field's own. */
  const messageFor = (field: Field, detail: string): string => {
    const tooLong = /^at most (\d+) characters/.exec(detail);
    if (tooLong) return t("account.dialog.errors.tooLong", { max: Number(tooLong[1]) });
    const forbidden = /\((U\+[0-9A-F]{4,6})\) at character (\d+)/.exec(detail);
    if (forbidden)
      return t("account.dialog.errors.forbiddenCharacter", { codePoint: forbidden[1], position: Number(forbidden[2]) });
    const reserved = /^"([^"]+)" is reserved/.exec(detail);
    if (reserved) return t("account.dialog.errors.reserved", { term: reserved[1] });
    if (field === "password" && !signUp) return t("account.dialog.errors.passwordRequired");
    return t(`account.dialog.errors.${field}`);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(undefined);
    const parsed = signUp
      ? SignUpInputSchema.safeParse(values)
      : forgot
        ? PasswordResetRequestSchema.safeParse({ email: values.email })
        : LoginInputSchema.safeParse({ email: values.email, password: values.password });
    if (!parsed.success) {
      const found: Partial<Record<Field, string>> = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] as Field;
        found[field] ??= messageFor(field, issue.message);
      }
      showErrors(found);
      return;
    }
    setErrors({});
    setPending(true);
    try {
      if (forgot) {
        const input = PasswordResetRequestSchema.parse({ email: values.email });
        await trpc.auth.requestPasswordReset.mutate(input);
        setSentTo(input.email);
        return;
      }
      if (signUp) {
        const input = SignUpInputSchema.parse({ ...values, language: i18n.language === "en" ? "en" : "sv" });
        await trpc.auth.signUp.mutate(input);
        setSentTo(input.email);
        return;
      }
      const me = await trpc.auth.login.mutate(LoginInputSchema.parse(values));
      queryClient.setQueryData(ME_KEY, me);
      void queryClient.invalidateQueries({ queryKey: ["submission"] });
      onSignedIn(me);
    } catch (error) {
      const { status, message } = apiErrorOf(error);
      if (status === 401) setFailure(t("account.dialog.wrongPassword"));
      else if (status === 403 && !signUp) setFailure(t("account.dialog.unverified"));
      else if (status === 429) setFailure(t("account.dialog.tooMany"));
      else if (status === 503) setFailure(t("account.dialog.busy"));
      else if (status === 409 && message.includes('field "displayName"'))
        showErrors({ displayName: t("account.dialog.errors.displayNameTaken") });
      else if (status === 409) showErrors({ email: t("account.dialog.emailTaken") });
      else if (status === 400 && /field "(\w+)": ([^;]*)/.test(message)) {
        const [, field, detail] = /field "(\w+)": ([^;]*)/.exec(message) as unknown as [string, Field, string];
        showErrors({ [field]: messageFor(field, detail) });
      } else setFailure(t("account.dialog.failed", { message: errorText(error, t) }));
    } finally {
      setPending(false);
    }
  };

  const set = (field: Field) => (value: string) => setValues((v) => ({ ...v, [field]: value }));
  const switchTo = (next: AuthMode) => {
    setErrors({});
    setFailure(undefined);
    onMode(next);
  };
  if (sentTo) {
    return (
      <dialog ref={dialog} className="auth-dialog" aria-labelledby={`${id}-sent`} onClose={onClose}>
        <h2 id={`${id}-sent`} ref={sentHeading} tabIndex={-1}>
          {forgot ? t("mailAccount.forgot.sentTitle") : t("account.dialog.sentTitle")}
        </h2>
        <p>
          {forgot ? t("mailAccount.forgot.sent", { email: sentTo }) : t("account.dialog.sentText", { email: sentTo })}
        </p>
        <div className="form-actions">
          <button
            type="button"
            className="btn primary"
            onClick={() => {
              setSentTo(undefined);
              onMode("signIn");
            }}
          >
            {t("account.dialog.toSignInAfterMail")}
          </button>
          <button type="button" className="btn" onClick={() => dialog.current?.close()}>
            {t("account.dialog.close")}
          </button>
        </div>
      </dialog>
    );
  }
  return (
    <dialog ref={dialog} className="auth-dialog" aria-labelledby={`${id}-title`} onClose={onClose}>
      <form noValidate onSubmit={submit}>
        <h2 id={`${id}-title`}>
          {signUp
            ? t("account.dialog.signUpTitle")
            : forgot
              ? t("mailAccount.forgot.title")
              : t("account.dialog.signInTitle")}
        </h2>
        {forgot && <p>{t("mailAccount.forgot.intro")}</p>}
        {purpose === "register" && <p className="auth-purpose">{t("account.dialog.whyRegister")}</p>}
        <div role="alert" className="auth-failure">
          {failure && (
            <p className="field-error">
              <span aria-hidden="true">⚠ </span>
              {failure}
            </p>
          )}
        </div>
        {signUp && (
          <TextField
            id={`${id}-displayName`}
            label={t("account.dialog.displayName")}
            hint={t("account.dialog.displayNameHint")}
            value={values.displayName}
            onChange={set("displayName")}
            error={errors.displayName}
            maxLength={MAX_CHARS.displayName}
            autoComplete="name"
            required
          />
        )}
        <TextField
          id={`${id}-email`}
          label={t("account.dialog.email")}
          type="email"
          value={values.email}
          onChange={set("email")}
          error={errors.email}
          maxLength={MAX_CHARS.email}
          autoComplete="email"
          required
        />
        {!forgot && (
          <>
            <TextField
              id={`${id}-password`}
              label={t("account.dialog.password")}
              hint={signUp ? t("account.dialog.passwordHint") : undefined}
              type="password"
              value={values.password}
              onChange={set("password")}
              error={errors.password}
              maxLength={MAX_CHARS.password}
              autoComplete={signUp ? "new-password" : "current-password"}
              required
            />
            {!signUp && (
              <p className="auth-forgot">
                <button type="button" className="link-button" onClick={() => switchTo("forgot")}>
                  {t("mailAccount.forgot.link")}
                </button>
              </p>
            )}
          </>
        )}
        <div className="form-actions">
          <button type="submit" className="btn primary" disabled={pending}>
            {signUp
              ? t("account.dialog.submitSignUp")
              : forgot
                ? t("mailAccount.forgot.submit")
                : t("account.dialog.submitSignIn")}
          </button>
          <button type="button" className="btn" onClick={() => dialog.current?.close()}>
            {t("account.dialog.cancel")}
          </button>
        </div>
        <p>
          <button
            type="button"
            className="link-button"
            onClick={() => switchTo(signUp || forgot ? "signIn" : "signUp")}
          >
            {signUp
              ? t("account.dialog.toSignIn")
              : forgot
                ? t("mailAccount.forgot.back")
                : t("account.dialog.toSignUp")}
          </button>
        </p>
      </form>
    </dialog>
  );
}
