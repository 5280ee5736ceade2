/** The summary in Swedish and English: one fieldset, two text areas. */
import { useTranslation } from "react-i18next";
import { MAX_CHARS } from "../../../shared/schema/limits";
import { TextField } from "./TextField";

interface Props {
  idOf: (field: string) => string;
  sv: string;
  en: string;
  onChange: (patch: { summarySv?: string; summaryEn?: string }) => void;
  errors: Record<string, string>;
}

export function SummaryFieldset({ idOf, sv, en, onChange, errors }: Props) {
  const { t } = useTranslation();
  return (
    <fieldset className="form-group">
      <legend>{t("registration.field.summary")}</legend>
      <p className="field-hint">{t("registration.field.summaryHint")}</p>
      <TextField
        id={idOf("summary.sv")}
        label={t("registration.field.summarySv")}
        value={sv}
        onChange={(summarySv) => onChange({ summarySv })}
        error={errors["summary.sv"]}
        maxLength={MAX_CHARS.summary}
        required
        multiline
      />
      <TextField
        id={idOf("summary.en")}
        label={t("registration.field.summaryEn")}
        value={en}
        onChange={(summaryEn) => onChange({ summaryEn })}
        error={errors["summary.en"]}
        maxLength={MAX_CHARS.summary}
        required
        multiline
      />
    </fieldset>
  );
}
