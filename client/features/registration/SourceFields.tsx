/** Website and sources: where the record can be checked. Sources are one URL per line, at least one. */
import { useTranslation } from "react-i18next";
import { MAX_CHARS, MAX_ITEMS } from "../../../shared/schema/limits";
import { TextField } from "./TextField";

interface Props {
  idOf: (field: string) => string;
  website: string;
  sources: string;
  onChange: (patch: { website?: string; sources?: string }) => void;
  errors: Record<string, string>;
}

export function SourceFields({ idOf, website, sources, onChange, errors }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        id={idOf("website")}
        label={t("registration.field.website")}
        hint={t("registration.field.websiteHint")}
        type="url"
        value={website}
        onChange={(value) => onChange({ website: value })}
        error={errors.website}
        maxLength={MAX_CHARS.url}
        autoComplete="url"
      />
      <TextField
        id={idOf("sources")}
        label={t("registration.field.sources")}
        hint={t("registration.field.sourcesHint")}
        value={sources}
        onChange={(value) => onChange({ sources: value })}
        error={errors.sources}
        maxLength={MAX_ITEMS.sources * (MAX_CHARS.url + 1)}
        required
        multiline
      />
    </>
  );
}
