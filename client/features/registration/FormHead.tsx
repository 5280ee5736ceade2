/** The top of both entity forms: the required-fields hint, the error summary, the name and the id made from it. */
import { useTranslation } from "react-i18next";
import { MAX_CHARS } from "../../../shared/schema/limits";
import { slugify } from "../../../shared/slug";
import { ErrorSummary } from "./ErrorSummary";
import { TextField } from "./TextField";
import type { useEntityForm } from "./use-entity-form";

const LABEL_KEY: Record<string, string> = { "summary.sv": "summarySv", "summary.en": "summaryEn" };

interface Props {
  formId: string;
  form: ReturnType<typeof useEntityForm>;
  name: string;
  /** Set when editing: the id cannot change. */
  fixedId?: string;
  onName: (name: string) => void;
}

export function FormHead({ formId, form, name, fixedId, onName }: Props) {
  const { t } = useTranslation();
  const labelOf = (field: string) => t(`registration.field.${LABEL_KEY[field] ?? field}`);
  const id = fixedId ?? slugify(name);
  return (
    <>
      <p id={`${formId}-required`} className="field-hint">
        {t("registration.required")}
      </p>
      <ErrorSummary id={`${formId}-summary`} errors={form.ordered} idOf={form.idOf} labelOf={labelOf} />
      <TextField
        id={form.idOf("name")}
        label={t("registration.field.name")}
        value={name}
        onChange={onName}
        error={form.errors.name}
        maxLength={MAX_CHARS.name}
        required
      />
      <p className="field-hint id-line">
        {fixedId ? t("registration.idFixed", { id }) : t("registration.idLine", { id: id || "…" })}
      </p>
    </>
  );
}
