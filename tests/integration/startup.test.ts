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

  it("validates the mail settings, naming each", () => {
    expect(() => readEnv({ SMTP_URL: "http://mail.example.org" })).toThrow(/SMTP_URL: must be an smtp:\/\//);
    expect(() => readEnv({ MAIL_FROM: "not an address" })).toThrow(/MAIL_FROM: must be an address/);
    expect(() => readEnv({ PUBLIC_URL: "ftp://x" })).toThrow(/PUBLIC_URL: must be an http/);
    const env = readEnv({
      SMTP_URL: "smtps://user:pass@mail.example.org:465",
      MAIL_FROM: "Partnerkartan <karta@example.org>",
      PUBLIC_URL: "https://karta.example.org/",
    });
    expect(env).toMatchObject({
      MAIL_FROM: "Partnerkartan <karta@example.org>",
      PUBLIC_URL: "https://karta.example.org",
    });
    const defaults = readEnv({});
    expect([defaults.SMTP_URL, defaults.PUBLIC_URL]).toEqual([undefined, undefined]);
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
      expect(await store.isSeeded()).toBe(false);
      await store.close();
    }
  });
});
