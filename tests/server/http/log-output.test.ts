/** Pins what a log line may say and how it reads on a terminal: no e-mail addresses, no /trpc inputs, short text. */
import { describe, expect, it } from "vitest";
import { loggableUrl, logSink, readableLine, scrubEmails } from "../../../server/http/log-output";

describe("log output", () => {
  it("replaces e-mail addresses anywhere in a line", () => {
    expect(scrubEmails('{"msg":"Anna.Berg+test@kommun.example.se failed, ops@x.org too"}')).toBe(
      '{"msg":"[e-mail] failed, [e-mail] too"}',
    );
  });

  it("drops the input of /trpc calls but keeps the procedures; other query strings stay", () => {
    expect(loggableUrl("/trpc/auth.login?input=%7B%22email%22%3A%22a%40b.se%22%7D")).toBe("/trpc/auth.login?…");
    expect(loggableUrl("/trpc/graph.snapshot,search.query?batch=1&input=x")).toBe(
      "/trpc/graph.snapshot,search.query?…",
    );
    expect(loggableUrl("/api/export/nodes.csv?kinds=project")).toBe("/api/export/nodes.csv?kinds=project");
  });

  it("writes readable text on a terminal and JSON elsewhere, scrubbed either way", () => {
    const json = JSON.stringify({
      level: 40,
      time: Date.UTC(2026, 11, 7, 3, 12, 45),
      pid: 1,
      msg: "slow request",
      url: "/api/graph",
      ms: 1840,
      who: "a@b.se",
    });
    const written: string[] = [];
    const terminal = Object.assign({ write: (s: string) => written.push(s) !== 0 }, { isTTY: true });
    logSink(terminal as unknown as NodeJS.WritableStream).write(`${json}\n`);
    expect(written[0]).toMatch(/^\d\d:\d\d:\d\d WARN {2}slow request url=\/api\/graph ms=1840 who=\[e-mail\]\n$/);
    const pipe = { write: (s: string) => written.push(s) !== 0 };
    logSink(pipe as unknown as NodeJS.WritableStream).write(`${json}\n`);
    expect(JSON.parse(written[1] as string)).toMatchObject({ msg: "slow request", who: "[e-mail]" });
  });

  it("shows an error's stack under its line", () => {
    const line = readableLine(
      JSON.stringify({
        level: 50,
        time: 0,
        msg: "request failed",
        err: { type: "SqliteError", message: "no such table", stack: "SqliteError: no such table\n    at x" },
      }),
    );
    expect(line).toContain("ERROR request failed\n    SqliteError: no such table\n        at x");
  });
});
