/** Where: the län picked from the graph, and whether the work covers the whole country. */
import { useTranslation } from "react-i18next";
import { MultiPicker } from "./MultiPicker";
import type { PickerOption } from "./picker-options";

interface Props {
  idOf: (field: string) => string;
  options: PickerOption[];
  regions: string[];
  national: boolean;
  onChange: (patch: { regions?: string[]; national?: boolean }) => void;
  errors: Record<string, string>;
}

export function PlaceFields({ idOf, options, regions, national, onChange, errors }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <MultiPicker
        id={idOf("regions")}
        legend={t("registration.field.regions")}
        options={options}
        value={regions}
        onChange={(value) => onChange({ regions: value })}
        error={errors.regions}
      />
      <div className="form-field form-check">
        <input
          id={idOf("national")}
          className="check-input"
          type="checkbox"
          checked={national}
          onChange={(e) => onChange({ national: e.target.checked })}
        />
        <label htmlFor={idOf("national")}>{t("registration.field.national")}</label>
      </div>
    </>
  );
}
