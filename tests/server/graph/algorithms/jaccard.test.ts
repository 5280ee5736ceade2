/** One-against-all Jaccard on the CSR, against values computed by hand and a brute-force set version. */
import { describe, expect, it } from "vitest";
import { Random } from "../../../../server/generate/random";
import { jaccardAgainstAll } from "../../../../server/graph/algorithms/jaccard";
import { csrFromEdges } from "../../../../server/graph/csr";

describe("jaccardAgainstAll", () => {
  // 0–1, 0–2, 0–3, 4–1, 4–2, 5–3, 5–6, plus a parallel 0–1 and a self-loop 6–6 that the snapshot drops; 7 isolated.
  // N(0) = {1,2,3}, N(4) = {1,2}, N(5) = {3,6}, N(6) = {5}, N(1) = N(2) = {0,4}, N(3) = {0,5}.
  const csr = csrFromEdges(8, new Int32Array([0, 1, 0, 2, 0, 3, 4, 1, 4, 2, 5, 3, 5, 6, 1, 0, 6, 6]));

  it("gives |N(u) ∩ N(v)| / |N(u) ∪ N(v)| by hand", () => {
    expect(Array.from(jaccardAgainstAll(csr, 0))).toEqual([1, 0, 0, 0, 2 / 3, 1 / 4, 0, 0]);
    expect(Array.from(jaccardAgainstAll(csr, 1))).toEqual([0, 1, 1, 1 / 3, 0, 0, 0, 0]);
    expect(Array.from(jaccardAgainstAll(csr, 6))).toEqual([0, 0, 0, 1 / 2, 0, 0, 1, 0]);
    expect(Array.from(jaccardAgainstAll(csr, 7))).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it("equals a brute-force set computation on random graphs", () => {
    const random = Random.fromSeed(11);
    for (let trial = 0; trial < 20; trial++) {
      const n = 1 + random.below(40);
      const g = csrFromEdges(
        n,
        Int32Array.from({ length: 2 * random.below(4 * n) }, () => random.below(n)),
      );
      const sets = Array.from({ length: n }, (_, i) => new Set(g.neighbours.subarray(g.offsets[i], g.offsets[i + 1])));
      const u = random.below(n);
      const ours = jaccardAgainstAll(g, u);
      sets.forEach((s, v) => {
        const common = [...s].filter((x) => sets[u]?.has(x)).length;
        const union = s.size + (sets[u]?.size ?? 0) - common;
        expect(ours[v]).toBeCloseTo(union === 0 ? 0 : common / union, 12);
      });
    }
  });

  it("names a node that is not there", () => {
    expect(() => jaccardAgainstAll(csr, 8)).toThrow("No node 8 in a graph of 8 nodes");
  });
});
