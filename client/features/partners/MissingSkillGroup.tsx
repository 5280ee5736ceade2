/**
 * "Fyller en saknad kompetens / Fills a missing skill": for each skill the project needs that no member and none of
 * the first five suggestions offers, the best organisation offering it, so it is never buried further down.
 */
import { useTranslation } from "react-i18next";
import type { PartnerSuggestions, Suggestion } from "../../../shared/schema/match";
import type { Lang } from "../../state/url-state";
import { explainSuggestion, inSentence } from "./explain";
import { ShortlistToggle } from "./ShortlistToggle";
import type { ShortlistActions } from "./use-shortlist";

interface Props {
  answer: PartnerSuggestions;
  lang: Lang;
  percent: Intl.NumberFormat;
  onSelect: (key: string) => void;
  onHighlight: (s: Suggestion | undefined) => void;
  /** For the project's owners: each candidate can be saved to the shortlist. */
  shortlist?: ShortlistActions;
}

export function MissingSkillGroup({ answer, lang, percent, onSelect, onHighlight, shortlist }: Props) {
  const { t } = useTranslation();
  if (answer.fillsMissingSkill.length === 0) return null;
  // The server says which skills the top five leave unfilled; a group candidate may also offer others the top five do.
  const names = answer.missingFromTopFive.map((s) => inSentence(s.label[lang]));
  const list = new Intl.ListFormat(lang === "sv" ? "sv" : "en-GB", { type: "conjunction" }).format(names);
  return (
    <section className="missing-skill-group" aria-labelledby="missing-skill-heading">
      <h4 id="missing-skill-heading">{t("partners.missingSkill.heading")}</h4>
      <p className="hint">{t("partners.missingSkill.intro", { list })}</p>
      <ul className="suggestion-list">
        {answer.fillsMissingSkill.map((s) => (
          <li key={s.key} onMouseEnter={() => onHighlight(s)} onMouseLeave={() => onHighlight(undefined)}>
            <div className="suggestion-head">
              <button
                type="button"
                className="link-button suggestion-name"
                onClick={() => onSelect(s.key)}
                onFocus={() => onHighlight(s)}
                onBlur={() => onHighlight(undefined)}
              >
                {s.name}
              </button>
              <span className="suggestion-score">{t("match.score", { score: percent.format(s.score) })}</span>
            </div>
            <ul className="reasons">
              {explainSuggestion(s, "partner", lang, t).map((sentence) => (
                <li key={sentence}>{sentence}</li>
              ))}
            </ul>
            {shortlist && <ShortlistToggle suggestion={s} shortlist={shortlist} />}
          </li>
        ))}
      </ul>
    </section>
  );
}
