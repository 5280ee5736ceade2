/**
 * Ranked, explained suggestions for the selected node: partners for a project, projects for an organisation.
 * Hovering or focusing a suggestion highlights, in the graph, the nodes that justify it.
 */
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { MatchFilters, Suggestion, Weights } from "../../../shared/schema/match";
import { MATCH_TERMS } from "../../../shared/schema/value-lists";
import { errorText } from "../../lib/error-text";
import type { Lang } from "../../state/url-state";
import { canEdit } from "../account/can-edit";
import { useMe } from "../account/use-me";
import { ContactButton } from "../contact/ContactButton";
import { evidenceNodeKeys, explainSuggestion, type Perspective } from "./explain";
import { MissingSkillGroup } from "./MissingSkillGroup";
import { ShortlistSection } from "./ShortlistSection";
import { ShortlistToggle } from "./ShortlistToggle";
import { TermNotices } from "./TermNotices";
import { useShortlist } from "./use-shortlist";
import { type SuggestionKind, useInertTerms, useSuggestions } from "./use-suggestions";
import { WeightSliders } from "./WeightSliders";

interface Props {
  kind: SuggestionKind;
  /** The project or organisation id (without the kind prefix). */
  id: string;
  selectedKey: string;
  lang: Lang;
  onSelect: (key: string) => void;
  onHighlight: (keys: string[] | undefined) => void;
  weights: Weights;
  geography: NonNullable<MatchFilters["geography"]>;
  /** Absent for similar projects, which show no sliders. */
  onTuning?: (tuning: { weights: Weights; geography: NonNullable<MatchFilters["geography"]> }) => void;
}

const PERSPECTIVE: Record<SuggestionKind, Perspective> = {
  partners: "partner",
  projects: "project",
  similar: "similar",
};
const HEADING: Record<SuggestionKind, string> = {
  partners: "match.partnersHeading",
  projects: "match.projectsHeading",
  similar: "match.similarHeading",
};

export function SuggestionsPanel({
  kind,
  id,
  selectedKey,
  lang,
  onSelect,
  onHighlight,
  weights,
  geography,
  onTuning,
}: Props) {
  const { t, i18n } = useTranslation();
  // "Komplettera ändå": the reader went back to complement after the automatic fallback (for this node and mode only).
  const [keepComplement, setKeepComplement] = useState<string>();
  const strict = keepComplement === `${id}:${geography}`;
  const filters = strict ? { geography, geographyFallback: false } : { geography };
  const { data, isLoading, isError, error } = useSuggestions(kind, id, weights, filters);
  const fellBack = data?.partners && data.partners.geography.used !== data.partners.geography.asked;
  const onGeography = (g: NonNullable<MatchFilters["geography"]>) => {
    // Choosing complement while nearby was chosen for it: keep complement this time.
    if (g === "complement" && geography === "complement" && fellBack) setKeepComplement(`${id}:complement`);
    else {
      setKeepComplement(undefined);
      onTuning?.({ weights, geography: g });
    }
  };
  const inert = useInertTerms(kind, id).data ?? [];
  // A project's owners and coordinators keep a shortlist of its partner suggestions; others never see the controls.
  const { data: me } = useMe();
  const owner = kind === "partners" && canEdit(me, "project", id);
  // Contact requests go out in the project's name: only its own owners write them, not every coordinator.
  const ownsProject = kind === "partners" && (me?.owns ?? []).some((o) => o.kind === "project" && o.id === id);
  const shortlist = useShortlist(id, owner);
  const percent = new Intl.NumberFormat(i18n.language === "en" ? "en-GB" : "sv-SE", {
    style: "percent",
    maximumFractionDigits: 0,
  });
  const highlight = (s: Suggestion) => onHighlight([selectedKey, s.key, ...evidenceNodeKeys(s.evidence)]);

  return (
    <section className="suggestions" aria-labelledby={`suggestions-${kind}`} data-suggestions={kind}>
      <h3 id={`suggestions-${kind}`} tabIndex={-1}>
        {t(HEADING[kind])}
      </h3>
      {onTuning && (
        <WeightSliders
          weights={weights}
          onWeights={(w) => onTuning({ weights: w, geography })}
          geography={geography}
          onGeography={onGeography}
          inert={inert}
          geographyUsed={data?.partners?.geography.used}
          side={kind === "projects" ? "project" : "partner"}
          lang={lang}
        />
      )}
      {isLoading && <p aria-busy="true">{t("match.loading")}</p>}
      {isError && <p role="alert">{t("match.error", { message: errorText(error, t) })}</p>}
      {data?.partners && <TermNotices answer={data.partners} weights={weights} onGeography={onTuning && onGeography} />}
      {data && data.suggestions.length === 0 && <p>{t("match.none")}</p>}
      <ol className="suggestion-list" aria-live="polite">
        {data?.suggestions.map((s) => (
          <li key={s.key} onMouseEnter={() => highlight(s)} onMouseLeave={() => onHighlight(undefined)}>
            <div className="suggestion-head">
              <button
                type="button"
                className="link-button suggestion-name"
                onClick={() => onSelect(s.key)}
                onFocus={() => highlight(s)}
                onBlur={() => onHighlight(undefined)}
              >
                {s.name}
              </button>
              <span className="suggestion-score">{t("match.score", { score: percent.format(s.score) })}</span>
            </div>
            <ScoreBar suggestion={s} percent={percent} />
            <ul className="reasons">
              {explainSuggestion(s, PERSPECTIVE[kind], lang, t).map((sentence) => (
                <li key={sentence}>{sentence}</li>
              ))}
            </ul>
            {owner && shortlist.list && <ShortlistToggle suggestion={s} shortlist={shortlist} />}
            {ownsProject && <ContactButton projectId={id} organisationId={s.id} name={s.name} lang={lang} />}
          </li>
        ))}
      </ol>
      {data?.partners && (
        <MissingSkillGroup
          answer={data.partners}
          lang={lang}
          percent={percent}
          onSelect={onSelect}
          onHighlight={(s) => (s ? highlight(s) : onHighlight(undefined))}
          shortlist={owner && shortlist.list ? shortlist : undefined}
        />
      )}
      {owner && (
        <ShortlistSection
          projectId={id}
          shortlist={shortlist}
          lang={lang}
          weights={weights}
          geography={geography}
          onSelect={onSelect}
        />
      )}
    </section>
  );
}

/** The score as a bar of coloured parts, one per term, with a text alternative. */
function ScoreBar({ suggestion, percent }: { suggestion: Suggestion; percent: Intl.NumberFormat }) {
  const { t } = useTranslation();
  const parts = MATCH_TERMS.filter((term) => suggestion.contributions[term] > 0);
  const text = parts
    .map((term) => `${t(`match.weight.${term}`)} ${percent.format(suggestion.contributions[term])}`)
    .join(", ");
  return (
    <div className="score-bar" role="img" aria-label={`${t("match.breakdown")}: ${text}`} title={text}>
      {parts.map((term) => (
        <span
          key={term}
          className={`score-part score-${term}`}
          style={{ width: `${suggestion.contributions[term] * 100}%` }}
        />
      ))}
    </div>
  );
}
