/**
 * `npm run export -- --format gexf|graphml|json|csv --out PATH [--gexf-version 1.2|1.3] [filters]`: writes the graph
 * (or the part a filter keeps) from the database the server uses (DATABASE_PATH), streaming to the file. Filters are
 * the export URLs' parameters as flags: --kinds project,organisation --regions 01,14 --topics open-data --focus
 * organisation:x --hops 2. For csv, PATH is a folder that gets nodes.csv and edges.csv; `--out -` writes gexf, graphml
 * or json to stdout. GEXF is 1.2 unless --gexf-version 1.3 (the URL's `version`).
 */
import { createWriteStream, mkdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { DEFAULT_GEXF_VERSION, GexfVersionSchema } from "../../shared/schema/export";
import {
  GRAPH_FILTER_PARAMS,
  type GraphFilter,
  GraphFilterError,
  parseGraphFilter,
} from "../../shared/schema/graph-filter";
import { readEnv } from "../env";
import { EXPORT_FILES, EXPORT_FORMATS, type ExportFormat, type ExportOptions } from "../export/formats";
import { prepareExport } from "../export/prepare";
import { chunked } from "../export/text";
import { buildGraph } from "../graph/build";
import { UnknownFilterValueError } from "../graph/filter";
import { computeMetrics } from "../graph/metrics";
import { openStore } from "../http/server";

export const USAGE = `Usage: npm run export -- --format ${Object.keys(EXPORT_FORMATS).join("|")} --out PATH [--gexf-version ${GexfVersionSchema.options.join("|")}] [${GRAPH_FILTER_PARAMS.map((p) => `--${p} …`).join(" ")}]`;

export class UsageError extends Error {
  override name = "UsageError";
}

export interface ExportArgs {
  format: ExportFormat;
  /** Absolute path, or "-" for stdout. */
  out: string;
  filter: GraphFilter;
  options: ExportOptions;
}

export function parseExportArgs(argv: readonly string[], cwd = process.cwd()): ExportArgs {
  let values: Record<string, string | string[] | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        format: { type: "string" },
        out: { type: "string" },
        "gexf-version": { type: "string" },
        ...Object.fromEntries(GRAPH_FILTER_PARAMS.map((p) => [p, { type: "string", multiple: true }] as const)),
      },
      strict: true,
      allowPositionals: false,
    }) as { values: Record<string, string | string[] | undefined> });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
  const format = values.format as string | undefined;
  if (format === undefined || !(format in EXPORT_FORMATS)) {
    throw new UsageError(
      `--format: ${format === undefined ? "is required" : `unknown format ${JSON.stringify(format)}`} (one of ${Object.keys(EXPORT_FORMATS).join(", ")})\n${USAGE}`,
    );
  }
  const out = values.out as string | undefined;
  if (!out) throw new UsageError(`--out: is required\n${USAGE}`);
  if (out === "-" && format === "csv") throw new UsageError(`--out: csv writes two files; give a folder, not "-"`);
  const gexfVersion = values["gexf-version"] as string | undefined;
  if (gexfVersion !== undefined && format !== "gexf") throw new UsageError("--gexf-version: only for --format gexf");
  const version = GexfVersionSchema.safeParse(gexfVersion ?? DEFAULT_GEXF_VERSION);
  if (!version.success) {
    throw new UsageError(
      `--gexf-version: must be ${GexfVersionSchema.options.join(" or ")} (got ${JSON.stringify(gexfVersion)})`,
    );
  }
  // Flags given once are plain values (so "--hops 2" reads like "hops=2"); repeated list flags stay lists.
  const query = Object.fromEntries(
    GRAPH_FILTER_PARAMS.filter((p) => values[p] !== undefined).map((p) => {
      const value = values[p] as string[];
      return [p, value.length === 1 ? value[0] : value];
    }),
  );
  try {
    return {
      format: format as ExportFormat,
      out: out === "-" ? out : resolve(cwd, out),
      filter: parseGraphFilter(query),
      options: { gexfVersion: version.data },
    };
  } catch (error) {
    if (error instanceof GraphFilterError)
      throw new UsageError(error.issues.map((i) => `--${i.param}: ${i.message}`).join("\n"));
    throw error;
  }
}

export interface ExportReport {
  files: { path: string; bytes: number }[];
  nodes: number;
  edges: number;
  ms: Record<"read" | "metrics" | "write", number>;
}

export async function runExport(args: ExportArgs, log: (line: string) => void = console.error): Promise<ExportReport> {
  const env = readEnv();
  const ms = { read: 0, metrics: 0, write: 0 };
  let t = performance.now();
  const { store } = await openStore(env);
  try {
    const graph = buildGraph(await store.readDataset());
    const info = await store.info();
    ms.read = performance.now() - t;
    t = performance.now();
    const metrics = computeMetrics(graph);
    ms.metrics = performance.now() - t;
    t = performance.now();
    let source: ReturnType<typeof prepareExport>;
    try {
      source = prepareExport({
        graph,
        metrics,
        filter: args.filter,
        dataVersion: info.dataVersion,
        origin: info.origin,
      });
    } catch (error) {
      if (error instanceof UnknownFilterValueError) throw new UsageError(`--${error.message}`);
      throw error;
    }
    const names = EXPORT_FORMATS[args.format];
    if (args.format === "csv") mkdirSync(args.out, { recursive: true });
    const files: ExportReport["files"] = [];
    for (const name of names) {
      const path = args.format === "csv" ? join(args.out, name) : args.out;
      const body = Readable.from(chunked(EXPORT_FILES[name].write(source, args.options)));
      if (path === "-") await pipeline(body, process.stdout, { end: false });
      else await pipeline(body, createWriteStream(path));
      files.push({ path, bytes: path === "-" ? 0 : statSync(path).size });
    }
    ms.write = performance.now() - t;
    const s = (x: number) => `${(x / 1000).toFixed(1)} s`;
    for (const f of files) if (f.path !== "-") log(`Wrote ${f.path} (${(f.bytes / 1024 / 1024).toFixed(1)} MB)`);
    log(
      `  ${source.graph.order} nodes, ${source.graph.size} edges; data version ${info.dataVersion} (${info.origin ?? "unknown"}); ` +
        `read ${s(ms.read)}, metrics ${s(ms.metrics)}, write ${s(ms.write)}`,
    );
    return { files, nodes: source.graph.order, edges: source.graph.size, ms };
  } finally {
    await store.close();
  }
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  Promise.resolve()
    .then(() => runExport(parseExportArgs(process.argv.slice(2))))
    .catch((error: unknown) => {
      console.error(error instanceof Error ? `${error.name}: ${error.message}` : error);
      process.exit(error instanceof UsageError ? 2 : 1);
    });
}
