/**
 * The filters (and the view options) on a narrow screen: a button that opens them in a modal drawer. The native
 * <dialog> opened with showModal() keeps the focus inside, closes on Escape and makes the page behind inert; the
 * focus returns to the button on closing.
 */
import { type ReactNode, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

interface Props {
  /** How many filter values are chosen, shown on the button. */
  chosen: number;
  children: ReactNode;
}

export function FiltersDrawer({ chosen, children }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const titleId = useId();

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);

  return (
    <div className="drawer-bar">
      <button
        ref={opener}
        type="button"
        className="drawer-open"
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => setOpen(true)}
      >
        <span aria-hidden="true">⚙ </span>
        {chosen > 0 ? t("shell.filtersChosen", { count: chosen }) : t("shell.filters")}
      </button>
      <dialog
        ref={dialog}
        className="filters-drawer"
        aria-labelledby={titleId}
        onClose={() => {
          // Escape (the dialog's own cancel) and the close buttons all end here.
          setOpen(false);
          opener.current?.focus();
        }}
      >
        <div className="drawer-head">
          <h2 id={titleId}>{t("shell.filters")}</h2>
          <button
            type="button"
            className="drawer-close"
            onClick={() => setOpen(false)}
            aria-label={t("shell.closeFilters")}
          >
            ×
          </button>
        </div>
        <div className="drawer-body">{children}</div>
        <div className="drawer-foot">
          <button type="button" className="btn primary" onClick={() => setOpen(false)}>
            {t("shell.showResults")}
          </button>
        </div>
      </dialog>
    </div>
  );
}
