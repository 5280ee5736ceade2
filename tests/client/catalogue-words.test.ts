/**
 * Pins that the Swedish catalogue is Swedish beyond key parity: a word it shares with the English one must be a name,
 * a format or a loanword listed in SHARED_WORDS ("betweenness" in a Swedish text fails here).
 */
import { describe, expect, it } from "vitest";
import { en } from "../../client/i18n/en";
import { sv } from "../../client/i18n/sv";
import { catalogueWords, englishOnlyWords, SHARED_WORDS, wordsOf } from "../fixtures/catalogue-words";

describe("catalogue words", () => {
  it("splits text into lower-cased words, leaving placeholders out", () => {
    expect(wordsOf("Visar {{shown}} av Louvain-community, graphologys format")).toEqual([
      "visar",
      "av",
      "louvain-community",
      "graphologys",
      "format",
    ]);
  });

  it("the Swedish catalogue shares no English word with the English one beyond names, formats and loanwords", () => {
    const english = catalogueWords(en);
    const shared = [...catalogueWords(sv)].filter((w) => english.has(w) && !SHARED_WORDS.has(w));
    expect(shared).toEqual([]);
  });

  it("has distinctive English words to look for, and no Swedish one among them", () => {
    const words = englishOnlyWords();
    for (const w of ["search", "details", "suggested", "weights", "betweenness", "suggestions", "settings"])
      expect(words.has(w), w).toBe(true);
    for (const w of ["sök", "detaljer", "vikter", "digidem", "pagerank"]) expect(words.has(w), w).toBe(false);
  });
});
