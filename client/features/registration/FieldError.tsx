/** A field's error message: text with a symbol, never colour alone; its id is what the field's aria-describedby names. */
import { useTranslation } from "react-i18next";

export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  const { t } = useTranslation();
  if (!message) return null;
  return (
    <p id={id} className="field-error">
      <span aria-hidden="true">⚠ </span>
      <span className="visually-hidden">{t("registration.errorPrefix")} </span>
      {message}
    </p>
  );
}
