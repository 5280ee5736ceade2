/**
 * Attacking clients for the abuse benchmark, in a CHILD process of their own: neither the server nor the health
 * prober shares their event loop. Each loop sends one request after the other (keep-alive) from its own source
 * address; any of 127.0.0.0/8 reaches a server on 127.0.0.1, so each address stands for another client. autocannon
 * cannot choose the source address per connection, hence plain node:http.
 * Run directly (`npx tsx tests/bench/attackers.ts '<json AttackPlan>'`), it is the child: it prints "started" as it
 * begins, attacks, then prints one JSON line of AttackFigures.
 */
import { spawn } from "node:child_process";
import { Agent, request } from "node:http";

export interface AttackPlan {
  url: string;
  /** Each loop cycles through these paths (GET). */
  paths: string[];
  /** Source address of each loop: one entry per loop. */
  addresses: string[];
  seconds: number;
}

export interface AttackFigures {
  /** Answers by HTTP status. */
  statuses: Record<string, number>;
  /** Requests that got no answer, by error code. */
  errors: Record<string, number>;
  /** Body bytes received with 200 answers. */
  okBytes: number;
  seconds: number;
}

/** Starts the attackers' process; `started` resolves when the first requests leave, `done` with the figures. */
export function attack(plan: AttackPlan): { started: Promise<void>; done: Promise<AttackFigures> } {
  const child = spawn(process.execPath, ["--import", "tsx", import.meta.filename, JSON.stringify(plan)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  let onStarted: () => void = () => {};
  const started = new Promise<void>((resolve) => (onStarted = resolve));
  child.stdout.on("data", (chunk: Buffer) => {
    output += chunk.toString();
    if (output.startsWith("started\n")) onStarted();
  });
  const done = new Promise<AttackFigures>((resolve, reject) => {
    child.once("exit", (code) => {
      onStarted();
      if (code !== 0) reject(new Error(`the attackers' process exited with ${code}: ${output}`));
      else resolve(JSON.parse(output.trim().split("\n").pop() as string) as AttackFigures);
    });
  });
  return { started, done };
}

function get(agent: Agent, url: URL, from: string): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, localAddress: from }, (res) => {
      let bytes = 0;
      res.on("data", (chunk: Buffer) => (bytes += chunk.length));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, bytes }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

async function run(plan: AttackPlan): Promise<AttackFigures> {
  const figures: AttackFigures = { statuses: {}, errors: {}, okBytes: 0, seconds: plan.seconds };
  const until = performance.now() + plan.seconds * 1000;
  const loop = async (from: string, offset: number) => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    for (let n = offset; performance.now() < until; n++) {
      const url = new URL(plan.paths[n % plan.paths.length] as string, plan.url);
      try {
        const { status, bytes } = await get(agent, url, from);
        figures.statuses[status] = (figures.statuses[status] ?? 0) + 1;
        if (status === 200) figures.okBytes += bytes;
      } catch (error) {
        const code = (error as { code?: string }).code ?? "unknown";
        figures.errors[code] = (figures.errors[code] ?? 0) + 1;
        // A refused connection is answered at once; do not spin.
        await new Promise((r) => setTimeout(r, 10));
      }
    }
    agent.destroy();
  };
  await Promise.all(plan.addresses.map((from, i) => loop(from, i)));
  return figures;
}

if (process.argv[1] === import.meta.filename) {
  const plan = JSON.parse(process.argv[2] as string) as AttackPlan;
  console.log("started");
  const figures = await run(plan);
  console.log(JSON.stringify(figures));
}
