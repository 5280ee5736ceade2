/**
 * Above the edit form after a save was refused because someone else saved first: who changed which fields, and the
 * two ways on. It takes focus when it appears, so a screen reader announces it and the buttons are next.
 */
import { useEffect, useId, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { StaleVersion } from "../../../shared/schema/editable";
import { staleDescription } from "../history/stale-version";

interface Props {
  stale: StaleVersion;
  onKeepMine: () => void;
  onDiscard: () => void;
}

export function ConflictNotice({ stale, onKeepMine, onDiscard }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.focus();
  }, []);
  return (
    <div ref={box} className="conflict-notice" role="alert" aria-labelledby={titleId} tabIndex={-1}>
      <p id={titleId}>
        <strong>{t("versions.conflictTitle")}</strong>
      </p>
      <p>{staleDescription(stale, t)}</p>
      <p>{t("versions.notSaved")}</p>
      <div className="form-actions">
        {stale.current !== null && (
          <button type="button" className="btn primary" onClick={onKeepMine}>
            {t("versions.keepMine")}
          </button>
        )}
        <button type="button" className="btn" onClick={onDiscard}>
          {t("versions.discardMine")}
        </button>
      </div>
    </div>
  );
}
