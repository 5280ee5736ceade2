/** "Utkorg / Outbox": the mail the app holds, newest first, for administrators (the only place it is read without SMTP). */
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { errorText } from "../../lib/error-text";
import { trpc } from "../../lib/trpc";
import type { Lang } from "../../state/url-state";
import { formatWhen } from "../registration/format-when";

export function OutboxView({ lang }: { lang: Lang }) {
  const { t } = useTranslation();
  const outbox = useQuery({ queryKey: ["admin", "outbox"], queryFn: () => trpc.admin.outbox.query() });
  return (
    <section aria-labelledby="workspace-title">
      <h2 id="workspace-title" tabIndex={-1}>
        {t("mailAccount.outbox.title")}
      </h2>
      {outbox.isLoading && <p aria-busy="true">{t("registration.loading")}</p>}
      {outbox.error && (
        <p className="field-error">{t("mailAccount.outbox.failed", { message: errorText(outbox.error, t) })}</p>
      )}
      {outbox.data && (
        <>
          <p>
            {outbox.data.delivery === "outbox"
              ? t("mailAccount.outbox.introOutbox")
              : t("mailAccount.outbox.introSmtp")}
          </p>
          {outbox.data.messages.length === 0 ? (
            <p>{t("mailAccount.outbox.empty")}</p>
          ) : (
            <ul className="outbox-list">
              {outbox.data.messages.map((mail) => (
                <li key={mail.id} className="outbox-mail">
                  <p>
                    <strong>{mail.subject}</strong>
                  </p>
                  <p>
                    {t("mailAccount.outbox.to")}: {mail.to ?? t("mailAccount.outbox.removed")} ·{" "}
                    {t("mailAccount.outbox.when")}: {formatWhen(mail.createdAt, lang)} ·{" "}
                    {t("mailAccount.outbox.status")}: {t(`mailAccount.outbox.statuses.${mail.status}`)} ·{" "}
                    {t("mailAccount.outbox.attempts", { count: mail.attempts })}
                  </p>
                  {mail.lastError && <p className="field-error">{mail.lastError}</p>}
                  {mail.text && (
                    <details>
                      <summary>{t("mailAccount.outbox.show")}</summary>
                      <pre className="outbox-text">{mail.text}</pre>
                    </details>
                  )}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
