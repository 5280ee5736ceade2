/** Pins start-up refusals: a bad setting or a broken data file stops the server with the setting, file and field named. */
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readEnv } from "../../server/env";
import { startServer } from "../../server/http/server";
import { organisation, smallDataset, tempDatabasePath, writeDataDir } from "../fixtures/dataset";

describe("start-up", () => {
  it("rejects a bad PORT naming the setting", () => {
    expect(() => readEnv({ PORT: "eighty" })).toThrow(/PORT: .*\(got "eighty"\)/);
  });

  it("uses the documented defaults", () => {
    const env = readEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.HOST).toBe("localhost");
    expect(env.DATABASE_PATH).toMatch(/data\/partnerkartan\.db$/);
  });

  it("stops on a broken data file, naming file, entity and field, and leaves no half-seeded database", async () => {
    const data = smallDataset();
    data.organisations.push({ ...organisation("bad-org"), website: "not a url" });
    const databasePath = tempDatabasePath();
    const env = readEnv({ PORT: "0", DATABASE_PATH: databasePath, DATA_DIR: writeDataDir(data), LOG_LEVEL: "silent" });
    await expect(startServer(env)).rejects.toThrow(/organisations\.json: entity 4 \(id "bad-org"\), field "website"/);
    // The file may exist (migrations ran) but holds no entities.
    if (existsSync(databasePath)) {
      const { Store } = await import("../../server/store/store");
      const store = new Store(databasePath);
      expect(store.isSeeded()).toBe(false);
      store.close();
    }
  });
});
