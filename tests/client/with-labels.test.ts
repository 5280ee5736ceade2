/** Pins when the client asks again with `verbose`: only when the loaded graph is missing or lacks a label. */
import { describe, expect, it } from "vitest";
import { askWithLabels, type labelLookup, MissingLabelError } from "../../client/features/partners/with-labels";

const nodes = [{ key: "organisation:rise", label: { sv: "RISE", en: "RISE" } }];
const resolve = (ids: string[], labelOf: ReturnType<typeof labelLookup>) =>
  ids.map((id) => {
    const label = labelOf(`organisation:${id}`);
    if (!label) throw new MissingLabelError(`organisation:${id}`);
    return label.sv;
  });

function asker(lean: string[]) {
  const asked: string[] = [];
  return {
    asked,
    ask: {
      lean: async () => {
        asked.push("lean");
        return lean;
      },
      verbose: async () => {
        asked.push("verbose");
        return ["(verbose)"];
      },
    },
  };
}

describe("askWithLabels", () => {
  it("asks lean and resolves from the loaded graph", async () => {
    const { ask, asked } = asker(["rise"]);
    expect(await askWithLabels(ask, resolve, nodes)).toEqual(["RISE"]);
    expect(asked).toEqual(["lean"]);
  });

  it("asks verbose once when the loaded graph lacks a label (the data changed since it was loaded)", async () => {
    const { ask, asked } = asker(["rise", "new-org"]);
    expect(await askWithLabels(ask, resolve, nodes)).toEqual(["(verbose)"]);
    expect(asked).toEqual(["lean", "verbose"]);
  });

  it("asks verbose at once when no graph is loaded", async () => {
    const { ask, asked } = asker(["rise"]);
    expect(await askWithLabels(ask, resolve, undefined)).toEqual(["(verbose)"]);
    expect(asked).toEqual(["verbose"]);
  });

  it("lets any other error through", async () => {
    const failing = { lean: async () => Promise.reject(new Error("network down")), verbose: async () => ["x"] };
    await expect(askWithLabels(failing, resolve, nodes)).rejects.toThrow("network down");
  });
});
