/**
 * Pins the count line under the graph: it counts every drawn kind (topics and skills too), only projects in the
 * project projection, and says "1 organisation" / "2 organisationer" (and "1 county" / "2 counties") in each language.
 */
import i18next from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { countDrawn } from "../../client/features/legend/count-drawn";
import { en } from "../../client/i18n/en";
import { sv } from "../../client/i18n/sv";

const keys = new Set([
  "organisation:a",
  "organisation:b",
  "project:p",
  "topic:open-data",
  "skill:design",
  "skill:law",
  "region:01",
]);

describe("countDrawn", () => {
  it("counts every kind the graph draws", () => {
    expect(countDrawn(keys, "force")).toEqual({ organisation: 2, project: 1, topic: 1, skill: 2, region: 1, event: 0 });
  });

  it("counts only projects in the project projection", () => {
    expect(countDrawn(keys, "projects")).toEqual({
      organisation: 0,
      project: 1,
      topic: 0,
      skill: 0,
      region: 0,
      event: 0,
    });
  });

  it("counts län when only län are shown (nothing there is 'no match')", () => {
    expect(countDrawn(["region:01", "region:25"], "force").region).toBe(2);
  });
});

describe("count texts", () => {
  beforeAll(async () => {
    await i18next.init({ resources: { sv: { translation: sv }, en: { translation: en } }, lng: "sv" });
  });

  it("use the singular for one and the plural for more, in Swedish", () => {
    const t = i18next.getFixedT("sv");
    expect(t("counts.organisation", { count: 1 })).toBe("1 organisation");
    expect(t("counts.organisation", { count: 2 })).toBe("2 organisationer");
    expect(t("counts.topic", { count: 1 })).toBe("1 ämne");
    expect(t("counts.skill", { count: 3 })).toBe("3 kompetenser");
    expect(t("counts.region", { count: 21 })).toBe("21 län");
  });

  it("use the singular for one and the plural for more, in English", () => {
    const t = i18next.getFixedT("en");
    expect(t("counts.organisation", { count: 1 })).toBe("1 organisation");
    expect(t("counts.organisation", { count: 80 })).toBe("80 organisations");
    expect(t("counts.region", { count: 1 })).toBe("1 county");
    expect(t("counts.region", { count: 21 })).toBe("21 counties");
    expect(t("counts.project", { count: 1 })).toBe("1 project");
  });
});
