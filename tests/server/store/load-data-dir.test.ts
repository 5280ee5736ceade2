/** Pins start-up validation of data/: a broken file is refused with its file, entity and field named. */
import { describe, expect, it } from "vitest";
import { loadDataDir } from "../../../server/store/load-data-dir";
import { organisation, smallDataset, writeDataDir } from "../../fixtures/dataset";

describe("loadDataDir", () => {
  it("loads a consistent data set", () => {
    const data = loadDataDir(writeDataDir(smallDataset()));
    expect(data.organisations.map((o) => o.id)).toContain("digidem-lab");
  });

  it("names the file, the entity and the field of an invalid value", () => {
    const data = smallDataset();
    const bad = { ...organisation("broken-org"), kind: "guild" };
    const dir = writeDataDir(data, { organisations: JSON.stringify([...data.organisations, bad]) });
    expect(() => loadDataDir(dir)).toThrow(/organisations\.json: entity 4 \(id "broken-org"\), field "kind"/);
  });

  it("names the file when it is not JSON", () => {
    const dir = writeDataDir(smallDataset(), { topics: "[{ not json" });
    expect(() => loadDataDir(dir)).toThrow(/topics\.json: not valid JSON/);
  });

  it("names the file, entity and field of a reference that does not resolve", () => {
    const data = smallDataset();
    data.organisations.push(organisation("lonely", { regions: ["99"] }));
    expect(() => loadDataDir(writeDataDir(data))).toThrow(
      /organisations\.json: organisations\[4\] \(id "lonely"\), field "regions": unknown region "99"/,
    );
  });

  it("names a missing file", () => {
    const dir = writeDataDir(smallDataset());
    expect(() => loadDataDir(`${dir}/nowhere`)).toThrow(/regions\.json: missing/);
  });
});
