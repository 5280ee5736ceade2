/**
 * One message per form field, from either side: zod issues found in the browser, or the server's refusal (whose
 * message names each field: `field "record.name": …`). Paths are normalised to the form's field names.
 */
import type { TFunction } from "i18next";

export interface FieldProblem {
  /** The form's field name: "name", "summary.sv", "sources", … */
  field: string;
  /** What the schema or server said, in English; shown only when no better message is known. */
  detail: string;
  /** The request clashed with stored data (HTTP 409). */
  conflict?: boolean;
}

/** "record.sources.0" → "sources"; "record.summary.sv" → "summary.sv". */
export function fieldOf(path: readonly PropertyKey[] | string): string {
  const parts = typeof path === "string" ? path.split(".") : path.map(String);
  return parts
    .filter((p, i) => !(i === 0 && p === "record"))
    .filter((p) => !/^\d+$/.test(p))
    .join(".");
}

export function problemsFromIssues(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): FieldProblem[] {
  return issues.map((issue) => ({ field: fieldOf(issue.path), detail: issue.message }));
}

/** Reads every `field "x": message` of a server error; an error naming no field gives none. */
export function problemsFromServer(message: string, status: number | undefined): FieldProblem[] {
  const found: FieldProblem[] = [];
  for (const match of message.matchAll(/field "([^"]+)": ((?:(?!; field ").)*)/g)) {
    found.push({ field: fieldOf(match[1] as string), detail: (match[2] as string).trim(), conflict: status === 409 });
  }
  return found;
}

/** The first problem per field, in the user's language where the field is known. */
export function localiseProblems(problems: FieldProblem[], t: TFunction, id: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of problems) {
    if (out[p.field] !== undefined) continue;
    out[p.field] = localise(p, t, id);
  }
  return out;
}

/** The limits and the text rule (shared/schema/text.ts) say the same whatever the field. */
function localiseRule(detail: string, t: TFunction): string | undefined {
  const tooLong = /^at most (\d+) characters/.exec(detail);
  if (tooLong) return t("registration.errors.tooLong", { max: Number(tooLong[1]) });
  const tooMany = /^at most (\d+) (items|sources)/.exec(detail);
  if (tooMany) return t("registration.errors.tooMany", { max: Number(tooMany[1]) });
  const forbidden = /\((U\+[0-9A-F]{4,6})\) at character (\d+)/.exec(detail);
  if (forbidden)
    return t("registration.errors.forbiddenCharacter", { codePoint: forbidden[1], position: Number(forbidden[2]) });
  return undefined;
}

function localise({ field, detail, conflict }: FieldProblem, t: TFunction, id: string): string {
  const rule = localiseRule(detail, t);
  if (rule) return rule;
  if (conflict && (field === "id" || field === "")) {
    return /waiting|pending/i.test(detail)
      ? t("registration.errors.pendingTaken")
      : t("registration.errors.idTaken", { id });
  }
  switch (field) {
    case "name":
    case "id":
      return t("registration.errors.name");
    case "summary.sv":
    case "summary.en":
    case "summary":
      return t("registration.errors.summary");
    case "website":
      return t("registration.errors.website");
    case "sources":
      return t("registration.errors.sources");
    case "startYear":
      return t("registration.errors.year");
    case "endYear":
      return /before/i.test(detail) ? t("registration.errors.endYear") : t("registration.errors.year");
    case "partners":
      return /lead/i.test(detail) ? t("registration.errors.partners") : t("registration.errors.unknown", { detail });
    case "kind":
      return t("registration.errors.kind");
    case "topics":
    case "skills":
    case "skillsNeeded":
    case "regions":
    case "lead":
      return t("registration.errors.unknown", { detail });
    default:
      return t("registration.errors.generic", { detail });
  }
}
