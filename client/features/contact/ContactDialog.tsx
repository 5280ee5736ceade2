/**
 * "Kontakta / Contact" for one project and organisation: the preview from the server (claimed or not, the reasons it
 * will attach, an open request, today's count), then a short message. An unclaimed organisation gets its website and
 * no form: the app never collects an address for it. An inline region, not a modal, so it works in the phone sheet.
 */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { MAX_CHARS } from "../../../shared/schema/limits";
import { errorText, httpStatusOf } from "../../lib/error-text";
import { trpc } from "../../lib/trpc";
import { typedText } from "../../lib/typed-text";
import type { Lang } from "../../state/url-state";

interface Props {
  projectId: string;
  organisationId: string;
  name: string;
  lang: Lang;
  onClose: () => void;
  /** Sent: the opener closes the dialog, returns focus to its button and announces `announcement`. */
  onSent: (announcement: string) => void;
}

/** When the 429 says the project may send again (the server puts `retryAt` in the error's data). */
const retryAtOf = (error: unknown): string | undefined => {
  const data = (error as { data?: { retryAt?: unknown } } | null)?.data;
  return typeof data?.retryAt === "string" ? data.retryAt : undefined;
};

const hostOf = (url: string) => {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
};

export function ContactDialog({ projectId, organisationId, name, lang, onClose, onSent }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const ids = { heading: useId(), message: useId(), hint: useId(), error: useId(), counter: useId() };
  const max = MAX_CHARS.contactMessage;
  /** Over the limit the text is kept as typed (never cut), and said at the field with how much too long. */
  const tooLong = (text: string) =>
    text.length > max ? t("contact.tooLong", { max, over: text.length - max }) : undefined;
  const heading = useRef<HTMLHeadingElement>(null);
  const [message, setMessage] = useState("");
  const [fieldError, setFieldError] = useState<string>();
  const [status, setStatus] = useState("");
  const [sending, setSending] = useState(false);
  /** The limit was met at sending (a 429): when the project may send again. */
  const [limitedUntil, setLimitedUntil] = useState<string>();
  const key = ["contact", "preview", projectId, organisationId];
  const preview = useQuery({
    queryKey: key,
    queryFn: () => trpc.contact.preview.query({ projectId, organisationId }),
  });
  useEffect(() => heading.current?.focus(), []);

  const send = async () => {
    setFieldError(undefined);
    const refusal = !message.trim() ? t("contact.required") : tooLong(message);
    if (refusal) {
      setFieldError(refusal);
      document.getElementById(ids.message)?.focus();
      return;
    }
    setSending(true);
    try {
      await trpc.contact.send.mutate({ projectId, organisationId, message });
      setMessage("");
      void queryClient.invalidateQueries({ queryKey: key });
      void queryClient.invalidateQueries({ queryKey: ["contact", "mine"] });
      onSent(t("contact.sent", { name }));
      return;
    } catch (error) {
      const retryAt = httpStatusOf(error) === 429 ? retryAtOf(error) : undefined;
      if (retryAt) {
        setLimitedUntil(retryAt);
        setStatus(t("contact.limitReached", { max: preview.data?.perDay ?? "", when: when(retryAt) }));
        heading.current?.focus();
      } else {
        setFieldError(t("contact.failed", { message: errorText(error, t) }));
        document.getElementById(ids.message)?.focus();
      }
    }
    setSending(false);
  };

  const when = (iso: string) =>
    new Intl.DateTimeFormat(lang === "sv" ? "sv-SE" : "en-GB", { dateStyle: "medium", timeStyle: "short" }).format(
      new Date(iso),
    );
  const data = preview.data;
  // At the limit (known from the preview, or from the 429 of a send): say so and when, and offer no Send.
  const retryAt = limitedUntil ?? (data && data.sentToday >= data.perDay ? data.retryAt : undefined);
  const limited = data !== undefined && (limitedUntil !== undefined || data.sentToday >= data.perDay);
  return (
    <section className="contact-dialog" aria-labelledby={ids.heading} data-contact-dialog={organisationId}>
      <h4 id={ids.heading} tabIndex={-1} ref={heading}>
        {t("contact.heading", { name })}
      </h4>
      {preview.isLoading && <p aria-busy="true">{t("contact.loading")}</p>}
      {preview.isError && <p role="alert">{t("contact.failed", { message: errorText(preview.error, t) })}</p>}
      {data && !data.claimed && (
        <>
          <p className="contact-unclaimed">{t("contact.unclaimed", { name })}</p>
          {data.website ? (
            <p>
              <a href={data.website} target="_blank" rel="noopener noreferrer">
                {t("contact.website", { host: hostOf(data.website) })}
              </a>
            </p>
          ) : (
            <p>{t("contact.noWebsite")}</p>
          )}
        </>
      )}
      {data?.claimed && data.open && <p>{t("contact.alreadyOpen", { name })}</p>}
      {data?.claimed && !data.open && limited && (
        <p className="contact-limit" data-contact-limit>
          {retryAt
            ? t("contact.limitReached", { max: data.perDay, when: when(retryAt) })
            : t("contact.limitReachedSoon", { max: data.perDay })}
        </p>
      )}
      {data?.claimed && !data.open && !limited && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void send();
          }}
          noValidate
        >
          <p className="contact-reasons-heading">{t("contact.reasonsHeading")}</p>
          {data.reasons[lang].length > 0 ? (
            <ul className="reasons">
              {data.reasons[lang].map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
          ) : (
            <p>{t("contact.noReasons")}</p>
          )}
          <label htmlFor={ids.message}>{t("contact.message")}</label>
          <textarea
            id={ids.message}
            value={message}
            rows={4}
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={fieldError ? `${ids.error} ${ids.counter} ${ids.hint}` : `${ids.counter} ${ids.hint}`}
            // dir="auto" keeps a pasted right-to-left text readable; hidden and bidi controls never enter the box.
            dir="auto"
            onChange={(e) => {
              const { text, removed } = typedText(e.target.value, t);
              setMessage(text);
              setFieldError(removed ?? tooLong(text));
            }}
          />
          <p
            id={ids.counter}
            className={message.length > max ? "field-hint field-counter over" : "field-hint field-counter"}
          >
            {t("contact.counter", { count: message.length, max })}
          </p>
          <p id={ids.hint} className="field-hint">
            {t("contact.messageHint", { max: MAX_CHARS.contactMessage })}{" "}
            {t("contact.quota", { sent: data.sentToday, max: data.perDay })}
          </p>
          {fieldError && (
            <p id={ids.error} className="field-error">
              {fieldError}
            </p>
          )}
          <div className="form-actions">
            <button type="submit" className="btn primary" disabled={sending}>
              {t("contact.send")}
            </button>
          </div>
        </form>
      )}
      <p className="form-actions">
        <button type="button" className="btn" onClick={onClose}>
          {t("contact.cancel")}
        </button>
      </p>
      <p role="status" aria-live="polite" className="contact-status">
        {status}
      </p>
    </section>
  );
}
