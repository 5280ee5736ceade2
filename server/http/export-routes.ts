/**
 * Plain export URLs a researcher can curl: GET /api/export/{graph.gexf, graph.graphml, graph.json, nodes.csv,
 * edges.csv}, each taking the graph filter's query parameters (shared/schema/graph-filter.ts), and graph.gexf also
 * `version` (1.2, the default, or 1.3). The body streams from the writer; a bad parameter is HTTP 400 naming it,
 * before anything is written.
 */
import { Readable } from "node:stream";
import type { FastifyInstance } from "fastify";
import { DEFAULT_GEXF_VERSION, GEXF_VERSION_PARAM, GexfVersionSchema } from "../../shared/schema/export";
import { GraphFilterError, isEmptyGraphFilter, parseGraphFilter } from "../../shared/schema/graph-filter";
import {
  downloadName,
  EXPORT_FILE_NAMES,
  EXPORT_FILES,
  type ExportFileName,
  type ExportOptions,
} from "../export/formats";
import { prepareExport } from "../export/prepare";
import { chunked } from "../export/text";
import { UnknownFilterValueError } from "../graph/filter";
import type { Services } from "../services";
import { yielding } from "./yielding";

export const EXPORT_PREFIX = "/api/export";

class ExportOptionError extends Error {
  override name = "ExportOptionError";
  constructor(
    readonly param: string,
    readonly issue: string,
  ) {
    super(`Invalid parameter: ${param}: ${issue}`);
  }
}

/** Splits graph.gexf's `version` off the filter's parameters (other files have no such parameter: the filter refuses it). */
function parseOptions(name: ExportFileName, query: Record<string, unknown>): [ExportOptions, Record<string, unknown>] {
  if (name !== "graph.gexf") return [{ gexfVersion: DEFAULT_GEXF_VERSION }, query];
  const { [GEXF_VERSION_PARAM]: raw, ...rest } = query;
  const version = GexfVersionSchema.safeParse(raw ?? DEFAULT_GEXF_VERSION);
  if (!version.success) {
    const got = typeof raw === "string" ? ` (got ${JSON.stringify(raw)})` : " (given more than once)";
    throw new ExportOptionError(GEXF_VERSION_PARAM, `must be ${GexfVersionSchema.options.join(" or ")}${got}`);
  }
  return [{ gexfVersion: version.data }, rest];
}

export async function registerExportRoutes(app: FastifyInstance, services: Services): Promise<void> {
  for (const name of EXPORT_FILE_NAMES) {
    app.get(`${EXPORT_PREFIX}/${name}`, async (request, reply) => {
      let source: ReturnType<typeof prepareExport>;
      let filtered: boolean;
      let options: ExportOptions;
      try {
        const [chosen, filterQuery] = parseOptions(name, request.query as Record<string, unknown>);
        options = chosen;
        const filter = parseGraphFilter(filterQuery);
        filtered = !isEmptyGraphFilter(filter);
        if (!services.metrics.peek()) request.log.info("computing network metrics (first export of this data version)");
        const metrics = await services.metrics.get();
        source = prepareExport({
          graph: services.graph,
          metrics,
          filter,
          dataVersion: services.dataVersion,
          origin: (await services.store.info()).origin,
        });
      } catch (error) {
        if (error instanceof ExportOptionError) {
          return reply.code(400).send({
            error: "Bad Request",
            message: error.message,
            issues: [{ param: error.param, message: error.issue }],
          });
        }
        if (error instanceof GraphFilterError) {
          return reply.code(400).send({ error: "Bad Request", message: error.message, issues: error.issues });
        }
        if (error instanceof UnknownFilterValueError) {
          return reply.code(400).send({
            error: "Bad Request",
            message: `Invalid filter: ${error.message}`,
            issues: [{ param: error.param, message: error.message.slice(error.param.length + 2) }],
          });
        }
        throw error;
      }
      const file = EXPORT_FILES[name as ExportFileName];
      const { provenance } = source;
      const body = Readable.from(yielding(chunked(file.write(source, options))));
      body.on("error", (err) => request.log.error({ err, file: name }, "export failed while streaming"));
      return reply
        .header("Content-Type", file.contentType)
        .header(
          "Content-Disposition",
          `attachment; filename="${downloadName(name as ExportFileName, provenance.exportedAt, filtered)}"`,
        )
        .header("Cache-Control", "no-store")
        .header("X-Data-Version", String(provenance.dataVersion))
        .header("X-Exported-At", provenance.exportedAt)
        .header("X-Node-Count", String(source.graph.order))
        .header("X-Edge-Count", String(source.graph.size))
        .send(body);
    });
  }
}
