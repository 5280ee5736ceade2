/**
 * The real server in its own process, as `npm start` runs it (`server/main.ts`, without the client), for tests that
 * kill it, read its log or run several side by side. Resolves once it prints "running at URL". Every process
 * started here is killed by killServerProcesses (call it in afterAll).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";

const root = join(import.meta.dirname, "..", "..");
const started = new Set<ChildProcess>();

export interface ServerProcess {
  url: string;
  process: ChildProcess;
  /** What it wrote to stdout so far (JSON lines when not on a terminal). */
  stdout(): string;
  /** stdout and stderr so far. */
  output(): string;
}

/** `env` comes on top of this process's environment and PORT=0, HOST=127.0.0.1. */
export function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const proc = spawn(process.execPath, ["--import", "tsx", join(root, "server/main.ts"), "--no-client"], {
    cwd: root,
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  started.add(proc);
  proc.on("exit", () => started.delete(proc));
  let stdout = "";
  let stderr = "";
  return new Promise((resolve, reject) => {
    const timeout = setTimeout(() => reject(new Error(`server did not start in 60 s:\n${stdout}${stderr}`)), 60_000);
    proc.stdout?.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /running at (http:\/\/[^\s"]+)/.exec(stdout);
      if (match) {
        clearTimeout(timeout);
        resolve({ url: match[1] as string, process: proc, stdout: () => stdout, output: () => stdout + stderr });
      }
    });
    proc.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    proc.on("exit", (code) => {
      clearTimeout(timeout);
      reject(new Error(`server exited (${code}) before listening:\n${stdout}${stderr}`));
    });
  });
}

export function killServerProcesses(): void {
  for (const proc of started) proc.kill("SIGKILL");
}
