/**
 * One labelled slider per matching term, plus the geography mode; every change re-ranks the list. A term that cannot
 * change the ranking for this node says why beside its slider (and, where another mode would help, offers it).
 */
import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { InertTerm, MatchFilters, Weights } from "../../../shared/schema/match";
import { MATCH_TERMS, WEIGHT_MAX } from "../../../shared/schema/value-lists";
import type { Lang } from "../../state/url-state";
import { WEIGHT_STEP, weightFormat } from "./weight-scale";
import "./partners.css";

type Geography = NonNullable<MatchFilters["geography"]>;

interface Props {
  weights: Weights;
  onWeights: (weights: Weights) => void;
  geography: Geography;
  onGeography: (mode: Geography) => void;
  /** Terms that are zero for every candidate, with the reason; `side` says whose data the reason speaks of. */
  inert: InertTerm[];
  /** The mode the server used, when it differs from the one asked for (complement fell back to nearby). */
  geographyUsed?: Geography;
  side: "partner" | "project";
  lang: Lang;
}

export function WeightSliders({ weights, onWeights, geography, onGeography, inert, geographyUsed, side, lang }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const format = weightFormat(lang);
  return (
    <fieldset className="weights">
      <legend>{t("match.weights")}</legend>
      <p className="hint">{t("match.weightsHint")}</p>
      {MATCH_TERMS.map((term) => {
        const dead = inert.find((i) => i.term === term);
        return (
          <div key={term} className="weight-row">
            <label htmlFor={`${id}-${term}`}>{t(`match.weight.${term}`)}</label>
            <input
              id={`${id}-${term}`}
              type="range"
              min={0}
              max={WEIGHT_MAX}
              step={WEIGHT_STEP}
              value={weights[term]}
              aria-valuetext={format.format(weights[term])}
              aria-describedby={dead ? `${id}-${term}-inert` : undefined}
              onChange={(e) => onWeights({ ...weights, [term]: Number(e.target.value) })}
            />
            <output htmlFor={`${id}-${term}`}>{format.format(weights[term])}</output>
            {dead && (
              <p className="weight-inert" id={`${id}-${term}-inert`}>
                {t("match.inert.lead")} {t(`match.inert.${side}.${dead.reason}`)}
                {dead.reason === "regions-covered" && geography === "complement" && (
                  <>
                    {" "}
                    <button type="button" className="link-button" onClick={() => onGeography("nearby")}>
                      {t("match.inert.useNearby")}
                    </button>
                  </>
                )}
              </p>
            )}
          </div>
        );
      })}
      <div className="weight-row">
        <label htmlFor={`${id}-geo`}>{t("match.geographyMode.label")}</label>
        {/* The mode in use, not the one asked for: after the automatic fallback the select says "Nära". */}
        <select
          id={`${id}-geo`}
          value={geographyUsed ?? geography}
          aria-describedby={`${id}-geo-hint`}
          onChange={(e) => onGeography(e.target.value as Geography)}
        >
          <option value="complement">{t("match.geographyMode.complement")}</option>
          <option value="nearby">{t("match.geographyMode.nearby")}</option>
        </select>
        <p className="weight-mode-hint" id={`${id}-geo-hint`}>
          {t("match.geographyMode.hint")}
          {geographyUsed && geographyUsed !== geography && <> {t("match.geographyMode.automatic")}</>}
        </p>
      </div>
    </fieldset>
  );
}
