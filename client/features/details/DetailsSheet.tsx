/**
 * Where the details (and the suggestions inside them) live: a side panel on a wide screen, a bottom sheet on a narrow
 * one. The sheet takes the lower half, so the graph stays in view above it, and a toggle (or Escape to leave) lets it
 * fill the screen for reading the reasons and moving the weights.
 */
import { type ReactNode, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

interface Props {
  narrow: boolean;
  /** Whether a node is selected: with nothing to show, the sheet shrinks to its one-line hint. */
  open: boolean;
  children: ReactNode;
}

export function DetailsSheet({ narrow, open, children }: Props) {
  const { t } = useTranslation();
  const [full, setFull] = useState(false);
  useEffect(() => {
    if (!open) setFull(false);
  }, [open]);
  const state = !narrow ? undefined : !open ? "empty" : full ? "full" : "half";

  return (
    <aside
      id="details"
      className="details-panel"
      data-sheet={state}
      aria-label={t("details.heading")}
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key === "Escape" && state === "full") {
          e.stopPropagation();
          setFull(false);
        }
      }}
    >
      {(state === "half" || state === "full") && (
        <div className="sheet-bar">
          <span className="sheet-grip" aria-hidden="true" />
          <button type="button" className="sheet-toggle" aria-pressed={full} onClick={() => setFull((f) => !f)}>
            {t("shell.sheetFull")}
          </button>
        </div>
      )}
      {children}
    </aside>
  );
}
