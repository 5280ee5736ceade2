/** `npm run export` arguments: GEXF is 1.2 unless --gexf-version 1.3, which only GEXF takes; bad values are usage errors. */
import { describe, expect, it } from "vitest";
import { parseExportArgs, UsageError } from "../../../server/cli/export";

describe("parseExportArgs --gexf-version", () => {
  it("defaults to 1.2 and takes 1.3", () => {
    expect(parseExportArgs(["--format", "gexf", "--out", "-"]).options).toEqual({ gexfVersion: "1.2" });
    expect(parseExportArgs(["--format", "gexf", "--out", "-", "--gexf-version", "1.3"]).options).toEqual({
      gexfVersion: "1.3",
    });
  });

  it("refuses other versions, and the flag with another format", () => {
    expect(() => parseExportArgs(["--format", "gexf", "--out", "-", "--gexf-version", "1.1"])).toThrow(
      /--gexf-version: must be 1\.2 or 1\.3 \(got "1\.1"\)/,
    );
    expect(() => parseExportArgs(["--format", "json", "--out", "-", "--gexf-version", "1.3"])).toThrow(UsageError);
  });
});
