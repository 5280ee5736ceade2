/** A whole project or organisation record as a definition list, every field in words, for a coordinator to check. */
import { useTranslation } from "react-i18next";
import type { Organisation } from "../../../shared/schema/organisation";
import type { Project } from "../../../shared/schema/project";
import { fieldLabel, fieldText, fieldValue, type NodeName, RECORD_FIELDS } from "../registration/field-format";

export function RecordView({ record, name }: { record: Project | Organisation; name: NodeName }) {
  const { t } = useTranslation();
  const fields = RECORD_FIELDS.filter((f) => f !== "name" && fieldValue(record, f) !== undefined);
  return (
    <dl className="record-view">
      {fields.map((field) => {
        const value = fieldValue(record, field);
        return (
          <div key={field}>
            <dt>{fieldLabel(field, t)}</dt>
            <dd>
              {field === "sources" || field === "website" ? (
                <ul className="plain-list">
                  {(Array.isArray(value) ? value : [value]).map((url) => (
                    <li key={String(url)}>
                      <a href={String(url)} target="_blank" rel="noopener noreferrer">
                        {String(url)}
                      </a>
                    </li>
                  ))}
                </ul>
              ) : (
                fieldText(field, value, t, name)
              )}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
