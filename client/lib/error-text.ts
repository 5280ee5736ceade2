/**
 * Server errors in the reader's language. The server answers in English for developers (`Invalid input: field "q":
 * at most 200 characters`); people see what went wrong and what to do, from the HTTP status and the field named.
 */
import { TRPCClientError } from "@trpc/client";
import type { TFunction } from "i18next";

/** A plain HTTP request (not tRPC) that failed with a status: the graph, an export. */
export class HttpStatusError extends Error {
  override name = "HttpStatusError";
  constructor(
    readonly status: number,
    what: string,
  ) {
    super(`${what}: HTTP ${status}`);
  }
}

export function httpStatusOf(error: unknown): number | undefined {
  if (error instanceof HttpStatusError) return error.status;
  if (error instanceof TRPCClientError) return (error.data as { httpStatus?: number } | undefined)?.httpStatus;
  return (error as { data?: { httpStatus?: number } } | null | undefined)?.data?.httpStatus;
}

/** Fields a visitor can type into outside the forms (which name their own fields): the search box. */
const KNOWN_FIELDS = ["q"] as const;

/** The code point and position of a refused character (shared/schema/text.ts), found on the client or in a message. */
export interface ForbiddenAt {
  codePoint: string;
  position: number;
}

/** Reads "… (U+200B) at character 4 …", the text rule's message, from a server error. */
export function forbiddenIn(message: string): ForbiddenAt | undefined {
  const found = /\((U\+[0-9A-F]{4,6})\) at character (\d+)/.exec(message);
  return found ? { codePoint: found[1] as string, position: Number(found[2]) } : undefined;
}

/** "Innehåller ett osynligt tecken eller styrtecken (U+200B) på plats 4 …": the same sentence in every form. */
export const forbiddenText = (found: ForbiddenAt, t: TFunction) => t("errors.forbiddenCharacter", { ...found });

/** What a 400 says about one field, read from the server's English (or zod's own wording). */
function invalidInput(message: string, t: TFunction): string {
  const forbidden = forbiddenIn(message);
  if (forbidden) return forbiddenText(forbidden, t);
  const field = /field "([^"]+)"/.exec(message)?.[1];
  const named = (KNOWN_FIELDS as readonly string[]).includes(field ?? "")
    ? t(`errors.field.${field}`)
    : t("errors.field.input");
  const tooLong = /at most (\d+) characters|Too big: expected string to have <=?\s*(\d+)/i.exec(message);
  if (tooLong) return t("errors.tooLong", { field: named, max: Number(tooLong[1] ?? tooLong[2]) });
  const tooShort = /at least (\d+) characters|Too small: expected string to have >=?\s*(\d+)/i.exec(message);
  if (tooShort) return t("errors.tooShort", { field: named, min: Number(tooShort[1] ?? tooShort[2]) });
  if (/too big|too many|at most/i.test(message)) return t("errors.tooBig", { field: named });
  if (/too small|at least/i.test(message)) return t("errors.tooSmall", { field: named });
  return t("errors.invalid", { field: named });
}

export function errorText(error: unknown, t: TFunction): string {
  const status = httpStatusOf(error);
  const message = error instanceof Error ? error.message : String(error ?? "");
  switch (status) {
    case 400:
      return invalidInput(message, t);
    case 401:
      return t("errors.signIn");
    case 403:
      return t("errors.forbidden");
    case 404:
      return t("errors.notFound");
    case 409:
      return t("errors.conflict");
    case 413:
      return t("errors.tooLarge");
    case 429:
      return t("errors.tooMany");
    case 503:
      return t("errors.busy");
    case undefined:
      // No answer at all: fetch failed (offline, server down) or the answer was not JSON.
      return t("errors.offline");
    default:
      return status >= 500 ? t("errors.server") : t("errors.unknown", { status });
  }
}
