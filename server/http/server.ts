/** Starts the whole server: store (seeded on first start), read model, HTTP app. Returns a handle to stop it. */
import type { FastifyInstance } from "fastify";
import { BackupSchedule } from "../backup/backup-schedule";
import { takeStoreLock } from "../backup/store-lock";
import type { Env } from "../env";
import { JobLease } from "../jobs/job-lease";
import { loadStartModel, ReadModelSaver, type StartModel } from "../live/start-model";
import { WriteListener } from "../live/write-listener";
import { Mailer } from "../mail/mailer";
import { scheduleReviewDigest } from "../mail/review-digest";
import type { AppMetrics } from "../metrics/app-metrics";
import { type Services, warmInBackground } from "../services";
import { loadDataDir } from "../store/load-data-dir";
import { Store } from "../store/store";
import { type AppOptions, appMetricsFor, createApp } from "./app";

export interface RunningServer {
  app: FastifyInstance;
  store: Store;
  /** The read model being served (replaced in place on every write). */
  services: Services;
  mailer: Mailer;
  url: string;
  seeded: boolean;
  /** Resolves once the read model is complete (the search index built): /api/health then says "ready". */
  whenReady: Promise<void>;
  /** What /metrics reports; `metrics.reportQueuedMails(count)` adds the mail queue's gauge. */
  metrics: AppMetrics;
  /**
   * Where the read model came from ("saved": the file beside the store; "built": from the store) and the saver that
   * keeps that file up to date (undefined when none is used: READ_MODEL_FILE=off, or PostgreSQL).
   */
  readModel: { from: StartModel["from"]; note: string; saver: ReadModelSaver | undefined };
  /** Backups taken by the server itself, when BACKUP_DIR is set. */
  backups: BackupSchedule | undefined;
  /** Whether this instance runs the background jobs; `jobs.run(start, stop)` adds one. */
  jobs: JobLease;
  /** On PostgreSQL: follows other instances' writes. */
  listener: WriteListener | undefined;
  close(): Promise<void>;
}

/**
 * Opens the store (the SQLite file, or PostgreSQL with DATABASE_URL) and loads data/ into it if, and only if, the
 * store is new. Instances starting together on one PostgreSQL database seed it once (see Store.importDataset).
 */
export async function openStore(
  env: Pick<Env, "DATABASE_PATH" | "DATA_DIR"> & { DATABASE_URL?: string },
): Promise<{ store: Store; seeded: boolean }> {
  const store = await Store.open(env.DATABASE_URL ?? env.DATABASE_PATH);
  try {
    if (await store.isSeeded()) return { store, seeded: false };
    const data = loadDataDir(env.DATA_DIR);
    try {
      await store.importDataset(data, "seed");
    } catch (error) {
      if (await store.isSeeded()) return { store, seeded: false };
      throw error;
    }
    return { store, seeded: true };
  } catch (error) {
    await store.close();
    throw error;
  }
}

/** The saved read model's file: only for the SQLite store, and not when READ_MODEL_FILE is "off". */
function readModelFileOf(env: Pick<Env, "READ_MODEL_FILE">, store: Store): string | undefined {
  return store.db.dialect === "sqlite" && env.READ_MODEL_FILE !== "off" ? env.READ_MODEL_FILE : undefined;
}

/** `overrides` are for tests: limits and timeouts that are constants in production. */
export async function startServer(
  env: Env,
  clientDir?: string,
  overrides: Partial<Omit<AppOptions, "services">> = {},
): Promise<RunningServer> {
  // Held while the server runs: `npm run restore` refuses to replace the store under it (SQLite only: a PostgreSQL
  // database is shared by design, and restored with pg_restore).
  const releaseLock = env.DATABASE_URL ? () => {} : takeStoreLock(env.DATABASE_PATH);
  let opened: Awaited<ReturnType<typeof openStore>>;
  let start: StartModel;
  try {
    opened = await openStore(env);
    try {
      // The search index is built once the server listens: built in steps during start-up, it would delay listening.
      start = await loadStartModel(opened.store, readModelFileOf(env, opened.store), { warmSearch: false });
    } catch (error) {
      await opened.store.close();
      throw error;
    }
  } catch (error) {
    releaseLock();
    throw error;
  }
  const { store, seeded } = opened;
  const { services } = start;
  const mailer =
    overrides.mailer ??
    new Mailer(store.mail, { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, retry: overrides.mailRetry });
  const metrics = appMetricsFor(services);
  metrics.reportQueuedMails(() => store.mail.queuedCount());
  // The search index, the last part of the read model, is built after listening: until then health says "starting".
  let ready = false;
  let markReady = () => {};
  const whenReady = new Promise<void>((resolvePromise) => {
    markReady = resolvePromise;
  });
  const jobs = new JobLease(store.db, { retryMs: overrides.jobLeaseRetryMs ?? env.JOB_LEASE_RETRY });
  const app = await createApp({
    metrics,
    isReady: () => ready,
    jobsHeld: () => jobs.held,
    metricsToken: env.METRICS_TOKEN,
    requestLog: { slowMs: env.SLOW_REQUEST_MS, accessLog: env.ACCESS_LOG },
    services,
    clientDir,
    logLevel: env.LOG_LEVEL,
    trustProxy: env.TRUST_PROXY,
    connections: { perAddress: env.CONNECTIONS_PER_ADDRESS },
    heavyPerMinute: env.HEAVY_REQUESTS_PER_MINUTE,
    ...overrides,
    mailer,
  });
  if (start.refused) app.log.warn(start.note);
  else app.log.info(start.note);
  const file = readModelFileOf(env, store);
  // Written after the server is ready, and after writes, by a worker thread: never on the start path.
  const saver = file ? new ReadModelSaver(services, env.DATABASE_PATH, file, app.log, start.savedKey) : undefined;
  // Several instances on one PostgreSQL database: each follows the others' writes; one runs the jobs.
  const listener = store.db.pool ? new WriteListener(services, { log: app.log }) : undefined;
  if (listener) listener.onMail = () => mailer.poke();
  let stopDigest = () => {};
  jobs.run(
    () => {
      mailer.start();
      stopDigest = scheduleReviewDigest(store, mailer);
    },
    async () => {
      stopDigest();
      await mailer.pause();
    },
  );
  const backups = env.BACKUP_DIR
    ? new BackupSchedule(store.db, {
        dir: env.BACKUP_DIR,
        everyMs: env.BACKUP_EVERY,
        keep: env.BACKUP_KEEP,
        log: app.log,
        postgres: env.DATABASE_URL ? { url: env.DATABASE_URL, pgDump: env.PG_DUMP } : undefined,
      })
    : undefined;
  // With several instances on PostgreSQL, one takes the backups: the one holding the job lease.
  if (backups && env.DATABASE_URL)
    jobs.run(
      () => backups.start(),
      () => backups.stop(),
    );
  // The mailer finishes the message in hand, and a backup the copy in hand, before the database closes.
  app.addHook("onClose", async () => {
    await saver?.stop();
    await listener?.stop();
    await jobs.stop();
    await mailer.stop();
    await backups?.stop();
    await store.close();
    releaseLock();
  });
  try {
    await app.listen({ port: env.PORT, host: env.HOST });
  } catch (error) {
    await app.close();
    throw error;
  }
  warmInBackground(services.search, () => {
    ready = true;
    markReady();
    saver?.start();
  });
  if (!env.DATABASE_URL) backups?.start();
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : env.PORT;
  const host = env.HOST === "0.0.0.0" || env.HOST === "::" ? "localhost" : env.HOST;
  mailer.publicUrl = env.PUBLIC_URL ?? `http://localhost:${port}`;
  jobs.log = app.log;
  jobs.start();
  await listener?.start();
  return {
    app,
    store,
    services,
    mailer,
    seeded,
    whenReady,
    metrics,
    readModel: { from: start.from, note: start.note, saver },
    backups,
    jobs,
    listener,
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    close: () => app.close(),
  };
}
