/** Pins the leave-one-out evaluation: its bookkeeping, and that the engine beats every baseline on a fixed-seed synthetic graph. */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateDataset } from "../../../server/generate/generate-dataset";
import { allLinks, evaluate, rankOf, sampleLinks, standardRankers, withoutLink } from "../../../server/match/evaluate";
import { loadDataDir } from "../../../server/store/load-data-dir";
import { matchDataset } from "./match-fixture";

describe("evaluation bookkeeping", () => {
  it("lists every lead and partner link, and removes exactly one", () => {
    const data = matchDataset();
    expect(allLinks(data)).toEqual([
      { project: "p", organisation: "lead-a" },
      { project: "q", organisation: "lead-a" },
      { project: "q", organisation: "colleague-g" },
    ]);
    const hidden = withoutLink(data, { project: "q", organisation: "lead-a" });
    const q = hidden.projects.find((p) => p.id === "q");
    expect(q?.lead).toBeUndefined();
    expect(q?.partners).toEqual(["colleague-g"]);
    expect(data.projects.find((p) => p.id === "q")?.lead).toBe("lead-a");
  });

  it("places an unranked item at the expected rank among the unranked rest", () => {
    expect(rankOf(["a", "b", "c"], "b", 10)).toBe(2);
    expect(rankOf(["a", "b"], "z", 10)).toBe(2 + 9 / 2);
    expect(rankOf([], "z", 1)).toBe(1);
  });

  it("samples deterministically", () => {
    const links = Array.from({ length: 50 }, (_, i) => ({ project: `p${i}`, organisation: "o" }));
    expect(sampleLinks(links, 10, 3)).toEqual(sampleLinks(links, 10, 3));
    expect(sampleLinks(links, 10, 3)).not.toEqual(sampleLinks(links, 10, 4));
  });
});

describe("engine against baselines", () => {
  it("beats random, popularity, topics-only and geography-only on recall@10 and MRR (synthetic, seed 7)", () => {
    const taxonomy = loadDataDir(join(import.meta.dirname, "..", "..", "..", "data"));
    const data = generateDataset({ projects: 300, organisations: 450, seed: 7 }, taxonomy);
    const results = evaluate(data, sampleLinks(allLinks(data), 150, 7), standardRankers());
    const engine = results.engine as NonNullable<(typeof results)["engine"]>;
    for (const [name, baseline] of Object.entries(results)) {
      if (name === "engine") continue;
      expect(engine.recallAt10, `recall@10 vs ${name}`).toBeGreaterThan(baseline.recallAt10);
      expect(engine.mrr, `MRR vs ${name}`).toBeGreaterThan(baseline.mrr);
    }
  }, 60_000);
});
