/** Pins the operations settings (issue 19): defaults, units, and a bad value refused with the setting named. */
import { describe, expect, it } from "vitest";
import { readEnv } from "../../server/env";

describe("operations settings", () => {
  it("has the documented defaults: no backups, a daily interval, keep 7, quiet logs at 1000 ms", () => {
    const env = readEnv({});
    expect(env).toMatchObject({ BACKUP_EVERY: 86_400_000, BACKUP_KEEP: 7, SLOW_REQUEST_MS: 1000, ACCESS_LOG: false });
    expect(env.BACKUP_DIR).toBeUndefined();
    expect(env.METRICS_TOKEN).toBeUndefined();
  });

  it("reads intervals with a unit, an absolute backup folder and the access-log flag", () => {
    const env = readEnv({ BACKUP_DIR: "backups", BACKUP_EVERY: "6h", ACCESS_LOG: "true" });
    expect(env.BACKUP_EVERY).toBe(6 * 3_600_000);
    expect(env.BACKUP_DIR).toMatch(/^\/.*\/backups$/);
    expect(env.ACCESS_LOG).toBe(true);
    expect(readEnv({ BACKUP_EVERY: "90s" }).BACKUP_EVERY).toBe(90_000);
  });

  it("refuses bad values, naming the setting and what it got", () => {
    expect(() => readEnv({ BACKUP_EVERY: "6 hours" })).toThrow(
      /BACKUP_EVERY: expected a whole number and a unit.*\(got "6 hours"\)/,
    );
    expect(() => readEnv({ BACKUP_EVERY: "0m" })).toThrow(/BACKUP_EVERY/);
    expect(() => readEnv({ BACKUP_KEEP: "0" })).toThrow(/BACKUP_KEEP/);
    expect(() => readEnv({ ACCESS_LOG: "maybe" })).toThrow(/ACCESS_LOG: expected "true" or "false"/);
    // A secret is not echoed back, only its length.
    expect(() => readEnv({ METRICS_TOKEN: "short" })).toThrow(
      /METRICS_TOKEN: at least 16 characters \(got 5 characters\)/,
    );
    expect(() => readEnv({ SLOW_REQUEST_MS: "fast" })).toThrow(/SLOW_REQUEST_MS/);
  });
});
