/** The facts block of the details panel, specific to each kind of node. */
import { useTranslation } from "react-i18next";
import type { Lang } from "../../state/url-state";
import type { useNodeDetails } from "./use-node-details";

type Details = NonNullable<ReturnType<typeof useNodeDetails>["data"]>;

export function NodeFacts({ details, lang }: { details: Details; lang: Lang }) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language === "en" ? "en-GB" : "sv-SE");
  const rows: [string, string][] = [];
  switch (details.kind) {
    case "organisation":
      rows.push([t("kind.organisation"), t(`orgKind.${details.record.kind}`)]);
      if (details.record.national) rows.push([t("details.national"), "✓"]);
      break;
    case "project": {
      const p = details.record;
      rows.push([t("details.status"), t(`status.${p.status}`)]);
      if (p.startYear || p.endYear) rows.push([t("details.years"), [p.startYear, p.endYear].filter(Boolean).join("–")]);
      if (details.fundingCall) rows.push([t("details.fundingCall"), details.fundingCall.name[lang]]);
      if (p.national) rows.push([t("details.national"), "✓"]);
      break;
    }
    case "region":
      rows.push([t("details.code"), `${details.record.code} (${details.record.iso})`]);
      rows.push([t("details.seat"), details.record.seat]);
      rows.push([
        t("details.population", { year: details.record.population.year }),
        number.format(details.record.population.count),
      ]);
      break;
    case "event": {
      const e = details.record;
      // Dates are calendar days: formatted in UTC so no time zone moves them.
      const day = new Intl.DateTimeFormat(i18n.language === "en" ? "en-GB" : "sv-SE", {
        dateStyle: "long",
        timeZone: "UTC",
      });
      const date = (text: string) => day.format(new Date(`${text}T00:00:00Z`));
      rows.push([t("details.eventKind"), t(`eventKind.${e.kind}`)]);
      rows.push([t("details.date"), e.endDate ? `${date(e.startDate)} – ${date(e.endDate)}` : date(e.startDate)]);
      if (e.city) rows.push([t("details.place"), e.city]);
      if (e.online) rows.push([t("details.online"), "✓"]);
      break;
    }
    default:
      break;
  }
  const m = details.metrics;
  const decimals = new Intl.NumberFormat(i18n.language === "en" ? "en-GB" : "sv-SE", { maximumSignificantDigits: 3 });
  if (m) {
    rows.push([t("details.degree"), number.format(m.degree)]);
    rows.push([t("details.pagerank"), decimals.format(m.pagerank)]);
    rows.push([t("details.betweenness"), decimals.format(m.betweenness)]);
    rows.push([t("details.community"), number.format(m.community)]);
  }
  return (
    <dl className="facts">
      {rows.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
