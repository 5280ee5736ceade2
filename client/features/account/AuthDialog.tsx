/**
 * Sign in or create an account, in a modal <dialog> (the browser traps focus and closes it on Escape). Inputs are
 * checked with the shared schemas first; the server's refusals (wrong password, too many attempts) are shown in words.
 */
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { useTranslation } from "react-i18next";
import { LoginInputSchema, type Me, SignUpInputSchema } from "../../../shared/schema/account";
import { trpc } from "../../lib/trpc";
import { TextField } from "../registration/TextField";
import { apiErrorOf } from "./api-error";
import { ME_KEY } from "./use-me";

export type AuthMode = "signIn" | "signUp";

interface Props {
  mode: AuthMode;
  onMode: (mode: AuthMode) => void;
  onClose: () => void;
  onSignedIn: (me: Me) => void;
}

const FIELDS = ["displayName", "email", "password"] as const;
type Field = (typeof FIELDS)[number];

export function AuthDialog({ mode, onMode, onClose, onSignedIn }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId().replace(/[^a-zA-Z0-9_-]/g, "");
  const [values, setValues] = useState({ displayName: "", email: "", password: "" });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState<string>();
  const [pending, setPending] = useState(false);
  const signUp = mode === "signUp";

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

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(undefined);
    const parsed = signUp
      ? SignUpInputSchema.safeParse(values)
      : LoginInputSchema.safeParse({ email: values.email, password: values.password });
    if (!parsed.success) {
      const found: Partial<Record<Field, string>> = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] as Field;
        found[field] ??=
          field === "password" && !signUp
            ? t("account.dialog.errors.passwordRequired")
            : t(`account.dialog.errors.${field}`);
      }
      showErrors(found);
      return;
    }
    setErrors({});
    setPending(true);
    try {
      const me = signUp
        ? await trpc.auth.signUp.mutate(SignUpInputSchema.parse(values))
        : await trpc.auth.login.mutate(LoginInputSchema.parse(values));
      queryClient.setQueryData(ME_KEY, me);
      void queryClient.invalidateQueries({ queryKey: ["submission"] });
      onSignedIn(me);
    } catch (error) {
      const { status, message } = apiErrorOf(error);
      if (status === 401) setFailure(t("account.dialog.wrongPassword"));
      else if (status === 429) setFailure(t("account.dialog.tooMany"));
      else if (status === 409) showErrors({ email: t("account.dialog.emailTaken") });
      else if (status === 400 && /field "(\w+)"/.test(message)) {
        const field = /field "(\w+)"/.exec(message)?.[1] as Field;
        showErrors({ [field]: t(`account.dialog.errors.${field}`) });
      } else setFailure(t("account.dialog.failed", { message }));
    } finally {
      setPending(false);
    }
  };

  const set = (field: Field) => (value: string) => setValues((v) => ({ ...v, [field]: value }));
  return (
    <dialog ref={dialog} className="auth-dialog" aria-labelledby={`${id}-title`} onClose={onClose}>
      <form noValidate onSubmit={submit}>
        <h2 id={`${id}-title`}>{signUp ? t("account.dialog.signUpTitle") : t("account.dialog.signInTitle")}</h2>
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
          autoComplete="email"
          required
        />
        <TextField
          id={`${id}-password`}
          label={t("account.dialog.password")}
          hint={signUp ? t("account.dialog.passwordHint") : undefined}
          type="password"
          value={values.password}
          onChange={set("password")}
          error={errors.password}
          autoComplete={signUp ? "new-password" : "current-password"}
          required
        />
        <div className="form-actions">
          <button type="submit" className="btn primary" disabled={pending}>
            {signUp ? t("account.dialog.submitSignUp") : t("account.dialog.submitSignIn")}
          </button>
          <button type="button" className="btn" onClick={() => dialog.current?.close()}>
            {t("account.dialog.cancel")}
          </button>
        </div>
        <p>
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setErrors({});
              setFailure(undefined);
              onMode(signUp ? "signIn" : "signUp");
            }}
          >
            {signUp ? t("account.dialog.toSignIn") : t("account.dialog.toSignUp")}
          </button>
        </p>
      </form>
    </dialog>
  );
}
