/**
 * "Kontaktförfrågningar / Contact requests": requests to the organisations the person owns (accept, decline, report)
 * and those sent from their projects, with the other party's address once accepted between them. Each button's name
 * says which request it answers; a report asks to be confirmed first, then focus goes back where it was.
 */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ContactRequest } from "../../../shared/schema/contact";
import { MAX_CHARS } from "../../../shared/schema/limits";
import { errorText } from "../../lib/error-text";
import { trpc } from "../../lib/trpc";
import { typedText } from "../../lib/typed-text";
import type { Lang } from "../../state/url-state";

export function ContactsView({ lang }: { lang: Lang }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const mine = useQuery({ queryKey: ["contact", "mine"], queryFn: () => trpc.contact.mine.query() });
  const [status, setStatus] = useState("");
  /** The request whose report waits for confirmation. */
  const [confirming, setConfirming] = useState<number>();
  const reportButtons = useRef(new Map<number, HTMLButtonElement>());
  /** The reporter's optional note to the coordinators, for the request being confirmed. */
  const [note, setNote] = useState("");
  const [noteError, setNoteError] = useState<string>();
  const noteIds = { box: useId(), counter: useId(), error: useId() };
  const max = MAX_CHARS.reportNote;
  const noteTooLong = (text: string) =>
    text.length > max ? t("contact.reportNoteTooLong", { max, over: text.length - max }) : undefined;
  const names = (r: ContactRequest) => ({ project: r.projectName, organisation: r.organisationName });
  const act = async (action: "accept" | "decline" | "report", request: ContactRequest) => {
    try {
      if (action === "report") {
        const refusal = noteTooLong(note);
        if (refusal) {
          setNoteError(refusal);
          document.getElementById(noteIds.box)?.focus();
          return;
        }
        await trpc.contact.report.mutate({ requestId: request.id, note: note.trim() });
        setNote("");
        setNoteError(undefined);
      } else await trpc.contact[action].mutate({ requestId: request.id });
      setConfirming(undefined);
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
        {/* Only the recipients see a report; to the sender the request is simply declined. */}
        {received && r.reported && ` · ${t("contact.reported")}`}
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
                aria-label={t("contact.acceptFor", names(r))}
                onClick={() => act("accept", r)}
              >
                {t("contact.accept")}
              </button>
              <button
                type="button"
                className="btn"
                aria-label={t("contact.declineFor", names(r))}
                onClick={() => act("decline", r)}
              >
                {t("contact.decline")}
              </button>
            </>
          )}
          {!r.reported && confirming !== r.id && (
            <button
              ref={(el) => {
                if (el) reportButtons.current.set(r.id, el);
                else reportButtons.current.delete(r.id);
              }}
              type="button"
              className="btn"
              aria-label={t("contact.reportFor", names(r))}
              onClick={() => {
                setConfirming(r.id);
                setNote("");
                setNoteError(undefined);
                // The confirmation replaces the button: focus its first choice once it is drawn.
                requestAnimationFrame(() => document.getElementById(`contact-report-confirm-${r.id}`)?.focus());
              }}
            >
              {t("contact.report")}
            </button>
          )}
          {!r.reported && confirming === r.id && (
            <fieldset className="contact-report-confirm">
              <legend>{t("contact.reportQuestion", names(r))}</legend>
              <label htmlFor={noteIds.box}>{t("contact.reportNote")}</label>
              <textarea
                id={noteIds.box}
                rows={3}
                value={note}
                dir="auto"
                aria-invalid={noteError ? true : undefined}
                aria-describedby={noteError ? `${noteIds.error} ${noteIds.counter}` : noteIds.counter}
                onChange={(e) => {
                  // Hidden and bidi controls never enter the box; the removal is named at the field.
                  const { text, removed } = typedText(e.target.value, t);
                  setNote(text);
                  setNoteError(removed ?? noteTooLong(text));
                }}
              />
              <p
                id={noteIds.counter}
                className={note.length > max ? "field-hint field-counter over" : "field-hint field-counter"}
              >
                {t("contact.counter", { count: note.length, max })}
              </p>
              {noteError && (
                <p id={noteIds.error} className="field-error">
                  {noteError}
                </p>
              )}
              <button
                id={`contact-report-confirm-${r.id}`}
                type="button"
                className="btn primary"
                onClick={() => act("report", r)}
              >
                {t("contact.reportConfirm")}
              </button>
              <button
                type="button"
                className="btn"
                onClick={() => {
                  setConfirming(undefined);
                  requestAnimationFrame(() => reportButtons.current.get(r.id)?.focus());
                }}
              >
                {t("contact.reportCancel")}
              </button>
            </fieldset>
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
