/** A stored ISO timestamp as a short local date and time in the user's language ("27 nov. 2026 06:10"). */
import type { Lang } from "../../state/url-state";

export function formatWhen(iso: string, lang: Lang): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === "sv" ? "sv-SE" : "en-GB", { dateStyle: "medium", timeStyle: "short" }).format(
    date,
  );
}
