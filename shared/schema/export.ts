/** The export URLs' own parameter, besides the graph filter: which GEXF version graph.gexf is written in. */
import { z } from "zod";

/** 1.2 by default: the version networkx's read_gexf (before 3.6) and every other reader opens; 1.3 on request. */
export const GEXF_VERSIONS = ["1.2", "1.3"] as const;
export const GexfVersionSchema = z.enum(GEXF_VERSIONS);
export type GexfVersion = z.infer<typeof GexfVersionSchema>;
export const DEFAULT_GEXF_VERSION: GexfVersion = "1.2";

export { GEXF_VERSION_PARAM } from "./value-lists";
