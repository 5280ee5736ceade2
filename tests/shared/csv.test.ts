/**
 * The one CSV cell rule (shared/csv.ts): text a spreadsheet would run as a formula gets a leading `'` and quotes,
 * numbers never do, RFC 4180 quoting, and the CSV import undoing the prefix exactly. Used by nodes.csv, edges.csv
 * (server/export/csv.ts) and the coverage table (client/features/coverage/csv.ts), both checked here.
 */
import fc from "fast-check";
import type { TFunction } from "i18next";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { coverageCsv } from "../../client/features/coverage/csv";
import { readCsvRecords } from "../../server/import/csv-records";
import { csvCell, csvLine, neutraliseFormula, restoreFormula } from "../../shared/csv";
import type { RegionCoverage } from "../../shared/schema/coverage";

describe("csvCell", () => {
  it.each([
    ["=1+1", `"'=1+1"`],
    ['=HYPERLINK("http://evil","x")', `"'=HYPERLINK(""http://evil"",""x"")"`],
    ["+46 8 123", `"'+46 8 123"`],
    ["-2+3", `"'-2+3"`],
    ["@SUM(A1)", `"'@SUM(A1)"`],
    ["\tfoo", `"'\tfoo"`],
    ["\rfoo", `"'\rfoo"`],
    ["=1+1\n=2+2", `"'=1+1\n=2+2"`],
    ["'=1", `"''=1"`],
  ])("neutralises %j as %s", (text, cell) => {
    expect(csvCell(text)).toBe(cell);
  });

  it("leaves other text alone, quoting only what RFC 4180 (and ; or tab) needs", () => {
    expect(csvCell("Föreningen Öppna Data")).toBe("Föreningen Öppna Data");
    expect(csvCell("a = b")).toBe("a = b");
    expect(csvCell("'quoted")).toBe("'quoted");
    expect(csvCell('say "hi", then\nleave')).toBe('"say ""hi"", then\nleave"');
    expect(csvCell("a;b")).toBe('"a;b"');
    expect(csvCell("a\tb")).toBe('"a\tb"');
  });

  it("writes numbers, booleans and numbers already formatted as they are, never prefixed", () => {
    expect(csvCell(-0.5)).toBe("-0.5");
    expect(csvCell(-3)).toBe("-3");
    expect(csvCell(Number.NaN)).toBe("");
    expect(csvCell(true)).toBe("true");
    expect(csvCell({ numberText: "-1.5" })).toBe("-1.5");
    expect(csvCell({ numberText: "-1,5" })).toBe('"-1,5"');
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(null)).toBe("");
  });

  it("restoreFormula undoes neutraliseFormula for every string, and parsers read the cells back", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom("=", "+", "-", "@", "\t", "\r", "'", "a", ",", '"', "\n") }),
        (s) => {
          expect(restoreFormula(neutraliseFormula(s))).toBe(s);
          const [row] = Papa.parse<string[]>(csvLine([s, "end"]), { delimiter: ",", newline: "\n" }).data;
          expect(row?.[0]).toBe(neutraliseFormula(s));
        },
      ),
    );
  });
});

describe("the CSV import reads the export's neutralised cells back as they were", () => {
  it("drops the leading ' before a formula start, in text, list and number cells alike", () => {
    const header = "id,name,kind,summary_sv,summary_en,website,regions,national,topics,skills,sources";
    const row = csvLine([
      "formula-org",
      '=HYPERLINK("http://evil","x")',
      "association",
      "-2+3",
      "'=already",
      "",
      "14",
      false,
      "open-data",
      "",
      "https://example.org/a",
    ]);
    const { records, issues } = readCsvRecords("orgs.csv", `${header}\n${row}`);
    expect(issues).toEqual([]);
    expect(records[0]?.raw).toMatchObject({
      name: '=HYPERLINK("http://evil","x")',
      summary: { sv: "-2+3", en: "'=already" },
    });
  });
});

describe("the coverage table's CSV", () => {
  const t = ((key: string) => (key === "coverage.table.region" ? "=Län" : key)) as unknown as TFunction;
  // The gap score is never negative in real data; a negative one here shows that no number is ever prefixed.
  const row = {
    code: "14",
    name: { sv: "@Västra Götaland", en: "@Västra Götaland" },
    rank: 1,
    population: { count: 1_700_000, year: 2024 },
    counts: { projects: 3, organisations: 4, localGroups: 1 },
    perCapita: { projects: 0.2, organisations: 0.3, localGroups: 0.1 },
    activity: 7,
    gap: { populationShare: 0.163, activityShare: 0.1, score: -6.3, status: "below" },
  } as unknown as RegionCoverage;

  it("neutralises text cells, keeps a negative number a number, in both languages", () => {
    for (const lang of ["sv", "en"] as const) {
      const csv = coverageCsv([row], lang, t);
      const delimiter = lang === "sv" ? ";" : ",";
      const rows = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ""), { delimiter, skipEmptyLines: true }).data;
      const cells = rows.flat();
      expect(cells).toContain("'=Län");
      expect(cells).toContain("'@Västra Götaland");
      expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c) && !/^-\d/.test(c))).toEqual([]);
      expect(cells.some((c) => /^-\d/.test(c))).toBe(true);
    }
  });
});
