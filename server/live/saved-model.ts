/**
 * The read model saved beside the store, so that a start can take it back instead of building it: the records, the
 * graph's edges as typed columns and the match index (its lists flattened into typed arrays), behind a header that
 * says what it is. A file is trusted only when all of these hold, else it is refused with a one-line reason and the read
 * model is built from the store as before:
 * - it starts with the magic bytes and has this code's format version;
 * - its header parses, and the payload has the length and the SHA-256 the header names (not truncated, not changed);
 * - it was written by the same read-model code (a fingerprint of the source files that shape what is saved);
 * - its key (data version, journal position, latest change) is the store's now (not stale).
 *
 * Layout: "PKRM" · format (uint32 LE) · header length (uint32 LE) · header (JSON) · records (JSON, UTF-8) · the rest
 * (v8.serialize). The SHA-256 covers everything after the header.
 */
import { createHash } from "node:crypto";
import { closeSync, fstatSync, openSync, readFileSync, readSync } from "node:fs";
import { deserialize, serialize } from "node:v8";
import { z } from "zod";
import type { Dataset } from "../../shared/schema/dataset";
import { type EdgeColumns, edgeColumnsOf, graphFromColumns } from "../graph/build";
import type { PartnerGraph } from "../graph/model";
import type { MatchIndex } from "../match/match-index";
import { type ReadModelKey, sameReadModelKey } from "../store/read-model-key";

const MAGIC = Buffer.from("PKRM", "latin1");
/** Move by one whenever the payload's shape changes. */
export const SAVED_MODEL_FORMAT = 1;
const PREAMBLE = MAGIC.length + 8;

/** The files whose code decides what a saved model holds: a change to any of them makes old files stale. */
const SHAPING_FILES = [
  "../graph/build.ts",
  "../graph/partner-graph.ts",
  "../graph/model.ts",
  "../match/match-index.ts",
  "../match/topic-credit.ts",
  "../store/store.ts",
  "./saved-model.ts",
];

let fingerprint: string | undefined;
/** SHA-256 of the shaping files (a file not found, in a bundled build say, counts as empty). */
export function codeFingerprint(): string {
  if (fingerprint === undefined) {
    const hash = createHash("sha256");
    for (const file of SHAPING_FILES) {
      hash.update(file);
      try {
        hash.update(readFileSync(new URL(file, import.meta.url)));
      } catch {
        hash.update("-");
      }
    }
    fingerprint = hash.digest("hex").slice(0, 16);
  }
  return fingerprint;
}

const HeaderSchema = z.object({
  key: z.object({ dataVersion: z.number().int(), writeSeq: z.number().int(), lastChange: z.string() }),
  code: z.string(),
  /** The records as JSON (UTF-8): V8's JSON.parse makes 100 000 plain records faster than v8.deserialize does. */
  dataBytes: z.number().int().min(0),
  /**
   * "latin1" when every character of the JSON is below U+0100 (Swedish text is): then the bytes are the string, which
   * V8 makes as a one-byte string without decoding, and parses faster.
   */
  dataEncoding: z.enum(["latin1", "utf8"]),
  /** The rest, v8.serialize: edge columns and the match index, mostly typed arrays. */
  payloadBytes: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  nodes: z.number().int().min(0),
  edges: z.number().int().min(0),
});
type Header = z.infer<typeof HeaderSchema>;

/**
 * A list of number lists (most of the match index: a list per organisation, project or topic) as two typed arrays:
 * where each list ends, and all values one after the other. A million small arrays deserialise far slower than they
 * are made again from these in one loop.
 */
interface FlatLists {
  ends: Uint32Array;
  values: Int32Array | Float64Array;
}

const isListOfLists = (value: unknown): value is number[][] =>
  Array.isArray(value) && value.length > 0 && value.every(Array.isArray);

function flatten(lists: number[][]): FlatLists {
  const ends = new Uint32Array(lists.length);
  let n = 0;
  let integers = true;
  lists.forEach((list, i) => {
    n += list.length;
    ends[i] = n;
    for (const v of list) if (!Number.isInteger(v) || v > 0x7fffffff || v < -0x80000000) integers = false;
  });
  const values = integers ? new Int32Array(n) : new Float64Array(n);
  let at = 0;
  for (const list of lists) for (const v of list) values[at++] = v;
  return { ends, values };
}

function unflatten({ ends, values }: FlatLists): number[][] {
  const lists = new Array<number[]>(ends.length);
  let from = 0;
  for (let i = 0; i < ends.length; i++) {
    const to = ends[i] as number;
    if (to < from || to > values.length) throw new RangeError("a flattened list runs past its values");
    const list: number[] = [];
    for (let j = from; j < to; j++) list.push(values[j] as number);
    lists[i] = list;
    from = to;
  }
  return lists;
}

/**
 * The match index without its two id → index maps (made again from the id lists on loading), and with every list of
 * lists flattened (named in `flat`).
 */
interface SavedMatchIndex {
  plain: Record<string, unknown>;
  flat: Record<string, FlatLists>;
}

function saveMatchIndex(ix: MatchIndex): SavedMatchIndex {
  const { orgIndex: _o, projectIndex: _p, ...rest } = ix;
  const saved: SavedMatchIndex = { plain: {}, flat: {} };
  for (const [name, value] of Object.entries(rest))
    if (isListOfLists(value)) saved.flat[name] = flatten(value);
    else saved.plain[name] = value;
  return saved;
}

function takeBackMatchIndex(saved: SavedMatchIndex): MatchIndex {
  const ix: Record<string, unknown> = { ...saved.plain };
  for (const [name, flat] of Object.entries(saved.flat)) ix[name] = unflatten(flat);
  const { orgIds, projectIds } = ix as Pick<MatchIndex, "orgIds" | "projectIds">;
  ix.orgIndex = new Map(orgIds.map((id, i) => [id, i]));
  ix.projectIndex = new Map(projectIds.map((id, i) => [id, i]));
  return ix as unknown as MatchIndex;
}

interface Payload {
  edges: EdgeColumns;
  matchIndex: SavedMatchIndex;
}

export interface SavedModel {
  key: ReadModelKey;
  data: Dataset;
  graph: PartnerGraph;
  matchIndex: MatchIndex;
}

/** The saved form of a read model built from `data` at `key`: the bytes to write, in order. */
export function encodeSavedModel(model: SavedModel): Buffer[] {
  const matchIndex = saveMatchIndex(model.matchIndex);
  const json = JSON.stringify(model.data);
  const dataEncoding = /[\u0100-\uffff]/.test(json) ? "utf8" : "latin1";
  const data = Buffer.from(json, dataEncoding);
  const payload = serialize({ edges: edgeColumnsOf(model.graph, model.data), matchIndex } satisfies Payload);
  const header: Header = {
    key: model.key,
    code: codeFingerprint(),
    dataBytes: data.length,
    dataEncoding,
    payloadBytes: payload.length,
    sha256: createHash("sha256").update(data).update(payload).digest("hex"),
    nodes: model.graph.order,
    edges: model.graph.size,
  };
  const headerBytes = Buffer.from(JSON.stringify(header), "utf8");
  const preamble = Buffer.alloc(PREAMBLE);
  MAGIC.copy(preamble, 0);
  preamble.writeUInt32LE(SAVED_MODEL_FORMAT, MAGIC.length);
  preamble.writeUInt32LE(headerBytes.length, MAGIC.length + 4);
  return [preamble, headerBytes, data, payload];
}

export type DecodeResult = { ok: true; model: SavedModel } | { ok: false; reason: string };

const describeKey = (k: ReadModelKey) =>
  `data version ${k.dataVersion}, journal ${k.writeSeq}, last change ${k.lastChange || "none"}`;

type HeaderCheck = { ok: true; header: Header; bodyStart: number } | { ok: false; reason: string };

/**
 * The checks the header alone allows: magic, format, header, length, code, key. `head` is the file's start (at least
 * its preamble and header, or all of it), `fileLength` the whole file's length.
 */
function checkHeader(head: Buffer, fileLength: number, expected: ReadModelKey): HeaderCheck {
  const refuse = (reason: string): HeaderCheck => ({ ok: false, reason });
  if (head.length < PREAMBLE || !head.subarray(0, MAGIC.length).equals(MAGIC))
    return refuse("not a saved read model (no PKRM header)");
  const format = head.readUInt32LE(MAGIC.length);
  if (format !== SAVED_MODEL_FORMAT) return refuse(`format ${format}, this server reads format ${SAVED_MODEL_FORMAT}`);
  const headerLength = head.readUInt32LE(MAGIC.length + 4);
  if (PREAMBLE + headerLength > head.length)
    return refuse(`truncated: the header runs past the end (${fileLength} bytes)`);
  let header: Header;
  try {
    header = HeaderSchema.parse(JSON.parse(head.subarray(PREAMBLE, PREAMBLE + headerLength).toString("utf8")));
  } catch (error) {
    return refuse(`the header is damaged (${(error as Error).message.split("\n")[0]})`);
  }
  const bodyStart = PREAMBLE + headerLength;
  const bodyLength = fileLength - bodyStart;
  const expectedBytes = header.dataBytes + header.payloadBytes;
  if (bodyLength !== expectedBytes)
    return refuse(
      `${bodyLength < expectedBytes ? "truncated" : "too long"}: ${bodyLength} bytes after the header, which names ${expectedBytes}`,
    );
  if (header.code !== codeFingerprint())
    return refuse(`written by other read-model code (${header.code}, now ${codeFingerprint()})`);
  if (!sameReadModelKey(header.key, expected))
    return refuse(`stale: saved at ${describeKey(header.key)}; the store is at ${describeKey(expected)}`);
  return { ok: true, header, bodyStart };
}

/** The most a header is read for before the rest of the file: a stale or foreign file is refused without reading it. */
const HEAD_BYTES = 64 * 1024;

/**
 * Reads and takes back the saved model at `path` (readSync errors, ENOENT included, are thrown): the header is read
 * and checked first, so a stale file, another format or other code is refused without reading 100 MB.
 */
export function readSavedModel(path: string, expected: ReadModelKey): DecodeResult {
  const fd = openSync(path, "r");
  let head: Buffer;
  let size: number;
  try {
    size = fstatSync(fd).size;
    head = Buffer.alloc(Math.min(size, HEAD_BYTES));
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  // A header longer than HEAD_BYTES (never written so) is checked with the whole file.
  const early = head.length >= PREAMBLE && head.readUInt32LE(MAGIC.length + 4) + PREAMBLE <= head.length;
  if (early) {
    const checked = checkHeader(head, size, expected);
    if (!checked.ok) return checked;
  }
  return decodeSavedModel(readFileSync(path), expected);
}

/** Takes a saved model back if, and only if, it is whole, of this format and code, and made at `expected`. */
export function decodeSavedModel(file: Buffer, expected: ReadModelKey): DecodeResult {
  const refuse = (reason: string): DecodeResult => ({ ok: false, reason });
  const checked = checkHeader(file, file.length, expected);
  if (!checked.ok) return checked;
  const { header, bodyStart } = checked;
  const body = file.subarray(bodyStart);
  if (createHash("sha256").update(body).digest("hex") !== header.sha256)
    return refuse("checksum mismatch: the file is damaged");
  try {
    const data = JSON.parse(body.toString(header.dataEncoding, 0, header.dataBytes)) as Dataset;
    const saved = deserialize(body.subarray(header.dataBytes)) as Payload;
    const graph = graphFromColumns(data, saved.edges);
    if (graph.order !== header.nodes || graph.size !== header.edges)
      return refuse(
        `holds ${graph.order} nodes / ${graph.size} edges, the header says ${header.nodes} / ${header.edges}`,
      );
    const matchIndex = takeBackMatchIndex(saved.matchIndex);
    return { ok: true, model: { key: header.key, data, graph, matchIndex } };
  } catch (error) {
    return refuse(`unreadable (${(error as Error).message})`);
  }
}
