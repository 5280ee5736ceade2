/**
 * "⚙ Inställningar": a disclosure in the toolbar for options few people need (the WebGL renderer, a developer's
 * choice), so the main bar holds only what everyone uses. Escape or focus leaving closes it, as the export menu does.
 */
import { type FocusEvent, type KeyboardEvent, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import "./settings-menu.css";

interface Props {
  webgl: boolean;
  onWebgl: (on: boolean) => void;
}

export function SettingsMenu({ webgl, onWebgl }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape" && open) {
      event.stopPropagation();
      setOpen(false);
      button.current?.focus();
    }
  };
  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    if (open && !event.currentTarget.contains(event.relatedTarget as Node | null)) setOpen(false);
  };
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the container only listens for Escape and focus leaving; its button and checkbox are the controls
    <div className="settings-menu" onKeyDown={onKeyDown} onBlur={onBlur}>
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((was) => !was)}
      >
        <span aria-hidden="true">⚙ </span>
        {t("toolbar.settings")}
      </button>
      <div id={panelId} className="settings-menu-panel" hidden={!open}>
        <label className="toolbar-check">
          <input type="checkbox" checked={webgl} onChange={(e) => onWebgl(e.target.checked)} />
          {t("toolbar.webgl")}
        </label>
        <p className="hint">{t("toolbar.webglHint")}</p>
      </div>
    </div>
  );
}
