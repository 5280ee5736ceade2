/** Pins label wrapping: whole words per line, long words never broken, and a cut only past the last line, with "…". */
import { describe, expect, it } from "vitest";
import { wrapLabel } from "../../client/graph-view/labels/wrap-label";

// Every character half an em wide: a line of maxEm 5 holds 10 characters.
const measure = (text: string) => text.length * 0.5;

describe("wrapLabel", () => {
  it("rejects a width or line count that could hold nothing", () => {
    expect(() => wrapLabel("a", measure, 0)).toThrow(RangeError);
    expect(() => wrapLabel("a", measure, 5, 0)).toThrow(RangeError);
  });

  it("keeps a short name on one line", () => {
    expect(wrapLabel("Digidem Lab", measure, 6)).toEqual({ lines: ["Digidem Lab"], cut: false });
  });

  it("breaks between words, never inside one", () => {
    expect(wrapLabel("Region Västra Götaland", measure, 7).lines).toEqual(["Region Västra", "Götaland"]);
    expect(wrapLabel("Socialförsäkringsutredningen AB", measure, 5).lines).toEqual([
      "Socialförsäkringsutredningen",
      "AB",
    ]);
  });

  it("cuts only what does not fit in the allowed lines, and says so", () => {
    const wrapped = wrapLabel("one two three four five six seven eight", measure, 5, 2);
    expect(wrapped.cut).toBe(true);
    expect(wrapped.lines).toHaveLength(2);
    expect(wrapped.lines[0]).toBe("one two");
    expect(wrapped.lines[1]?.endsWith("…")).toBe(true);
    expect(measure(wrapped.lines[1] as string)).toBeLessThanOrEqual(5);
    expect(wrapLabel("one two three four five six seven eight", measure, 5).lines.join(" ")).toBe(
      "one two three four five six seven eight",
    );
  });
});
