/**
 * The export menu: a button that opens a panel of download links, one per format, for what the view shows (the
 * filter travels as query parameters). A disclosure (lib/Disclosure.tsx), not an ARIA menu: plain links in a list,
 * reachable with Tab; Escape closes the panel and returns focus to the button, and so does moving focus out of it.
 */
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Disclosure } from "../../lib/Disclosure";
import { EXPORT_LINKS, exportUrl } from "./export-links";
import "./export-menu.css";

export function ExportMenu({ filterQuery }: { filterQuery: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const filtered = filterQuery.replace(/^\?/, "") !== "";

  return (
    <Disclosure className="export-menu" label={t("export.button")} headingId={headingId}>
      {(close) => (
        <>
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
          <button type="button" onClick={close}>
            {t("export.close")}
          </button>
        </>
      )}
    </Disclosure>
  );
}
