/** The shared text rules and limits (shared/schema/text.ts, display-name.ts, limits.ts), on their own. */
import { describe, expect, it } from "vitest";
import { DisplayNameSchema } from "../../shared/schema/account";
import { idList, NameSchema, SlugSchema, SourcesSchema, SummarySchema } from "../../shared/schema/common";
import { displayNameKey, reservedTermIn } from "../../shared/schema/display-name";
import { MAX_CHARS, MAX_ITEMS } from "../../shared/schema/limits";
import { findForbiddenCharacter, safeText, withoutForbidden } from "../../shared/schema/text";

const single = safeText({ max: 50 });
const multi = safeText({ max: 50, multiline: true });
const issueOf = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues.map((i) => i.message).join("; ");

describe("safeText", () => {
  it("normalises to NFC and trims", () => {
    expect(single.parse("  Cafe\u0301 Kollektivet\n")).toBe("Caf\u00e9 Kollektivet");
    expect(single.parse("A\u030Angermanland")).toBe("\u00c5ngermanland");
  });

  it("bounds the length after normalising, with a message giving the limit", () => {
    expect(single.safeParse("x".repeat(50)).success).toBe(true);
    expect(issueOf(single.safeParse("x".repeat(51)))).toBe("at most 50 characters");
    // 50 composed letters typed decomposed (100 code units) still fit.
    expect(single.parse("e\u0301".repeat(50))).toHaveLength(50);
  });

  it.each([
    ["NUL", "Anna\u0000Svensson", "U+0000", "a control character"],
    ["a bell", "Anna\u0007", "U+0007", "a control character"],
    ["a C1 control", "Anna\u0085Svensson", "U+0085", "a control character"],
    ["right-to-left override", "Digidem \u202Ebal", "U+202E", "bidirectional"],
    ["left-to-right isolate", "\u2066Digidem Lab", "U+2066", "bidirectional"],
    ["right-to-left mark", "Digidem\u200F Lab", "U+200F", "bidirectional"],
    ["zero-width space", "Digi\u200Bdem", "U+200B", "invisible"],
    ["word joiner", "Digi\u2060dem", "U+2060", "invisible"],
    ["a byte order mark inside", "Digi\uFEFFdem", "U+FEFF", "invisible"],
    ["soft hyphen", "Digi\u00ADdem", "U+00AD", "invisible"],
    ["a tag character", "Digidem\u{E0041}", "U+E0041", "invisible"],
    ["a Hangul filler", "Digi\u3164dem", "U+3164", "invisible"],
    ["a private-use character", "Digi\uE000dem", "U+E000", "private-use"],
    ["an unpaired surrogate", "Digi\uD800dem", "U+D800", "unpaired surrogate"],
    ["a line separator", "Digi\u2028dem", "U+2028", "control"],
    ["a zero-width joiner between letters", "An\u200Dna", "U+200D", "invisible"],
    ["a zero-width non-joiner between Latin letters", "An\u200Cna", "U+200C", "invisible"],
  ])("refuses %s, naming the code point and its position", (_what, text, codePoint, what) => {
    const message = issueOf(single.safeParse(text));
    expect(message).toContain(`(${codePoint})`);
    expect(message).toContain(what);
    expect(message).toMatch(/at character \d+; remove it/);
    expect(findForbiddenCharacter(text)?.codePoint).toBe(codePoint);
  });

  it("allows tab and line breaks only in multi-line fields", () => {
    expect(multi.parse("Rad ett.\nRad två.\tSlut.")).toBe("Rad ett.\nRad två.\tSlut.");
    expect(issueOf(single.safeParse("Rad ett.\nRad två."))).toContain("(U+000A)");
    expect(issueOf(multi.safeParse("Rad\u0000"))).toContain("(U+0000)");
  });

  it("keeps real writing: emoji sequences, Persian and Hindi non-joiners, diacritics, CJK", () => {
    for (const text of [
      "Kodklubben 👩‍💻",
      "👨‍👩‍👧 Familjecentralen",
      "🏳️‍🌈 Regnbågsnätverket",
      "می‌خواهم",
      "क्‌ष",
      "Åsa Öberg-Ängström",
      "Ōsaka 大阪",
      "Zoë Saldaña",
    ]) {
      expect(single.safeParse(text), text).toMatchObject({ success: true, data: text.normalize("NFC") });
    }
  });
});

describe("withoutForbidden", () => {
  it("removes each refused character, named at its place in the text as given, and keeps allowed joiners", () => {
    const { text, removed } = withoutForbidden("Ring\u200B Anna \u202Eigen 👩\u200D💻\nrad 2", { multiline: true });
    expect(text).toBe("Ring Anna igen 👩\u200D💻\nrad 2");
    expect(removed.map((r) => [r.codePoint, r.position])).toEqual([
      ["U+200B", 5],
      ["U+202E", 12],
    ]);
    expect(withoutForbidden("ren text")).toEqual({ text: "ren text", removed: [] });
  });
});

describe("limits in the entity schemas", () => {
  it("bound names, summaries, URLs, slugs and lists", () => {
    expect(NameSchema.safeParse("n".repeat(MAX_CHARS.name)).success).toBe(true);
    expect(NameSchema.safeParse("n".repeat(MAX_CHARS.name + 1)).success).toBe(false);
    const summary = "s".repeat(MAX_CHARS.summary);
    expect(SummarySchema.safeParse({ sv: summary, en: summary }).success).toBe(true);
    expect(SummarySchema.safeParse({ sv: `${summary}s`, en: "ok" }).success).toBe(false);
    const url = (n: number) => `https://example.org/${"a".repeat(n - 20)}`;
    expect(SourcesSchema.safeParse([url(MAX_CHARS.url)]).success).toBe(true);
    expect(SourcesSchema.safeParse([url(MAX_CHARS.url + 1)]).success).toBe(false);
    expect(SourcesSchema.safeParse(Array(MAX_ITEMS.sources + 1).fill("https://e.org")).success).toBe(false);
    expect(SlugSchema.safeParse("a".repeat(MAX_CHARS.slug + 1)).success).toBe(false);
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `id-${i}`);
    expect(idList(SlugSchema).safeParse(ids(MAX_ITEMS.list)).success).toBe(true);
    expect(issueOf(idList(SlugSchema).safeParse(ids(MAX_ITEMS.list + 1)))).toContain(`at most ${MAX_ITEMS.list} items`);
  });

  it("refuses a URL hiding a bidi override", () => {
    expect(SourcesSchema.safeParse(["https://example.org/\u202Egpj.exe"]).success).toBe(false);
  });
});

describe("display names", () => {
  it("fold case, width, spacing and invisible characters into one key", () => {
    const key = displayNameKey("Anna Svensson");
    for (const same of [
      "ANNA SVENSSON",
      "anna  svensson",
      " Anna Svensson ",
      "Anna\u200B Svensson",
      "Ａｎｎａ Ｓｖｅｎｓｓｏｎ",
    ])
      expect(displayNameKey(same), same).toBe(key);
    expect(displayNameKey("Straße")).toBe(displayNameKey("STRASSE"));
    expect(displayNameKey("Änna Svensson")).not.toBe(key);
  });

  it.each([
    "System",
    "admin",
    "ADMIN",
    "Admin Anna",
    "Anna (admin)",
    "anna-admin",
    "Administratör",
    "Koordinator Kim",
    "Samordnaren",
    "Moderator",
    "Partnerkartan",
    "Civic Tech Sweden",
    "civic-tech-sweden",
    "CivicTechSweden",
    "A.D.M.I.N",
    "Ａｄｍｉｎ",
    "Ad\u200Bmin",
  ])("reserves %s", (name) => {
    expect(reservedTermIn(name)).toBeDefined();
  });

  it.each(["Anna Svensson", "Adminson", "Systemvetare Sara", "Tech Sweden AB", "Kim från Civic Tech Göteborg"])(
    "allows %s",
    (name) => {
      expect(reservedTermIn(name)).toBeUndefined();
      expect(DisplayNameSchema.safeParse(name).success).toBe(true);
    },
  );

  it("refuses reserved, over-long and invisible-character names in the schema", () => {
    expect(issueOf(DisplayNameSchema.safeParse("Admin Anna"))).toBe('"admin" is reserved and cannot be part of a name');
    expect(DisplayNameSchema.safeParse("n".repeat(MAX_CHARS.displayName + 1)).success).toBe(false);
    expect(DisplayNameSchema.safeParse("Anna\u202E").success).toBe(false);
  });
});
