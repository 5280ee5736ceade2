/** Starts the real server (real SQLite file, real HTTP on a free port) for integration tests, with a typed tRPC client. */
import { createTRPCClient, httpLink, TRPCClientError } from "@trpc/client";
import type { AppRouter } from "../../server/api/router";
import { readEnv } from "../../server/env";
import { type RunningServer, startServer } from "../../server/http/server";

export async function startTestServer(
  dataDir: string,
  databasePath: string,
  clientDir?: string,
): Promise<RunningServer> {
  const env = readEnv({
    PORT: "0",
    HOST: "127.0.0.1",
    DATABASE_PATH: databasePath,
    DATA_DIR: dataDir,
    LOG_LEVEL: "silent",
  });
  return startServer(env, clientDir);
}

export function clientFor(url: string) {
  return createTRPCClient<AppRouter>({ links: [httpLink({ url: `${url}/trpc` })] });
}

/** Awaits a call that must fail with a tRPC error; returns its HTTP status and message. */
export async function trpcFailure(promise: Promise<unknown>): Promise<{ status: number; message: string }> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCClientError)) throw new Error(`expected a tRPC error, got ${String(error)}`);
  return { status: error.data?.httpStatus as number, message: error.message };
}
