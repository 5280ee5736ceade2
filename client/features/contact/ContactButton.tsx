/** "Kontakta / Contact" under a partner suggestion: opens the contact dialog below it, and returns focus on close. */
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Lang } from "../../state/url-state";
import { ContactDialog } from "./ContactDialog";

interface Props {
  projectId: string;
  organisationId: string;
  name: string;
  lang: Lang;
}

export function ContactButton({ projectId, organisationId, name, lang }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button
        ref={button}
        type="button"
        className="btn contact-open"
        aria-expanded={open}
        aria-label={t("contact.openFor", { name })}
        onClick={() => setOpen((o) => !o)}
      >
        {t("contact.open")}
      </button>
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
        />
      )}
    </>
  );
}
