/**
 * "⚙ Inställningar": a disclosure in the toolbar for options few people need (the WebGL renderer, a developer's
 * choice), so the main bar holds only what everyone uses. Escape or focus leaving closes it, as the export menu does.
 */
import { useTranslation } from "react-i18next";
import { Disclosure } from "../../lib/Disclosure";
import "./settings-menu.css";

interface Props {
  webgl: boolean;
  onWebgl: (on: boolean) => void;
}

export function SettingsMenu({ webgl, onWebgl }: Props) {
  const { t } = useTranslation();
  return (
    <Disclosure
      className="settings-menu"
      label={
        <>
          <span aria-hidden="true">⚙ </span>
          {t("toolbar.settings")}
        </>
      }
    >
      {() => (
        <>
          <label className="toolbar-check">
            <input type="checkbox" checked={webgl} onChange={(e) => onWebgl(e.target.checked)} />
            {t("toolbar.webgl")}
          </label>
          <p className="hint">{t("toolbar.webglHint")}</p>
        </>
      )}
    </Disclosure>
  );
}
