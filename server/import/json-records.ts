/**
 * Reads an import JSON file into records. Either an object of lists, `{ "organisations": […], "fundingCalls": […],
 * "projects": […] }` (any of them), or, for a file named like a data/ file (organisations.json, funding-calls.json,
 * projects.json), that one list. Records have the shape of the data/ files (shared/schema). Errors name line and column.
 */
import { basename } from "node:path";
import { DATASET_FILES } from "../../shared/schema/dataset";
import { JsonSyntaxError, JsonTooDeepError, locateJsonPath, parseJsonText } from "./json-text";
import {
  IMPORTABLE_PARTS,
  type ImportIssue,
  type ImportPart,
  type ImportRecord,
  issueAt,
  MAX_FIELD_CHARS,
} from "./records";
import { LineIndex } from "./text-position";

export interface JsonResult {
  records: ImportRecord[];
  issues: ImportIssue[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Paths of strings longer than the limit, anywhere in a value. */
function* longStrings(value: unknown, path: PropertyKey[] = []): Generator<[PropertyKey[], number]> {
  if (typeof value === "string") {
    if (value.length > MAX_FIELD_CHARS) yield [path, value.length];
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* longStrings(value[i], [...path, i]);
  } else if (isObject(value)) {
    for (const [k, v] of Object.entries(value)) yield* longStrings(v, [...path, k]);
  }
}

export function readJsonRecords(file: string, text: string): JsonResult {
  const lines = new LineIndex(text);
  let data: unknown;
  try {
    data = parseJsonText(text);
  } catch (error) {
    if (error instanceof JsonSyntaxError) {
      const message = error instanceof JsonTooDeepError ? error.message : `not valid JSON: ${error.message}`;
      return { records: [], issues: [issueAt(file, lines.at(error.offset), message)] };
    }
    throw error;
  }
  const at = (path: readonly PropertyKey[]) => locateJsonPath(text, path, lines);
  const issues: ImportIssue[] = [];
  for (const [path, length] of longStrings(data)) {
    issues.push(
      issueAt(file, at(path), `${path.join(".")}: ${length} characters, more than the limit of ${MAX_FIELD_CHARS}`),
    );
  }
  if (issues.length > 0) return { records: [], issues };

  const lists: [ImportPart, unknown, PropertyKey[]][] = [];
  if (Array.isArray(data)) {
    const part = IMPORTABLE_PARTS.find((p) => DATASET_FILES[p] === basename(file));
    if (!part) {
      const names = IMPORTABLE_PARTS.map((p) => DATASET_FILES[p]).join(", ");
      const message = `a bare list needs a file named ${names}; otherwise use an object {"organisations": […], "fundingCalls": […], "projects": […]}`;
      return { records: [], issues: [issueAt(file, { line: 1, column: 1 }, message)] };
    }
    lists.push([part, data, []]);
  } else if (isObject(data)) {
    for (const [key, value] of Object.entries(data)) {
      if ((IMPORTABLE_PARTS as readonly string[]).includes(key)) lists.push([key as ImportPart, value, [key]]);
      else
        issues.push(
          issueAt(
            file,
            at([key]),
            `unknown list ${JSON.stringify(key)} (an import holds ${IMPORTABLE_PARTS.join(", ")})`,
          ),
        );
    }
  } else {
    return {
      records: [],
      issues: [issueAt(file, { line: 1, column: 1 }, "expected a JSON object of lists, or a list")],
    };
  }

  const records: ImportRecord[] = [];
  for (const [part, list, prefix] of lists) {
    if (!Array.isArray(list)) {
      issues.push(issueAt(file, at(prefix), `${String(prefix[0])}: must be a list`));
      continue;
    }
    list.forEach((raw, index) => {
      const path = [...prefix, index];
      if (!isObject(raw)) {
        issues.push(issueAt(file, at(path), `${[...prefix, index].join(".")}: must be an object`));
        return;
      }
      records.push({
        part,
        raw,
        file,
        get position() {
          return at(path);
        },
        locate: (field) => ({ position: at([...path, ...field]), field: field.map(String).join(".") }),
      });
    });
  }
  return { records, issues };
}
