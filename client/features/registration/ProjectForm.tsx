/** The project form, for registering and for editing: every field of the shared Project schema a person can know. */
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { EditableEntity } from "../../../shared/schema/editable";
import { PROJECT_STATUSES } from "../../../shared/schema/project";
import { FieldError } from "./FieldError";
import { FormHead } from "./FormHead";
import { RECORD_FIELDS } from "./field-format";
import { MultiPicker } from "./MultiPicker";
import { PlaceFields } from "./PlaceFields";
import type { GraphChoices } from "./picker-options";
import { type ProjectDraft, projectOfDraft } from "./project-draft";
import { SourceFields } from "./SourceFields";
import { SummaryFieldset } from "./SummaryFieldset";
import { TextField } from "./TextField";
import { useEntityForm } from "./use-entity-form";

interface Props {
  initial: ProjectDraft;
  choices: GraphChoices;
  submitLabel: string;
  /** Sends the validated entity; a rejection shows the server's field errors. */
  onSubmit: (entity: EditableEntity) => Promise<unknown>;
  onDone: () => void;
}

export function ProjectForm({ initial, choices, submitLabel, onSubmit, onDone }: Props) {
  const { t } = useTranslation();
  const formId = useId().replace(/[^a-zA-Z0-9_-]/g, "");
  const [draft, setDraft] = useState(initial);
  const form = useEntityForm("project", formId, RECORD_FIELDS);
  const { errors, idOf } = form;
  const change = (patch: Partial<ProjectDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await form.submit(projectOfDraft(draft), onSubmit)) onDone();
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
      <SummaryFieldset idOf={idOf} sv={draft.summarySv} en={draft.summaryEn} onChange={change} errors={errors} />
      <fieldset className="form-group">
        <legend>{t("registration.field.status")}</legend>
        <div className="radio-row">
          {PROJECT_STATUSES.map((status, i) => (
            <span key={status} className="form-check">
              <input
                id={i === 0 ? idOf("status") : `${idOf("status")}-${status}`}
                className="check-input"
                type="radio"
                name={`${formId}-status`}
                value={status}
                checked={draft.status === status}
                onChange={() => change({ status })}
                aria-describedby={errors.status ? `${idOf("status")}-error` : undefined}
              />
              <label htmlFor={i === 0 ? idOf("status") : `${idOf("status")}-${status}`}>{t(`status.${status}`)}</label>
            </span>
          ))}
        </div>
        <FieldError id={`${idOf("status")}-error`} message={errors.status} />
      </fieldset>
      <fieldset className="form-group years-group">
        <legend>{t("registration.field.years")}</legend>
        <TextField
          id={idOf("startYear")}
          label={t("registration.field.startYear")}
          inputMode="numeric"
          value={draft.startYear}
          onChange={(startYear) => change({ startYear })}
          error={errors.startYear}
        />
        <TextField
          id={idOf("endYear")}
          label={t("registration.field.endYear")}
          inputMode="numeric"
          value={draft.endYear}
          onChange={(endYear) => change({ endYear })}
          error={errors.endYear}
        />
      </fieldset>
      <MultiPicker
        id={idOf("topics")}
        legend={t("registration.field.topics")}
        options={choices.topics}
        value={draft.topics}
        onChange={(topics) => change({ topics })}
        error={errors.topics}
      />
      <MultiPicker
        id={idOf("skillsNeeded")}
        legend={t("registration.field.skillsNeeded")}
        options={choices.skills}
        value={draft.skillsNeeded}
        onChange={(skillsNeeded) => change({ skillsNeeded })}
        error={errors.skillsNeeded}
      />
      <PlaceFields
        idOf={idOf}
        options={choices.regions}
        regions={draft.regions}
        national={draft.national}
        onChange={change}
        errors={errors}
      />
      <div className={`form-field${errors.lead ? " has-error" : ""}`}>
        <label htmlFor={idOf("lead")}>{t("registration.field.lead")}</label>
        <select
          id={idOf("lead")}
          value={draft.lead}
          onChange={(e) => change({ lead: e.target.value })}
          aria-invalid={errors.lead ? true : undefined}
          aria-describedby={errors.lead ? `${idOf("lead")}-error` : undefined}
        >
          <option value="">{t("registration.field.noLead")}</option>
          {choices.organisations.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        <FieldError id={`${idOf("lead")}-error`} message={errors.lead} />
      </div>
      <MultiPicker
        id={idOf("partners")}
        legend={t("registration.field.partners")}
        options={choices.organisations}
        value={draft.partners}
        onChange={(partners) => change({ partners })}
        error={errors.partners}
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
