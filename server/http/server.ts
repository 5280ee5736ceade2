/** Starts the whole server: store (seeded on first start), read model, HTTP app. Returns a handle to stop it. */
import type { FastifyInstance } from "fastify";
import type { Env } from "../env";
import { Mailer } from "../mail/mailer";
import { scheduleReviewDigest } from "../mail/review-digest";
import { loadServices, type Services, warmInBackground } from "../services";
import { loadDataDir } from "../store/load-data-dir";
import { Store } from "../store/store";
import { type AppOptions, createApp } from "./app";

export interface RunningServer {
  app: FastifyInstance;
  store: Store;
  /** The read model being served (replaced in place on every write). */
  services: Services;
  mailer: Mailer;
  url: string;
  seeded: boolean;
  close(): Promise<void>;
}

/** Opens the store and loads data/ into it if, and only if, the store is new. */
export function openStore(env: Pick<Env, "DATABASE_PATH" | "DATA_DIR">): { store: Store; seeded: boolean } {
  const store = new Store(env.DATABASE_PATH);
  try {
    if (store.isSeeded()) return { store, seeded: false };
    store.importDataset(loadDataDir(env.DATA_DIR), "seed");
    return { store, seeded: true };
  } catch (error) {
    store.close();
    throw error;
  }
}

/** `overrides` are for tests: limits and timeouts that are constants in production. */
export async function startServer(
  env: Env,
  clientDir?: string,
  overrides: Partial<Omit<AppOptions, "services">> = {},
): Promise<RunningServer> {
  const { store, seeded } = openStore(env);
  const mailer =
    overrides.mailer ??
    new Mailer(store.mail, { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, retry: overrides.mailRetry });
  // The search index is built once the server listens: built in steps during start-up, it would delay listening.
  const services = loadServices(store, { warmSearch: false });
  const app = await createApp({
    services,
    clientDir,
    logLevel: env.LOG_LEVEL,
    trustProxy: env.TRUST_PROXY,
    connections: { perAddress: env.CONNECTIONS_PER_ADDRESS },
    heavyPerMinute: env.HEAVY_REQUESTS_PER_MINUTE,
    ...overrides,
    mailer,
  });
  // The mailer finishes the message in hand before the database it marks it in closes.
  const stopDigest = scheduleReviewDigest(store, mailer);
  app.addHook("onClose", async () => {
    stopDigest();
    await mailer.stop();
    store.close();
  });
  try {
    await app.listen({ port: env.PORT, host: env.HOST });
  } catch (error) {
    await app.close();
    throw error;
  }
  warmInBackground(services.search);
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : env.PORT;
  const host = env.HOST === "0.0.0.0" || env.HOST === "::" ? "localhost" : env.HOST;
  mailer.publicUrl = env.PUBLIC_URL ?? `http://localhost:${port}`;
  mailer.start();
  return {
    app,
    store,
    services,
    mailer,
    seeded,
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    close: () => app.close(),
  };
}
