/**
 * "Kontakta / Contact" under a partner suggestion: opens the contact dialog below it, and returns focus to the button
 * on close and after sending, when a live region beside the button says that the request went.
 */
import { useCallback, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Lang } from "../../state/url-state";
import { ContactDialog } from "./ContactDialog";
import { useOneContactDialog } from "./one-dialog";

interface Props {
  projectId: string;
  organisationId: string;
  name: string;
  lang: Lang;
}

export function ContactButton({ projectId, organisationId, name, lang }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  useOneContactDialog(
    open,
    useCallback(() => setOpen(false), []),
  );
  const button = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button
        ref={button}
        type="button"
        className="btn contact-open"
        aria-expanded={open}
        aria-label={t("contact.openFor", { name })}
        onClick={() => {
          setAnnouncement("");
          setOpen((o) => !o);
        }}
      >
        {t("contact.open")}
      </button>
      <span role="status" aria-live="polite" className="contact-announcement">
        {announcement}
      </span>
      {open && (
        <ContactDialog
          projectId={projectId}
          organisationId={organisationId}
          name={name}
          lang={lang}
          onClose={() => {
            setOpen(false);
            button.current?.focus();
          }}
          onSent={(text) => {
            setOpen(false);
            setAnnouncement(text);
            button.current?.focus();
          }}
        />
      )}
    </>
  );
}
