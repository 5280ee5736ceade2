/** `npm start`: builds the client if needed, opens (or creates and seeds) the database, serves app and API on one origin. */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { readEnv } from "./env";
import { UnknownGraphNodeError } from "./graph/partner-graph";
import { startServer } from "./http/server";
import { serverLayouts } from "./layout/server-layouts";
import { describeBrokenStore, ReadModelError } from "./live/diagnose-store";
import { redactedUrl, Store } from "./store/store";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const clientDir = join(root, "dist", "client");
const withClient = !process.argv.includes("--no-client");

/** A store whose records the graph cannot load (changed by hand, say): which record, which field, how to repair. */
async function unloadableStore(path: string, error: UnknownGraphNodeError): Promise<ReadModelError> {
  const store = await Store.open(path);
  try {
    const found = await describeBrokenStore(store.db);
    return new ReadModelError(
      `The graph cannot load ${store.path}: ${error.message}.${found || "\nNo record names a missing or deleted entity; the store may be damaged: restore a backup."}` +
        "\nThen start the server again.",
    );
  } finally {
    await store.close();
  }
}

async function main(): Promise<void> {
  const env = readEnv();
  if (withClient && !existsSync(join(clientDir, "index.html"))) {
    console.log("Building the client (first start)…");
    const { build } = await import("vite");
    await build({ configFile: join(root, "vite.config.ts"), logLevel: "warn" });
  }
  const server = await startServer(env, withClient ? clientDir : undefined).catch(async (error: unknown) => {
    throw error instanceof UnknownGraphNodeError ? await unloadableStore(env.STORE_LOCATION, error) : error;
  });
  const counts = await server.store.countEntities();
  const log = server.app.log;
  // The start and stop lines are written at any LOG_LEVEL: scripts and supervisors wait for "running at".
  const logsInfo = ["trace", "debug", "info"].includes(log.level);
  const announce = (line: string) => (logsInfo ? log.info(line) : console.log(line));
  announce(
    `Partnerkartan is running at ${server.url} (${server.seeded ? "seeded a new database" : "opened"} ${env.DATABASE_URL ? redactedUrl(env.DATABASE_URL) : env.DATABASE_PATH}: ` +
      `${counts.organisation} organisations, ${counts.project} projects, ${counts.region} län)`,
  );
  // Lay out the graph now, in a worker thread, so the first visitor gets positions instead of waiting for them (on
  // the instance that runs the background jobs; the layout is kept in the database for the others).
  server.jobs.run(
    () => void serverLayouts(server.services).force(0),
    () => {},
  );
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    announce(`${signal}: closing the server and the database…`);
    await server.close();
    announce("stopped");
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? `${error.name}: ${error.message}` : error);
  process.exit(1);
});
