/**
 * In an organisation's details, signed in: "Kontakta" from one of the person's projects (the same dialog as under a
 * suggestion) and "Gör anspråk på profilen / Claim this profile" for people of the organisation, which a coordinator
 * approves in the review queue.
 */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { MAX_CHARS } from "../../../shared/schema/limits";
import { errorText, forbiddenIn, forbiddenText, httpStatusOf } from "../../lib/error-text";
import { trpc } from "../../lib/trpc";
import { typedText } from "../../lib/typed-text";
import type { Lang } from "../../state/url-state";
import { useMe } from "../account/use-me";
import { ContactDialog } from "./ContactDialog";
import { useOneContactDialog } from "./one-dialog";

interface Props {
  organisationId: string;
  name: string;
  lang: Lang;
  /** Project names by id, for the project select. */
  projectName: (id: string) => string;
}

export function OrganisationContact({ organisationId, name, lang, projectName }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const ids = { project: useId(), claim: useId(), error: useId(), counter: useId() };
  const max = MAX_CHARS.contactMessage;
  const projects = (me?.owns ?? []).filter((o) => o.kind === "project").map((o) => o.id);
  const [projectId, setProjectId] = useState<string>();
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  useOneContactDialog(
    open,
    useCallback(() => setOpen(false), []),
  );
  const [claiming, setClaiming] = useState(false);
  const [message, setMessage] = useState("");
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState("");
  const key = ["contact", "target", organisationId];
  const target = useQuery({
    queryKey: key,
    queryFn: () => trpc.contact.target.query({ organisationId }),
    enabled: Boolean(me),
  });
  if (!me || !target.data) return null;
  const chosen = projectId ?? projects[0];

  /** Every refusal names the field ("Vem är du på organisationen?") and says what is wrong and what to do. */
  const field = t("contact.claimField");
  const tooLong = (text: string) =>
    text.length > max ? t("contact.claimTooLong", { field, max, over: text.length - max }) : undefined;
  const claimError = (e: unknown): string => {
    const text = e instanceof Error ? e.message : "";
    const forbidden = forbiddenIn(text);
    switch (httpStatusOf(e)) {
      case 400:
        if (forbidden) return t("contact.claimInvalid", { field, reason: forbiddenText(forbidden, t) });
        if (/at most|too big/i.test(text))
          return tooLong(message) ?? t("contact.claimTooLong", { field, max, over: 0 });
        if (/say who you are|too small|at least/i.test(text)) return t("contact.claimRequired", { field });
        return t("contact.claimInvalid", { field, reason: errorText(e, t) });
      case 404:
        return t("contact.claimGone", { name });
      case 409:
        return /already own/i.test(text) ? t("contact.claimOwned", { name }) : t("contact.claimWaiting");
      default:
        return t("contact.claimFailed", { message: errorText(e, t) });
    }
  };

  const claim = async () => {
    setError(undefined);
    // Over the limit the text is kept as typed (never cut) and the field says how much too long.
    const refusal = !message.trim() ? t("contact.claimRequired", { field }) : tooLong(message);
    if (refusal) {
      setError(refusal);
      document.getElementById(ids.claim)?.focus();
      return;
    }
    try {
      await trpc.claim.create.mutate({ organisationId, message });
      setClaiming(false);
      setMessage("");
      setStatus(t("contact.claimSent"));
      await queryClient.invalidateQueries({ queryKey: key });
    } catch (e) {
      setError(claimError(e));
      document.getElementById(ids.claim)?.focus();
    }
  };

  return (
    <section className="organisation-contact" aria-label={t("contact.regionLabel", { name })}>
      {projects.length > 0 && !target.data.mine && (
        <div className="form-row">
          {projects.length > 1 && (
            <>
              <label htmlFor={ids.project}>{t("contact.fromProject")}</label>
              <select id={ids.project} value={chosen} onChange={(e) => setProjectId(e.target.value)}>
                {projects.map((id) => (
                  <option key={id} value={id}>
                    {projectName(id)}
                  </option>
                ))}
              </select>
            </>
          )}
          <button
            ref={opener}
            type="button"
            className="btn"
            aria-expanded={open}
            onClick={() => {
              setStatus("");
              setOpen((o) => !o);
            }}
          >
            {t("contact.openFor", { name })}
          </button>
        </div>
      )}
      {open && chosen && (
        <ContactDialog
          key={chosen}
          projectId={chosen}
          organisationId={organisationId}
          name={name}
          lang={lang}
          onClose={() => {
            setOpen(false);
            opener.current?.focus();
          }}
          onSent={(text) => {
            setOpen(false);
            setStatus(text);
            opener.current?.focus();
          }}
        />
      )}
      {!target.data.mine &&
        (target.data.pendingClaim ? (
          <p>{t("contact.claimWaiting")}</p>
        ) : claiming ? (
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void claim();
            }}
          >
            <label htmlFor={ids.claim}>{t("contact.claimMessage")}</label>
            <textarea
              id={ids.claim}
              rows={3}
              value={message}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${ids.error} ${ids.counter}` : ids.counter}
              // dir="auto" keeps a pasted right-to-left text readable; hidden and bidi controls never enter the box.
              dir="auto"
              onChange={(e) => {
                const { text, removed } = typedText(e.target.value, t);
                setMessage(text);
                setError(removed ?? tooLong(text));
              }}
            />
            <p
              id={ids.counter}
              className={message.length > max ? "field-hint field-counter over" : "field-hint field-counter"}
            >
              {t("contact.counter", { count: message.length, max })}
            </p>
            {error && (
              <p id={ids.error} className="field-error">
                {error}
              </p>
            )}
            <div className="form-actions">
              <button type="submit" className="btn primary">
                {t("contact.claimSend")}
              </button>
              <button type="button" className="btn" onClick={() => setClaiming(false)}>
                {t("contact.cancel")}
              </button>
            </div>
          </form>
        ) : (
          <button type="button" className="btn" onClick={() => setClaiming(true)}>
            {t("contact.claim")}
          </button>
        ))}
      <p role="status" aria-live="polite">
        {status}
      </p>
    </section>
  );
}
