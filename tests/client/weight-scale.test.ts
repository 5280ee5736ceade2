/** Pins the weight sliders' scale: every default is a stop the slider can set again, and values read in the UI language. */
import { describe, expect, it } from "vitest";
import { onScale, WEIGHT_STEP, weightFormat } from "../../client/features/partners/weight-scale";
import { DEFAULT_WEIGHTS, WEIGHT_MAX } from "../../shared/schema/match";

describe("weight scale", () => {
  it("reaches every default weight (the skills default 0.25 included)", () => {
    expect(onScale(DEFAULT_WEIGHTS)).toBe(true);
    expect(DEFAULT_WEIGHTS.skills / WEIGHT_STEP).toBe(Math.round(DEFAULT_WEIGHTS.skills / WEIGHT_STEP));
  });

  it("refuses weights off the scale, as the old half step was for 0.25", () => {
    expect(onScale({ ...DEFAULT_WEIGHTS, skills: 0.3 })).toBe(false);
    expect(onScale({ ...DEFAULT_WEIGHTS, topics: WEIGHT_MAX + WEIGHT_STEP })).toBe(false);
  });

  it("ends on the maximum", () => {
    expect(Number.isInteger(WEIGHT_MAX / WEIGHT_STEP)).toBe(true);
  });

  it("shows a decimal comma in Swedish and a point in English", () => {
    expect(weightFormat("sv").format(0.25)).toBe("0,25");
    expect(weightFormat("en").format(0.25)).toBe("0.25");
    expect(weightFormat("sv").format(1)).toBe("1");
    expect(weightFormat("sv").format(2.5)).toBe("2,5");
  });
});
