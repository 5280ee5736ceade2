/**
 * Pins the shortlist CSV: its reasons are the panel's sentences word for word (client explain() with the real
 * catalogues), and its spelling: BOM, CRLF, the language's separator, whole-percent scores as numbers, län names
 * with national scope, formula-guarded notes, line breaks kept inside quotes, gone organisations without a score.
 */
import i18next from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { explain } from "../../../client/features/partners/explain";
import { en } from "../../../client/i18n/en";
import { sv } from "../../../client/i18n/sv";
import { partnerReasons } from "../../../server/export/partner-reasons";
import { type ShortlistCsvRow, shortlistCsv } from "../../../server/export/shortlist-csv";
import { ORGANISATION_KIND_NAMES } from "../../../shared/organisation-kind-names";
import type { Evidence, Suggestion } from "../../../shared/schema/match";
import { ORGANISATION_KINDS } from "../../../shared/schema/organisation";
import { organisation } from "../../fixtures/dataset";

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({ lng: "sv", resources: { sv: { translation: sv }, en: { translation: en } } });
});
const label = (sv: string, en = sv) => ({ sv, en });

const evidence = (geography: Evidence["geography"]): Evidence => ({
  topics: [
    { id: "open-data", label: label("Öppna data", "Open data"), direct: true, credit: 1 },
    { id: "ai", label: label("AI-policy", "AI policy"), direct: true, credit: 1 },
    {
      id: "health",
      label: label("Hälso- och sjukvård", "Health care"),
      direct: false,
      project: { id: "ctp", label: label("Civic Tech Platform") },
      credit: 0.1,
    },
  ],
  skills: [{ id: "ux", label: label("UX-design", "UX design") }],
  regions: [
    { id: "01", label: label("Stockholms län", "Stockholm County"), via: "in" },
    { id: "03", label: label("Uppsala län", "Uppsala County"), via: "neighbour" },
    { id: "14", label: label("Västra Götalands län", "Västra Götaland County"), via: "national" },
  ],
  geography,
  sharedPartners: [
    { id: "rise", label: label("RISE") },
    { id: "digidem-lab", label: label("Digidem Lab") },
  ],
  sharedEvents: [{ id: "hackathon-2", label: label("Hackathon #2") }],
});

function row(overrides: Partial<ShortlistCsvRow["entry"]>, score: number | undefined): ShortlistCsvRow {
  const entry = {
    organisationId: "digidem-lab",
    name: "Digidem Lab",
    kind: "cooperative" as const,
    note: "",
    addedAt: "2026-12-07T02:10:00.000Z",
    updatedAt: "2026-12-07T02:10:00.000Z",
    gone: false,
    ...overrides,
  };
  const suggestion =
    score === undefined
      ? undefined
      : ({
          key: "x",
          id: entry.organisationId,
          name: entry.name,
          score,
          evidence: evidence("complement"),
        } as Suggestion);
  return {
    entry,
    organisation: organisation(entry.organisationId, {
      kind: entry.kind,
      regions: ["14", "01"],
      national: true,
      website: "https://digidemlab.org",
    }),
    suggestion,
  };
}
const regions = new Map([
  ["01", label("Stockholms län", "Stockholm County")],
  ["14", label("Västra Götalands län", "Västra Götaland County")],
]);

describe("shortlist reasons", () => {
  for (const lang of ["sv", "en"] as const) {
    for (const geography of ["complement", "nearby"] as const) {
      it(`are the panel's sentences, in ${lang}, geography ${geography}`, () => {
        const panel = explain(evidence(geography), "partner", lang, i18n.getFixedT(lang));
        expect(partnerReasons(evidence(geography), lang)).toEqual(panel);
        expect(panel.length).toBe(8);
      });
    }
  }
});

describe("shortlist CSV", () => {
  it("spells a Swedish file: BOM, semicolons, CRLF, a whole-percent score, län with national scope", () => {
    const text = shortlistCsv([row({ note: "Ring Anna" }, 0.426)], regions, "sv");
    expect(
      text.startsWith("\uFEFFOrganisations-id;Namn;Webbplats;Typ;Län;Poäng (%);Skäl;Anteckning;Tillagd;Status\r\n"),
    ).toBe(true);
    const line = text.split("\r\n")[1];
    expect(line).toBe(
      "digidem-lab;Digidem Lab;https://digidemlab.org;Kooperativ;" +
        '"Västra Götalands län, Stockholms län, hela landet";43;' +
        `"${partnerReasons(evidence("complement"), "sv").join(" · ")}";Ring Anna;2026-12-07T02:10:00.000Z;`,
    );
    expect(text.endsWith("\r\n")).toBe(true);
  });

  it("guards formulas, keeps line breaks inside quotes, and leaves a gone organisation without score or reasons", () => {
    const text = shortlistCsv(
      [
        row({ note: "=cmd|' /C calc'!A0" }, 0.1),
        row({ organisationId: "old", name: "Gammal", note: "rad 1\nrad 2", gone: true }, undefined),
      ],
      regions,
      "en",
    );
    expect(text).toContain(`,"'=cmd|' /C calc'!A0",`);
    const last = text.split("\r\n")[2] as string;
    expect(last).toBe(
      'old,Gammal,https://digidemlab.org,Cooperative,"Västra Götaland County, Stockholm County, nationwide",,,' +
        '"rad 1\nrad 2",2026-12-07T02:10:00.000Z,removed from the map',
    );
  });

  it("names every kind as the UI does, in both languages, never by its code", () => {
    for (const lang of ["sv", "en"] as const) {
      const t = i18n.getFixedT(lang);
      for (const kind of ORGANISATION_KINDS) {
        const cells = (shortlistCsv([row({ kind }, 0.5)], regions, lang).split("\r\n")[1] as string).split(
          lang === "sv" ? ";" : ",",
        );
        expect(cells[3], `${lang} ${kind}`).toBe(t(`orgKind.${kind}`));
        expect(cells[3]).toBe(ORGANISATION_KIND_NAMES[lang][kind]);
        if (kind !== "region") expect(cells[3]).not.toBe(kind); // "Region" is the word in both languages
      }
    }
  });
});
