/** i18next set-up: Swedish first, English second; <html lang> follows the language. */
import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import type { Lang } from "../state/url-state";
import { en } from "./en";
import { sv } from "./sv";

export function initI18n(lang: Lang): void {
  void i18next.use(initReactI18next).init({
    resources: { sv: { translation: sv }, en: { translation: en } },
    lng: lang,
    fallbackLng: "sv",
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = lang;
  i18next.on("languageChanged", (lng) => {
    document.documentElement.lang = lng;
  });
}
