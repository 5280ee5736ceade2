/** The notices of term-notices.ts, in words, with the "show nearby" offer as a button. */
import { useTranslation } from "react-i18next";
import type { MatchFilters, PartnerSuggestions, Weights } from "../../../shared/schema/match";
import { termNotices } from "./term-notices";

interface Props {
  answer: PartnerSuggestions;
  weights: Weights;
  onGeography?: (geography: NonNullable<MatchFilters["geography"]>) => void;
}

export function TermNotices({ answer, weights, onGeography }: Props) {
  const { t } = useTranslation();
  const notices = termNotices(answer, weights);
  if (notices.length === 0) return null;
  return (
    <div className="term-notices" role="note">
      {notices.map((n) => (
        <p key={n.kind === "dead" ? n.term : n.kind} className="hint">
          {n.kind === "fallback" && (
            <>
              {t("partners.notice.fallback")}{" "}
              {onGeography && (
                <button type="button" className="link-button" onClick={() => onGeography("complement")}>
                  {t("partners.notice.keepComplement")}
                </button>
              )}
            </>
          )}
          {n.kind === "offerNearby" && (
            <>
              {t("partners.notice.membersCoverAll")}{" "}
              {onGeography && (
                <button type="button" className="link-button" onClick={() => onGeography("nearby")}>
                  {t("partners.notice.showNearby")}
                </button>
              )}
            </>
          )}
          {n.kind === "dead" &&
            t(`partners.notice.${n.reason}`, { term: t(`match.weight.${n.term}`), defaultValue: "" })}
        </p>
      ))}
    </div>
  );
}
