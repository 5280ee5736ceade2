/** The links in mail open the right page, and nothing else in the fragment opens anything. */
import { describe, expect, it } from "vitest";
import { pageOfMailLink } from "../../client/features/account/mail-link";

const token = `${"A".repeat(40)}b-_`;

describe("pageOfMailLink", () => {
  it("opens the page each mail link names", () => {
    expect(pageOfMailLink(`#verify=${token}`)).toEqual({ page: "verify", token });
    expect(pageOfMailLink(`#reset=${token}`)).toEqual({ page: "reset", token });
    expect(pageOfMailLink(`#email=${token}`)).toEqual({ page: "confirm-email", token });
    expect(pageOfMailLink("#history=project%3Aegenmakt")).toEqual({ page: "history", kind: "project", id: "egenmakt" });
    expect(pageOfMailLink("#review")).toEqual({ page: "review" });
    expect(pageOfMailLink("#account")).toEqual({ page: "settings" });
  });

  it("ignores anything else", () => {
    for (const hash of [
      "",
      "#",
      "#reset=short",
      `#reset=${token}x`,
      "#history=region%3A01",
      "#history=project%3A<x>",
      "#other=1",
    ])
      expect(pageOfMailLink(hash), hash).toBeUndefined();
  });
});
