/** The server's pg_dump backups keep the password off pg_dump's command line (other users can read a process's). */
import { describe, expect, it } from "vitest";
import { splitPassword } from "../../../server/backup/take-pg-dump";

describe("splitPassword", () => {
  it("takes the password out of the URL, decoded, for PGPASSWORD", () => {
    expect(splitPassword("postgres://pk:s%40cret%2F1@db.internal:5432/partnerkartan")).toEqual({
      url: "postgres://pk@db.internal:5432/partnerkartan",
      password: "s@cret/1",
    });
  });

  it("leaves a URL without a password as it is", () => {
    expect(splitPassword("postgres://pk@localhost/partnerkartan")).toEqual({
      url: "postgres://pk@localhost/partnerkartan",
      password: undefined,
    });
  });
});
