/**
 * The export menu: a button that opens a panel of download links, one per format, for what the view shows (the
 * filter travels as query parameters). A disclosure, not an ARIA menu: plain links in a list, reachable with Tab;
 * Escape closes the panel and returns focus to the button, and so does moving focus out of it.
 */
import { type FocusEvent, type KeyboardEvent, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { EXPORT_LINKS, exportUrl } from "./export-links";
import "./export-menu.css";

export function ExportMenu({ filterQuery }: { filterQuery: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const headingId = useId();
  const filtered = filterQuery.replace(/^\?/, "") !== "";

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape" && open) {
      event.stopPropagation();
      close(true);
    }
  };
  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    if (open && !event.currentTarget.contains(event.relatedTarget as Node | null)) close(false);
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the container only listens for Escape and focus leaving; its button and links are the controls
    <div className="export-menu" onKeyDown={onKeyDown} onBlur={onBlur}>
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((was) => !was)}
      >
        {t("export.button")}
      </button>
      <section id={panelId} className="export-menu-panel" aria-labelledby={headingId} hidden={!open}>
        <h2 id={headingId}>{t("export.heading")}</h2>
        <p>{filtered ? t("export.scopeFiltered") : t("export.scopeAll")}</p>
        <ul aria-label={t("export.formats")}>
          {EXPORT_LINKS.map((link) => (
            <li key={link.label}>
              <a href={exportUrl(link.file, filterQuery, link.query)} download>
                {t(`export.${link.label}`)} <span className="hint">({t(`export.${link.hint}`)})</span>
              </a>
            </li>
          ))}
        </ul>
        <p className="hint">{t("export.includes")}</p>
        <button type="button" onClick={() => close(true)}>
          {t("export.close")}
        </button>
      </section>
    </div>
  );
}
