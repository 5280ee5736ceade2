/**
 * GET /api/shortlist/:projectId.csv: a project's shortlist as a spreadsheet file, for the same people who may read it
 * through shortlist.list (its owners, coordinators, administrators; by the session cookie). Query parameters, all
 * optional: `lang` (sv, the default, or en), and the suggestion panel's `w` (four weights, "1,0.5,0.5,0.25") and `geo`
 * (complement or nearby), so the scores in the file are the ones on screen. 400 names a bad parameter; 401 signed
 * out, 403 not allowed, 404 an unknown project.
 */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { NotFoundError } from "../../shared/errors";
import { SlugSchema } from "../../shared/schema/common";
import { DEFAULT_WEIGHTS, MATCH_TERMS, type Weights, WeightsSchema } from "../../shared/schema/match";
import { isAllowed } from "../api/authorize";
import { actorOf } from "../api/context";
import { SESSION_COOKIE } from "../auth/session-cookie";
import { shortlistCsv } from "../export/shortlist-csv";
import { partnerScore } from "../match/partner-score";
import type { Services } from "../services";

export const SHORTLIST_PREFIX = "/api/shortlist";

/** The panel's weights as the app's URL spells them: four numbers in MATCH_TERMS order. */
const WeightsParamSchema = z
  .string()
  .refine(
    (text) => text.split(",").length === MATCH_TERMS.length,
    `must be ${MATCH_TERMS.length} numbers separated by commas (${MATCH_TERMS.join(",")})`,
  )
  .transform((text) =>
    Object.fromEntries(text.split(",").map((n, i) => [MATCH_TERMS[i], n === "" ? Number.NaN : Number(n)])),
  )
  .pipe(WeightsSchema);

const QuerySchema = z.strictObject({
  lang: z.enum(["sv", "en"]).default("sv"),
  w: WeightsParamSchema.optional(),
  geo: z.enum(["complement", "nearby"]).default("complement"),
});

const refuse = (status: number, error: string, message: string, param?: string) => ({
  status,
  body: { error, message, ...(param ? { issues: [{ param, message }] } : {}) },
});

export async function registerShortlistRoute(app: FastifyInstance, services: Services): Promise<void> {
  app.get<{ Params: { projectId: string } }>(`${SHORTLIST_PREFIX}/:projectId.csv`, async (request, reply) => {
    const send = ({ status, body }: ReturnType<typeof refuse>) => reply.code(status).send(body);
    const projectId = SlugSchema.safeParse(request.params.projectId);
    if (!projectId.success) {
      const issue = projectId.error.issues[0]?.message ?? "invalid";
      return send(refuse(400, "Bad Request", `Invalid parameter: projectId: ${issue}`, "projectId"));
    }
    const query = QuerySchema.safeParse(request.query);
    if (!query.success) {
      const issue = query.error.issues[0];
      const param = String(issue?.code === "unrecognized_keys" ? issue.keys[0] : (issue?.path[0] ?? "query"));
      const term = issue?.path.length === 2 ? ` (${String(issue.path[1])})` : "";
      return send(refuse(400, "Bad Request", `Invalid parameter: ${param}${term}: ${issue?.message}`, param));
    }
    const actor = await actorOf(services, request.cookies[SESSION_COOKIE]);
    if (!actor) return send(refuse(401, "Unauthorized", "Sign in first."));
    if (!(await isAllowed({ services }, actor, "owner", { projectId: projectId.data })))
      return send(refuse(403, "Forbidden", "Only the owner of this project or a coordinator may do this."));

    let rows: Awaited<ReturnType<Services["store"]["shortlists"]["exportRows"]>>;
    try {
      rows = await services.store.shortlists.exportRows(projectId.data);
    } catch (error) {
      if (error instanceof NotFoundError) return send(refuse(404, "Not Found", error.message, "projectId"));
      throw error;
    }
    const { lang, geo } = query.data;
    const weights: Weights = query.data.w ?? DEFAULT_WEIGHTS;
    const scored = rows.map((row) => ({
      ...row,
      suggestion: row.entry.gone
        ? undefined
        : partnerScore(services.matchIndex, projectId.data, row.entry.organisationId, weights, geo),
    }));
    const regionNames = new Map(services.data.regions.map((r) => [r.code, r.name]));
    const day = new Date().toISOString().slice(0, 10);
    const name = `${lang === "sv" ? "kortlista" : "shortlist"}-${projectId.data}-${day}.csv`;
    return reply
      .header("Content-Type", "text/csv; charset=utf-8")
      .header("Content-Disposition", `attachment; filename="${name}"`)
      .header("Cache-Control", "no-store")
      .send(shortlistCsv(scored, regionNames, lang));
  });
}
