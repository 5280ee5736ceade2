/** The topic selector: "all topics" or one, in the current language's alphabetical order; it recolours map and table. */
import { useTranslation } from "react-i18next";
import type { TopicRef } from "../../../shared/schema/coverage";
import type { Lang } from "../../state/url-state";

interface Props {
  topics: TopicRef[];
  lang: Lang;
  value: string | undefined;
  onChange: (topicId: string | undefined) => void;
}

export function TopicSelect({ topics, lang, value, onChange }: Props) {
  const { t } = useTranslation();
  const collator = new Intl.Collator(lang === "sv" ? "sv" : "en-GB");
  const sorted = [...topics].sort((a, b) => collator.compare(a.label[lang], b.label[lang]));
  return (
    <div className="coverage-topic">
      <label htmlFor="coverage-topic">{t("coverage.topic.label")}</label>
      <select id="coverage-topic" value={value ?? ""} onChange={(e) => onChange(e.target.value || undefined)}>
        <option value="">{t("coverage.topic.all")}</option>
        {sorted.map((topic) => (
          <option key={topic.id} value={topic.id}>
            {topic.label[lang]}
          </option>
        ))}
      </select>
    </div>
  );
}
