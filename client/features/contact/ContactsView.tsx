/**
 * "Kontaktförfrågningar / Contact requests": requests to the organisations the person owns (accept, decline, report)
 * and those sent from their projects, with the other party's address once accepted between them.
 */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ContactRequest } from "../../../shared/schema/contact";
import { errorText } from "../../lib/error-text";
import { trpc } from "../../lib/trpc";
import type { Lang } from "../../state/url-state";

export function ContactsView({ lang }: { lang: Lang }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const mine = useQuery({ queryKey: ["contact", "mine"], queryFn: () => trpc.contact.mine.query() });
  const [status, setStatus] = useState("");
  const act = async (action: "accept" | "decline" | "report", request: ContactRequest) => {
    try {
      if (action === "report") await trpc.contact.report.mutate({ requestId: request.id, note: "" });
      else await trpc.contact[action].mutate({ requestId: request.id });
      setStatus(
        t(action === "accept" ? "contact.accepted" : action === "decline" ? "contact.declined" : "contact.reportDone"),
      );
      await queryClient.invalidateQueries({ queryKey: ["contact", "mine"] });
    } catch (error) {
      setStatus(t("contact.failed", { message: errorText(error, t) }));
    }
  };
  const row = (r: ContactRequest, received: boolean) => (
    <li key={r.id} className="contact-request" data-contact-request={r.id}>
      <p>
        <strong>{t("contact.fromTo", { project: r.projectName, organisation: r.organisationName })}</strong> ·{" "}
        {t(`contact.status.${r.status}`)}
        {r.reported && ` · ${t("contact.reported")}`}
      </p>
      <p className="contact-from">{t("contact.from", { name: r.senderName })}</p>
      <p className="contact-message">{r.message}</p>
      {r.reasons[lang].length > 0 && (
        <ul className="reasons" aria-label={t("contact.reasons")}>
          {r.reasons[lang].map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      )}
      {r.contact && (
        <p className="contact-shared">{t("contact.contactIs", { name: r.contact.name, email: r.contact.email })}</p>
      )}
      {received && (
        <div className="form-actions">
          {r.status === "open" && (
            <>
              <button
                type="button"
                className="btn primary"
                aria-label={t("contact.acceptFor", { project: r.projectName })}
                onClick={() => act("accept", r)}
              >
                {t("contact.accept")}
              </button>
              <button
                type="button"
                className="btn"
                aria-label={t("contact.declineFor", { project: r.projectName })}
                onClick={() => act("decline", r)}
              >
                {t("contact.decline")}
              </button>
            </>
          )}
          {!r.reported && (
            <button
              type="button"
              className="btn"
              aria-label={t("contact.reportFor", { project: r.projectName })}
              onClick={() => act("report", r)}
            >
              {t("contact.report")}
            </button>
          )}
        </div>
      )}
    </li>
  );
  return (
    <section aria-labelledby="workspace-title">
      <h2 id="workspace-title" tabIndex={-1}>
        {t("contact.pageHeading")}
      </h2>
      <p role="status" aria-live="polite">
        {status}
      </p>
      {mine.isLoading && <p aria-busy="true">{t("contact.loading")}</p>}
      {mine.isError && <p role="alert">{t("contact.failed", { message: errorText(mine.error, t) })}</p>}
      {mine.data && (
        <>
          <h3>{t("contact.received")}</h3>
          {mine.data.received.length === 0 ? (
            <p>{t("contact.none")}</p>
          ) : (
            <ul className="contact-list">{mine.data.received.map((r) => row(r, true))}</ul>
          )}
          <h3>{t("contact.sentHeading")}</h3>
          {mine.data.sent.length === 0 ? (
            <p>{t("contact.none")}</p>
          ) : (
            <ul className="contact-list">{mine.data.sent.map((r) => row(r, false))}</ul>
          )}
        </>
      )}
    </section>
  );
}
