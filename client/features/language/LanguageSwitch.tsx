/** Switches between Swedish and English; the choice goes into the URL so a shared link keeps it. */
import { useTranslation } from "react-i18next";
import type { Lang } from "../../state/url-state";

export function LanguageSwitch({ lang, onChange }: { lang: Lang; onChange: (lang: Lang) => void }) {
  const { t } = useTranslation();
  const other: Lang = lang === "sv" ? "en" : "sv";
  return (
    <button type="button" className="lang-switch" lang={other} onClick={() => onChange(other)}>
      {t("lang.switchTo")}
    </button>
  );
}
