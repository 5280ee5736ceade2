/** The organisation form, for registering and for editing: every field of the shared Organisation schema. */
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { EditableEntity } from "../../../shared/schema/editable";
import { ORGANISATION_KINDS, type OrganisationKind } from "../../../shared/schema/organisation";
import { FieldError } from "./FieldError";
import { FormHead } from "./FormHead";
import { RECORD_FIELDS } from "./field-format";
import { MultiPicker } from "./MultiPicker";
import { type OrganisationDraft, organisationOfDraft } from "./organisation-draft";
import { PlaceFields } from "./PlaceFields";
import type { GraphChoices } from "./picker-options";
import { SourceFields } from "./SourceFields";
import { SummaryFieldset } from "./SummaryFieldset";
import { useEntityForm } from "./use-entity-form";

interface Props {
  initial: OrganisationDraft;
  choices: GraphChoices;
  submitLabel: string;
  onSubmit: (entity: EditableEntity) => Promise<unknown>;
  onDone: () => void;
}

export function OrganisationForm({ initial, choices, submitLabel, onSubmit, onDone }: Props) {
  const { t } = useTranslation();
  const formId = useId().replace(/[^a-zA-Z0-9_-]/g, "");
  const [draft, setDraft] = useState(initial);
  const form = useEntityForm("organisation", formId, RECORD_FIELDS);
  const { errors, idOf } = form;
  const change = (patch: Partial<OrganisationDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await form.submit(organisationOfDraft(draft), onSubmit)) onDone();
  };

  return (
    <form className="entity-form" noValidate onSubmit={submit} aria-describedby={`${formId}-required`}>
      <FormHead
        formId={formId}
        form={form}
        name={draft.name}
        fixedId={draft.fixedId}
        onName={(name) => change({ name })}
      />
      <div className={`form-field${errors.kind ? " has-error" : ""}`}>
        <label htmlFor={idOf("kind")}>
          {t("registration.field.kind")}
          <span aria-hidden="true"> *</span>
        </label>
        <select
          id={idOf("kind")}
          value={draft.kind}
          onChange={(e) => change({ kind: e.target.value as OrganisationKind | "" })}
          aria-required
          aria-invalid={errors.kind ? true : undefined}
          aria-describedby={errors.kind ? `${idOf("kind")}-error` : undefined}
        >
          <option value="">{t("registration.field.chooseKind")}</option>
          {ORGANISATION_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`orgKind.${kind}`)}
            </option>
          ))}
        </select>
        <FieldError id={`${idOf("kind")}-error`} message={errors.kind} />
      </div>
      <SummaryFieldset idOf={idOf} sv={draft.summarySv} en={draft.summaryEn} onChange={change} errors={errors} />
      <MultiPicker
        id={idOf("topics")}
        legend={t("registration.field.topics")}
        options={choices.topics}
        value={draft.topics}
        onChange={(topics) => change({ topics })}
        error={errors.topics}
      />
      <MultiPicker
        id={idOf("skills")}
        legend={t("registration.field.skills")}
        options={choices.skills}
        value={draft.skills}
        onChange={(skills) => change({ skills })}
        error={errors.skills}
      />
      <PlaceFields
        idOf={idOf}
        options={choices.regions}
        regions={draft.regions}
        national={draft.national}
        onChange={change}
        errors={errors}
      />
      <SourceFields idOf={idOf} website={draft.website} sources={draft.sources} onChange={change} errors={errors} />
      {form.formError && (
        <p className="field-error" role="alert">
          {form.formError}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="btn primary" disabled={form.pending}>
          {form.pending ? t("registration.sending") : submitLabel}
        </button>
      </div>
    </form>
  );
}
