/**
 * Item 2, found by the abuse benchmark (npm run bench -- abuse): the queue of heavy answers (heavy-work.ts).
 * - Queued answers must start one per event-loop turn. They used to start in the chain of promise callbacks that
 *   freed the slot, so a whole queue of answers ran back to back before the server read another socket: on the seed,
 *   24 addresses fetching the GEXF export held /api/health up to 0.3 s (event loop blocked 330 ms, p99 240 ms).
 * - A heavy call refused with 503 because the server is busy must not use up the client's per-minute budget: it used
 *   to, so 24 clients refused by a busy server soon got 429 for the rest of the minute.
 * Each test starts a fresh server: the first layout.positions computes the layout in a worker (about a second), which holds the first two
 * slots long enough for a burst to queue behind them.
 */
import type { ServerResponse } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_HEAVY_PER_MINUTE, HEAVY_CONCURRENCY, HEAVY_QUEUE } from "../../server/http/heavy-work";
import type { RunningServer } from "../../server/http/server";
import { send, startGuardedServer } from "./attack-client";

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const count = (statuses: number[], status: number) => statuses.filter((s) => s === status).length;

describe("the queue of heavy answers", () => {
  it("starts queued answers one per event-loop turn, so other sockets are read in between", async () => {
    server = await startGuardedServer();
    // The server runs in this process: count the event loop's turns, and note the turn each answer finished in.
    let turn = 0;
    let ticking = true;
    const tick = () => {
      turn++;
      if (ticking) setImmediate(tick);
    };
    tick();
    const finishedIn: number[] = [];
    server.app.server.on("request", (_req, res: ServerResponse) => res.once("finish", () => finishedIn.push(turn)));
    const burst = HEAVY_CONCURRENCY + HEAVY_QUEUE;
    const answers = await Promise.all(
      Array.from({ length: burst }, () => send(server?.url as string, "/trpc/layout.positions", { from: "127.0.7.1" })),
    );
    ticking = false;
    const served = count(
      answers.map((a) => a.status),
      200,
    );
    expect(served).toBeGreaterThan(HEAVY_CONCURRENCY + 4);
    // Two slots: at most two answers may finish in the same turn.
    const perTurn = new Map<number, number>();
    for (const t of finishedIn) perTurn.set(t, (perTurn.get(t) ?? 0) + 1);
    expect(
      Math.max(...perTurn.values()),
      `answers finished per turn: ${JSON.stringify([...perTurn])}`,
    ).toBeLessThanOrEqual(HEAVY_CONCURRENCY);
  });

  it("does not charge a client's budget for heavy calls refused with 503 (busy)", async () => {
    server = await startGuardedServer();
    const from = "127.0.7.2";
    const burst = 3 * (HEAVY_CONCURRENCY + HEAVY_QUEUE);
    const first = await Promise.all(
      Array.from({ length: burst }, () => send(server?.url as string, "/trpc/layout.positions", { from })),
    );
    const busy = count(
      first.map((a) => a.status),
      503,
    );
    const served = count(
      first.map((a) => a.status),
      200,
    );
    expect(busy, "the burst must overflow the queue").toBeGreaterThan(0);
    expect(served + busy).toBe(burst);
    // What is left of the minute's budget: exactly what the served calls did not use.
    let more = 0;
    for (;;) {
      const answer = await send(server.url, "/trpc/layout.positions", { from });
      if (answer.status !== 200) {
        expect(answer.status).toBe(429);
        break;
      }
      more++;
    }
    expect(more).toBe(DEFAULT_HEAVY_PER_MINUTE - served);
  });
});
