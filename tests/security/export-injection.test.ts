/**
 * Issue #14, exports: a name someone registers must not run as a spreadsheet formula when a researcher opens the CSV
 * export (OWASP "CSV Injection"). Over real HTTP: a coordinator creates organisations whose names start with = + - @
 * (and tab or CR, which the schema trims), then nodes.csv and edges.csv are downloaded by URL and parsed. Every text
 * cell that starts like a formula carries a leading `'`; numeric columns (x is negative west of the map) stay numbers.
 * And the default GEXF is the 1.2 that networkx reads; 1.3 on request.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NODE_COLUMNS } from "../../server/export/columns";
import type { RunningServer } from "../../server/http/server";
import { restoreFormula } from "../../shared/csv";
import { organisation, smallDataset, tempDatabasePath, writeDataDir } from "../fixtures/dataset";
import { createAccount, sessionClientFor, startTestServer } from "../integration/server-helpers";

const NAMES = ['=HYPERLINK("http://evil","x")', "+1", "-2+3", "@SUM(A1)", "\tfoo", "\rfoo", "'=already quoted"];
const FORMULA_START = /^[=+\-@\t\r]/;
const NUMERIC = new Set([
  ...NODE_COLUMNS.filter((c) => c.type === "integer" || c.type === "double").map((c) => c.name),
  "data_version",
  "weight",
]);

let server: RunningServer;
const stored = new Map<string, string>();

beforeAll(async () => {
  server = await startTestServer(writeDataDir(smallDataset()), tempDatabasePath());
  const { email, password } = await createAccount(server.store, "coordinator", "Cora");
  const coordinator = sessionClientFor(server.url);
  await coordinator.auth.login.mutate({ email, password });
  for (const [i, name] of NAMES.entries()) {
    const id = `formula-${i}`;
    const { record } = await coordinator.entity.create.mutate({
      kind: "organisation",
      record: organisation(id, { name, topics: ["open-data"], regions: ["14"] }),
    });
    stored.set(`organisation:${id}`, record.name);
  }
});
afterAll(async () => {
  await server?.close();
});

async function download(file: string): Promise<Record<string, string>[]> {
  const response = await fetch(`${server.url}/api/export/${file}`);
  expect(response.status).toBe(200);
  const parsed = Papa.parse<Record<string, string>>(await response.text(), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

describe("CSV exports are safe to open in a spreadsheet", () => {
  it("nodes.csv: each formula-like name is prefixed with ' and quoted, and reads back as stored", async () => {
    const rows = await download("nodes.csv");
    for (const [key, name] of stored) {
      const row = rows.find((r) => r.id === key);
      expect(row, key).toBeDefined();
      for (const column of ["label", "label_sv", "label_en"]) {
        const cell = row?.[column] as string;
        if (FORMULA_START.test(name) || /^'+[=+\-@\t\r]/.test(name)) expect(cell, `${key} ${column}`).toBe(`'${name}`);
        else expect(cell, `${key} ${column}`).toBe(name);
        expect(restoreFormula(cell)).toBe(name);
      }
    }
    // The raw file quotes the neutralised cells, as OWASP advises.
    const raw = await (await fetch(`${server.url}/api/export/nodes.csv`)).text();
    expect(raw).toContain(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(raw).toContain(`"'-2+3"`);
  });

  it.each(["nodes.csv", "edges.csv"])("%s: no text cell starts like a formula; numbers stay numbers", async (file) => {
    const rows = await download(file);
    let negatives = 0;
    for (const row of rows) {
      for (const [column, cell] of Object.entries(row)) {
        if (NUMERIC.has(column)) {
          if (cell === "") continue;
          expect(Number.isFinite(Number(cell)), `${row.id} ${column}: ${JSON.stringify(cell)}`).toBe(true);
          if (cell.startsWith("-")) negatives++;
        } else {
          expect(FORMULA_START.test(cell), `${row.id} ${column}: ${JSON.stringify(cell)}`).toBe(false);
        }
      }
    }
    // Topics and skills sit west of the map, at negative x: those numbers are written as they are.
    if (file === "nodes.csv") expect(negatives).toBeGreaterThan(0);
  });
});

describe("GEXF: the default file is the one researchers' readers open", () => {
  it("declares GEXF 1.2 in networkx's namespace by default, and 1.3 with ?version=1.3", async () => {
    const plain = await (await fetch(`${server.url}/api/export/graph.gexf`)).text();
    expect(plain).toMatch(/<gexf xmlns="http:\/\/www\.gexf\.net\/1\.2draft" [^>]*version="1\.2">/);
    const v13 = await (await fetch(`${server.url}/api/export/graph.gexf?version=1.3`)).text();
    expect(v13).toMatch(/<gexf xmlns="http:\/\/gexf\.net\/1\.3" [^>]*version="1\.3">/);
    const bad = await fetch(`${server.url}/api/export/graph.gexf?version=2`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ issues: [{ param: "version" }] });
  });

  const python = process.env.PYTHON ?? "/usr/bin/python3";
  const hasNetworkx = spawnSync(python, ["-c", "import networkx"]).status === 0;
  it.skipIf(!hasNetworkx)("networkx.read_gexf opens the default file as it is (no registration)", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "partnerkartan-gexf-")), "graph.gexf");
    writeFileSync(path, await (await fetch(`${server.url}/api/export/graph.gexf`)).text());
    const script = "import sys, networkx as nx; g = nx.read_gexf(sys.argv[1]); print(g.number_of_nodes())";
    const result = spawnSync(python, ["-c", script, path], { encoding: "utf-8" });
    expect(result.stderr).toBe("");
    const nodes = Number(result.stdout.trim());
    expect(nodes).toBeGreaterThan(stored.size);
  });
});
