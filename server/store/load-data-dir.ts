/** Reads and validates the seed files in data/: a bad file stops start-up with the file, entity and field named. */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import {
  DATASET_FILES,
  type Dataset,
  type DatasetPart,
  DatasetSchema,
  findDatasetIssues,
  formatDatasetIssue,
} from "../../shared/schema/dataset";

export class DataFileError extends Error {
  override name = "DataFileError";
}

function describeIssue(file: string, items: unknown[], issue: z.core.$ZodIssue): string {
  const [index, ...field] = issue.path;
  if (typeof index !== "number") return `${file}: ${issue.message}`;
  const item = items[index] as { id?: unknown; code?: unknown } | undefined;
  const id = item?.id ?? item?.code;
  const who = id === undefined ? `entity ${index}` : `entity ${index} (id "${String(id)}")`;
  const where = field.length > 0 ? `, field "${field.join(".")}"` : "";
  return `${file}: ${who}${where}: ${issue.message}`;
}

/** Parses one part's JSON text; throws a DataFileError naming the file and each bad field. */
export function parseDataFile(part: DatasetPart, file: string, text: string): Dataset[DatasetPart] {
  let items: unknown;
  try {
    items = JSON.parse(text);
  } catch (error) {
    throw new DataFileError(`${file}: not valid JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(items)) throw new DataFileError(`${file}: must hold a JSON array of ${part}`);
  const result = DatasetSchema.shape[part].safeParse(items);
  if (!result.success) {
    const lines = result.error.issues.slice(0, 20).map((issue) => describeIssue(file, items as unknown[], issue));
    throw new DataFileError(`Invalid data file:\n  ${lines.join("\n  ")}`);
  }
  return result.data;
}

/** Throws a DataFileError listing the first dangling references or duplicate ids, if any. */
export function assertConsistent(data: Dataset, origin: string): Dataset {
  const issues = findDatasetIssues(data);
  if (issues.length > 0) {
    throw new DataFileError(
      `Inconsistent data set in ${origin}:\n  ${issues.slice(0, 20).map(formatDatasetIssue).join("\n  ")}`,
    );
  }
  return data;
}

/** Validates a data set built in memory (e.g. by the synthetic generator) exactly as the seed files are validated. */
export function checkDataset(data: unknown, origin: string): Dataset {
  const result = DatasetSchema.safeParse(data);
  if (!result.success) throw new DataFileError(`Invalid data set from ${origin}:\n${z.prettifyError(result.error)}`);
  return assertConsistent(result.data, origin);
}

/** Loads the whole data set from a folder and checks that every reference resolves. */
export function loadDataDir(dir: string): Dataset {
  const dataset = {} as Record<DatasetPart, unknown>;
  for (const [part, name] of Object.entries(DATASET_FILES) as [DatasetPart, string][]) {
    const file = join(dir, name);
    if (!existsSync(file))
      throw new DataFileError(`${file}: missing (the data set needs ${Object.values(DATASET_FILES).join(", ")})`);
    dataset[part] = parseDataFile(part, file, readFileSync(file, "utf8"));
  }
  const data = dataset as Dataset;
  const issues = findDatasetIssues(data);
  if (issues.length > 0) {
    throw new DataFileError(
      `Inconsistent data set in ${dir}:\n  ${issues.slice(0, 20).map(formatDatasetIssue).join("\n  ")}`,
    );
  }
  return data;
}
