/** Pins the translations: Swedish and English have exactly the same keys, and no text is empty. */
import { describe, expect, it } from "vitest";
import { en } from "../../client/i18n/en";
import { sv } from "../../client/i18n/sv";

function flatten(tree: object, prefix = ""): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === "string") out[`${prefix}${key}`] = value;
    else Object.assign(out, flatten(value as object, `${prefix}${key}.`));
  }
  return out;
}

describe("message catalogues", () => {
  const svKeys = flatten(sv);
  const enKeys = flatten(en);

  it("have the same keys in Swedish and English", () => {
    expect(Object.keys(enKeys).sort()).toEqual(Object.keys(svKeys).sort());
  });

  it("have no empty text", () => {
    for (const [key, text] of [...Object.entries(svKeys), ...Object.entries(enKeys)])
      expect(text.trim(), key).not.toBe("");
  });

  it("keep the same placeholders in both languages", () => {
    const placeholders = (text: string) => (text.match(/{{\w+}}/g) ?? []).sort();
    for (const key of Object.keys(svKeys))
      expect(placeholders(enKeys[key] ?? ""), key).toEqual(placeholders(svKeys[key] ?? ""));
  });

  it("spell download one way in Swedish: “Ladda ned”, never “Ladda ner”", () => {
    const ner = Object.entries(svKeys).filter(([, text]) => /ladda ner/i.test(text));
    expect(ner).toEqual([]);
    expect(Object.values(svKeys).filter((text) => /ladda ned/i.test(text)).length).toBeGreaterThan(1);
  });
});
