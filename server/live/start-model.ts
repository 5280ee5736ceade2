/**
 * A start's read model: taken back from the saved file beside the store when that file is whole and current
 * (saved-model.ts), else built from the store as before, with one line saying why. After the server is ready, and
 * again whenever writes have moved the served read model past the file, a worker thread writes the file anew
 * (ReadModelSaver): the start path never waits for a save, and the event loop never holds one.
 */
import { rmSync } from "node:fs";
import { Worker } from "node:worker_threads";
import { buildServices, type LoadOptions, loadServices, type Services } from "../services";
import { type ReadModelKey, readModelKey } from "../store/read-model-key";
import type { Store } from "../store/store";
import { type SaveRequest, temporaryOf } from "./save-model";
import type { SaveReply } from "./save-model-worker";
import { readSavedModel } from "./saved-model";

const WORKER_ENTRY = new URL("./save-model-worker-entry.mjs", import.meta.url);

export interface StartModel {
  services: Services;
  /** "saved" when the file was taken back, "built" when the store was read and the read model built. */
  from: "saved" | "built";
  /** The key of the file on disk when it matches what is served (nothing to write then). */
  savedKey: ReadModelKey | undefined;
  /** One line for the log: what was done, and why a file was not used. */
  note: string;
  /** Whether a file was there but refused (damaged, stale, another format): worth a warning, not just info. */
  refused: boolean;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** The read model for a start. `file` undefined: no saved model is used (PostgreSQL, or READ_MODEL_FILE=off). */
export async function loadStartModel(
  store: Store,
  file: string | undefined,
  options: LoadOptions = {},
): Promise<StartModel> {
  const started = performance.now();
  const build = async (why: string, refused: boolean): Promise<StartModel> => {
    const services = await loadServices(store, options);
    const note = `read model built from the store in ${seconds(performance.now() - started)}${why}`;
    return { services, from: "built", savedKey: undefined, note, refused };
  };
  if (file === undefined) return build("", false);
  const key = await readModelKey(store);
  let decoded: ReturnType<typeof readSavedModel>;
  try {
    decoded = readSavedModel(file, key);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    if (code === "ENOENT") return build(` (no saved read model at ${file} yet)`, false);
    return build(`; the saved read model ${file} was refused: unreadable (${code})`, true);
  }
  if (!decoded.ok) return build(`; the saved read model ${file} was refused: ${decoded.reason}`, true);
  const { model } = decoded;
  options.onPhase?.("saved", performance.now() - started);
  const services = await buildServices(store, model.data, model.key.writeSeq, {
    ...options,
    restored: { graph: model.graph, matchIndex: model.matchIndex },
  });
  const note = `read model taken from ${file} in ${seconds(performance.now() - started)} (${model.graph.order} nodes, ${model.graph.size} edges, data version ${key.dataVersion})`;
  return { services, from: "saved", savedKey: key, note, refused: false };
}

/** Writes the saved model in one short-lived worker thread; resolves with what it wrote. */
export function saveReadModelOffThread(request: SaveRequest): { done: Promise<SaveReply>; stop: () => Promise<void> } {
  const worker = new Worker(WORKER_ENTRY);
  // A save never keeps a process alive: a stopped server does not wait for it (the old file stays whole).
  worker.unref();
  const done = new Promise<SaveReply>((resolve) => {
    let settled = false;
    const settle = (reply: SaveReply) => {
      if (settled) return;
      settled = true;
      resolve(reply);
      void worker.terminate();
    };
    worker.once("message", settle);
    worker.once("error", (error) => settle({ ok: false, message: error.message, stack: error.stack }));
    worker.once("exit", (code) =>
      settle({ ok: false, message: `the worker exited with code ${code} before replying` }),
    );
  });
  worker.postMessage(request);
  return { done, stop: async () => void (await worker.terminate()) };
}

interface SaverLog {
  debug(line: string): void;
  warn(line: string): void;
}

/**
 * Keeps the saved model up to the served one: saves once the server is ready (when the file did not match), then
 * checks every `everyMs` and saves when writes have moved the model on. A save at 100k nodes costs a few seconds of
 * a worker thread's CPU, so the pace is minutes, not seconds: after a crash the file is at most that far behind, and
 * a stale file only means a start that builds the model, as it always did.
 */
export class ReadModelSaver {
  private saved: ReadModelKey | undefined;
  /** The served read model's version last saved for: each is tried once (a failing save is not retried in a loop). */
  private attemptedFor: string | undefined;
  private running: Promise<void> | undefined;
  private worker: { done: Promise<SaveReply>; stop: () => Promise<void> } | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly services: Services,
    private readonly storePath: string,
    readonly file: string,
    private readonly log: SaverLog,
    savedKey?: ReadModelKey,
  ) {
    this.saved = savedKey;
  }

  /** Whether the file holds what is served now. */
  get current(): boolean {
    return (
      this.saved !== undefined &&
      this.saved.dataVersion === this.services.dataVersion &&
      this.saved.writeSeq === this.services.writeSeq
    );
  }

  private servedKey(): string {
    return `${this.services.dataVersion}/${this.services.writeSeq}`;
  }

  start(everyMs = 5 * 60_000): void {
    void this.flush();
    this.timer = setInterval(() => void this.flush(), everyMs);
    this.timer.unref();
  }

  /** Writes the file now unless it is current; a save under way is waited for, then it is checked again. */
  async flush(): Promise<void> {
    for (;;) {
      if (this.running) {
        await this.running;
        continue;
      }
      if (this.stopped || this.current || this.attemptedFor === this.servedKey()) return;
      this.running = this.saveOnce().finally(() => {
        this.running = undefined;
      });
    }
  }

  private async saveOnce(): Promise<void> {
    this.attemptedFor = this.servedKey();
    this.worker = saveReadModelOffThread({ storePath: this.storePath, file: this.file });
    const reply = await this.worker.done;
    this.worker = undefined;
    if (this.stopped) return;
    if (reply.ok) {
      this.saved = reply.key;
      // Routine, so not in the default log (one line per start, stop, error and slow request); a failure is.
      this.log.debug(
        `read model saved to ${this.file} in ${seconds(reply.ms)} (${(reply.bytes / 1e6).toFixed(1)} MB, data version ${reply.key.dataVersion})`,
      );
    } else this.log.warn(`the read model could not be saved to ${this.file}: ${reply.message}`);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    if (this.worker) {
      await this.worker.stop();
      rmSync(temporaryOf(this.file), { force: true });
    }
  }
}
