/** The page the reset link in mail opens: a new password, once, within the hour; then sign in with it. */
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, lazy, Suspense, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { PasswordSchema } from "../../../shared/schema/account";
import { MAX_CHARS } from "../../../shared/schema/limits";
import { errorText } from "../../lib/error-text";
import { trpc } from "../../lib/trpc";
import { TextField } from "../registration/TextField";
import type { AuthMode } from "./AuthDialog";

const AuthDialog = lazy(() => import("./AuthDialog").then((m) => ({ default: m.AuthDialog })));

export function ResetPasswordPage({ token, onDone }: { token: string; onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId().replace(/[^a-zA-Z0-9_-]/g, "");
  const live = useQuery({ queryKey: ["reset-link", token], queryFn: () => trpc.auth.resetLinkLive.query({ token }) });
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string>();
  const [failure, setFailure] = useState<string>();
  const [done, setDone] = useState(false);
  const [pending, setPending] = useState(false);
  const [dialog, setDialog] = useState<AuthMode>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(undefined);
    if (!PasswordSchema.safeParse(password).success) {
      setError(t("mailAccount.settings.passwordShort"));
      document.getElementById(`${id}-password`)?.focus();
      return;
    }
    setError(undefined);
    setPending(true);
    try {
      await trpc.auth.resetPassword.mutate({ token, password });
      setDone(true);
    } catch (caught) {
      setFailure(
        /field "token"/.test(String((caught as Error).message)) ? t("mailAccount.reset.dead") : errorText(caught, t),
      );
    } finally {
      setPending(false);
    }
  };

  return (
    <section aria-labelledby="workspace-title">
      <h2 id="workspace-title" tabIndex={-1}>
        {t("mailAccount.reset.title")}
      </h2>
      <div role="status">
        {done && <p>{t("mailAccount.reset.done")}</p>}
        {live.isLoading && <p aria-busy="true">{t("mailAccount.reset.checking")}</p>}
      </div>
      <div role="alert">
        {(failure || live.data?.live === false) && (
          <p className="field-error">{failure ?? t("mailAccount.reset.dead")}</p>
        )}
      </div>
      {done ? (
        <p>
          <button type="button" className="btn primary" onClick={() => setDialog("signIn")}>
            {t("mailAccount.verify.signIn")}
          </button>
        </p>
      ) : (
        live.data?.live && (
          <form noValidate onSubmit={submit} className="account-form">
            <p>{t("mailAccount.reset.intro")}</p>
            <TextField
              id={`${id}-password`}
              label={t("mailAccount.reset.password")}
              hint={t("mailAccount.reset.hint")}
              type="password"
              value={password}
              onChange={setPassword}
              error={error}
              maxLength={MAX_CHARS.password}
              autoComplete="new-password"
              required
            />
            <div className="form-actions">
              <button type="submit" className="btn primary" disabled={pending}>
                {t("mailAccount.reset.submit")}
              </button>
            </div>
          </form>
        )
      )}
      {dialog && (
        <Suspense fallback={null}>
          <AuthDialog mode={dialog} onMode={setDialog} onClose={() => setDialog(undefined)} onSignedIn={onDone} />
        </Suspense>
      )}
    </section>
  );
}
