/** One labelled slider per matching term, plus the geography mode; every change re-ranks the list. */
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { MATCH_TERMS, type MatchFilters, WEIGHT_MAX, type Weights } from "../../../shared/schema/match";

interface Props {
  weights: Weights;
  onWeights: (weights: Weights) => void;
  geography: NonNullable<MatchFilters["geography"]>;
  onGeography: (mode: NonNullable<MatchFilters["geography"]>) => void;
}

export function WeightSliders({ weights, onWeights, geography, onGeography }: Props) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <fieldset className="weights">
      <legend>{t("match.weights")}</legend>
      <p className="hint">{t("match.weightsHint")}</p>
      {MATCH_TERMS.map((term) => (
        <div key={term} className="weight-row">
          <label htmlFor={`${id}-${term}`}>{t(`match.weight.${term}`)}</label>
          <input
            id={`${id}-${term}`}
            type="range"
            min={0}
            max={WEIGHT_MAX}
            step={0.5}
            value={weights[term]}
            onChange={(e) => onWeights({ ...weights, [term]: Number(e.target.value) })}
          />
          <output htmlFor={`${id}-${term}`}>{Number(weights[term].toFixed(2))}</output>
        </div>
      ))}
      <div className="weight-row">
        <label htmlFor={`${id}-geo`}>{t("match.geographyMode.label")}</label>
        <select id={`${id}-geo`} value={geography} onChange={(e) => onGeography(e.target.value as typeof geography)}>
          <option value="complement">{t("match.geographyMode.complement")}</option>
          <option value="nearby">{t("match.geographyMode.nearby")}</option>
        </select>
      </div>
    </fieldset>
  );
}
