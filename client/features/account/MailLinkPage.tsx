/**
 * The pages the confirmation links in mail open: "verify" confirms a new account's address, "confirm-email" moves an
 * account to its new address. Each uses its link once, says how it went, and (after verifying) offers to sign in.
 */
import { useQueryClient } from "@tanstack/react-query";
import { lazy, Suspense, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { trpc } from "../../lib/trpc";
import type { AuthMode } from "./AuthDialog";
import { ME_KEY } from "./use-me";

const AuthDialog = lazy(() => import("./AuthDialog").then((m) => ({ default: m.AuthDialog })));

interface Props {
  kind: "verify" | "confirm-email";
  token: string;
  onDone: () => void;
}

export function MailLinkPage({ kind, token, onDone }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState<{ ok: boolean; email?: string }>();
  const [dialog, setDialog] = useState<AuthMode>();
  const used = useRef(false);
  const texts = kind === "verify" ? "mailAccount.verify" : "mailAccount.confirmEmail";

  useEffect(() => {
    // StrictMode runs effects twice; the link works only once.
    if (used.current) return;
    used.current = true;
    const call =
      kind === "verify"
        ? trpc.auth.verifyEmail.mutate({ token }).then(() => ({ ok: true }))
        : trpc.account.confirmEmailChange.mutate({ token }).then((r) => ({ ok: true, email: r.email }));
    call
      .then((result) => {
        setOutcome(result);
        void queryClient.invalidateQueries({ queryKey: ME_KEY });
      })
      .catch(() => setOutcome({ ok: false }));
  }, [kind, token, queryClient]);

  return (
    <section aria-labelledby="workspace-title">
      <h2 id="workspace-title" tabIndex={-1}>
        {t(`${texts}.title`)}
      </h2>
      <div role="status">
        {!outcome ? (
          <p aria-busy="true">{t(`${texts}.working`)}</p>
        ) : outcome.ok ? (
          <p>{t(`${texts}.done`, { email: outcome.email })}</p>
        ) : (
          <p className="field-error">{t(`${texts}.failed`)}</p>
        )}
      </div>
      {kind === "verify" && outcome?.ok && (
        <p>
          <button type="button" className="btn primary" onClick={() => setDialog("signIn")}>
            {t("mailAccount.verify.signIn")}
          </button>
        </p>
      )}
      {dialog && (
        <Suspense fallback={null}>
          <AuthDialog mode={dialog} onMode={setDialog} onClose={() => setDialog(undefined)} onSignedIn={onDone} />
        </Suspense>
      )}
    </section>
  );
}
