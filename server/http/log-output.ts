/**
 * Where the server's log lines go, and what they may say. JSON, one object a line, when stdout is not a terminal (a
 * service manager or a log collector reads it); short readable text on a terminal. Either way a line never carries
 * an e-mail address (replaced by "[e-mail]"), a cookie, an Authorization header or a query string of /trpc (inputs:
 * sign-in addresses, passwords, tokens); request bodies are never logged.
 */
import type { FastifyServerOptions } from "fastify";

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

export const scrubEmails = (text: string): string => text.replace(EMAIL, "[e-mail]");

/** A URL as it may be logged: /trpc calls without their input (the procedure names stay). */
export function loggableUrl(url: string): string {
  const query = url.indexOf("?");
  if (query < 0 || !url.startsWith("/trpc/")) return scrubEmails(url);
  return `${url.slice(0, query)}?…`;
}

const LEVELS: Record<number, string> = { 10: "TRACE", 20: "DEBUG", 30: "INFO", 40: "WARN", 50: "ERROR", 60: "FATAL" };
const HIDDEN = new Set(["level", "time", "pid", "hostname", "msg", "reqId", "err"]);

/** One JSON log line as text: "03:12:45 WARN slow request method=GET url=/api/graph status=200 ms=1840". */
export function readableLine(json: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json;
  }
  const time = new Date(Number(entry.time ?? Date.now())).toTimeString().slice(0, 8);
  const fields = Object.entries(entry)
    .filter(([key]) => !HIDDEN.has(key))
    .map(([key, value]) => `${key}=${typeof value === "string" ? value : JSON.stringify(value)}`);
  let line = [time, (LEVELS[Number(entry.level)] ?? "LOG").padEnd(5), entry.msg, ...fields].join(" ");
  const err = entry.err as { type?: string; message?: string; stack?: string } | undefined;
  if (err) line += `\n    ${(err.stack ?? `${err.type}: ${err.message}`).replace(/\n/g, "\n    ")}`;
  return `${line}\n`;
}

export interface LogSink {
  write(line: string): void;
}

export function logSink(out: NodeJS.WritableStream & { isTTY?: boolean } = process.stdout): LogSink {
  const readable = out.isTTY === true;
  return { write: (line) => void out.write(scrubEmails(readable ? readableLine(line) : line)) };
}

/** Fastify's logger: the level, the sink, and serializers that keep requests to method and safe URL. */
export function loggerOptions(level: string, sink: LogSink = logSink()): FastifyServerOptions["logger"] {
  if (level === "silent") return false;
  return {
    level,
    stream: sink,
    serializers: {
      req: (request: { method?: string; url?: string }) => ({
        method: request.method,
        url: loggableUrl(request.url ?? ""),
      }),
      res: (reply: { statusCode?: number }) => ({ statusCode: reply.statusCode }),
    },
    // Belts and braces: should a request or its headers ever be logged whole, these never appear.
    redact: {
      paths: [
        "req.headers.authorization",
        "req.headers.cookie",
        "req.body",
        "res.headers['set-cookie']",
        "headers.authorization",
        "headers.cookie",
        "body",
        "password",
        "email",
        "token",
      ],
      censor: "[redacted]",
    },
  };
}
