/**
 * Plain export URLs a researcher can curl: GET /api/export/{graph.gexf, graph.graphml, graph.json, nodes.csv,
 * edges.csv}, each taking the graph filter's query parameters (shared/schema/graph-filter.ts). The body streams from
 * the writer; a bad parameter is HTTP 400 naming it, before anything is written.
 */
import { Readable } from "node:stream";
import type { FastifyInstance } from "fastify";
import { GraphFilterError, isEmptyGraphFilter, parseGraphFilter } from "../../shared/schema/graph-filter";
import { downloadName, EXPORT_FILE_NAMES, EXPORT_FILES, type ExportFileName } from "../export/formats";
import { prepareExport } from "../export/prepare";
import { chunked } from "../export/text";
import { UnknownFilterValueError } from "../graph/filter";
import type { Services } from "../services";

export const EXPORT_PREFIX = "/api/export";

export async function registerExportRoutes(app: FastifyInstance, services: Services): Promise<void> {
  for (const name of EXPORT_FILE_NAMES) {
    app.get(`${EXPORT_PREFIX}/${name}`, async (request, reply) => {
      let source: ReturnType<typeof prepareExport>;
      let filtered: boolean;
      try {
        const filter = parseGraphFilter(request.query as Record<string, unknown>);
        filtered = !isEmptyGraphFilter(filter);
        if (!services.metrics.peek()) request.log.info("computing network metrics (first export of this data version)");
        const metrics = await services.metrics.get();
        source = prepareExport({
          graph: services.graph,
          metrics,
          filter,
          dataVersion: services.dataVersion,
          origin: services.store.info().origin,
        });
      } catch (error) {
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
      const body = Readable.from(chunked(file.write(source)));
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
