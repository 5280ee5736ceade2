/**
 * "Spara i kortlistan / Save to shortlist" under a partner suggestion: a toggle button (aria-pressed) whose name
 * stays the same whether pressed or not, naming the organisation so that a list of them reads apart.
 */
import { useTranslation } from "react-i18next";
import type { Suggestion } from "../../../shared/schema/match";
import type { ShortlistActions } from "./use-shortlist";

export function ShortlistToggle({ suggestion, shortlist }: { suggestion: Suggestion; shortlist: ShortlistActions }) {
  const { t } = useTranslation();
  const saved = shortlist.isSaved(suggestion.id);
  return (
    <button
      type="button"
      className="btn shortlist-toggle"
      aria-label={t("partners.shortlist.toggleFor", { name: suggestion.name })}
      aria-pressed={saved}
      onClick={() => shortlist.toggle({ id: suggestion.id, name: suggestion.name })}
    >
      <span aria-hidden="true" className="shortlist-check">
        {saved ? "✓" : "+"}
      </span>
      {t("partners.shortlist.toggle")}
    </button>
  );
}
