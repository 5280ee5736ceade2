/**
 * In an organisation's details, signed in: "Kontakta" from one of the person's projects (the same dialog as under a
 * suggestion) and "Gör anspråk på profilen / Claim this profile" for people of the organisation, which a coordinator
 * approves in the review queue.
 */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { MAX_CHARS } from "../../../shared/schema/limits";
import { errorText } from "../../lib/error-text";
import { trpc } from "../../lib/trpc";
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

  const claim = async () => {
    setError(undefined);
    // Over the limit the text is kept as typed (never cut) and the field says how much too long.
    if (message.length > max) {
      setError(t("contact.tooLong", { max, over: message.length - max }));
      document.getElementById(ids.claim)?.focus();
      return;
    }
    try {
      await trpc.claim.create.mutate({ organisationId, message });
      setClaiming(false);
      setStatus(t("contact.claimSent"));
      await queryClient.invalidateQueries({ queryKey: key });
    } catch (e) {
      setError(errorText(e, t));
      document.getElementById(ids.claim)?.focus();
    }
  };

  return (
    <section className="organisation-contact" aria-label={t("contact.open")}>
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
              onChange={(e) => {
                setMessage(e.target.value);
                setError(
                  e.target.value.length > max
                    ? t("contact.tooLong", { max, over: e.target.value.length - max })
                    : undefined,
                );
              }}
            />
            <p id={ids.counter} className="field-hint field-counter">
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
