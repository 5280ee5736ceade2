/**
 * Item 4: connections that are idle, slow or too many are closed, and health stays up meanwhile. Once, 22 000 idle
 * connections used up the file handles and /api/health failed.
 */
import { connect, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../server/http/server";
import { send, startGuardedServer } from "./attack-client";

let server: RunningServer;
let port: number;
const open: Socket[] = [];

beforeAll(async () => {
  server = await startGuardedServer({
    connections: { perAddress: 20, idleMs: 1500, headersMs: 1000, requestMs: 3000, keepAliveMs: 500 },
  });
  port = Number(new URL(server.url).port);
});
afterAll(async () => {
  for (const s of open) s.destroy();
  await server?.close();
});

/** Opens a TCP connection from `from` and resolves with it once connected; records when the server closes it. */
function idleConnection(from: string): Promise<Socket & { closedAt?: number }> {
  return new Promise((resolve, reject) => {
    const socket: Socket & { closedAt?: number } = connect({ host: "127.0.0.1", port, localAddress: from });
    open.push(socket);
    socket.on("close", () => {
      socket.closedAt = performance.now();
    });
    socket.on("error", () => {});
    // Read, so that the server's end of the connection is seen.
    socket.resume();
    socket.once("connect", () => resolve(socket));
    socket.once("error", reject);
  });
}

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("connection limits", () => {
  it("closes connections from one address beyond its limit at once, while health answers", async () => {
    const sockets = await Promise.all(Array.from({ length: 200 }, () => idleConnection("127.0.0.40")));
    await settle(300);
    const closed = sockets.filter((s) => s.closedAt !== undefined).length;
    expect(closed).toBeGreaterThanOrEqual(180);
    const health = await send(server.url, "/api/health");
    expect(health.status).toBe(200);
    expect(health.ms).toBeLessThan(1000);
  });

  it("closes an idle connection after the idle timeout", async () => {
    const socket = await idleConnection("127.0.0.41");
    const opened = performance.now();
    await settle(3500);
    expect(socket.closedAt).toBeDefined();
    expect((socket.closedAt as number) - opened).toBeLessThan(3500);
  });

  it("cuts off a client that sends its headers too slowly (Slowloris)", async () => {
    const socket = await idleConnection("127.0.0.42");
    const opened = performance.now();
    // One header line every 300 ms: never idle, never done.
    const drip = setInterval(() => {
      if (!socket.destroyed) socket.write(socket.bytesWritten === 0 ? "GET / HTTP/1.1\r\nHost: x\r\n" : "X-a: b\r\n");
    }, 300);
    await settle(4000);
    clearInterval(drip);
    expect(socket.closedAt).toBeDefined();
    expect((socket.closedAt as number) - opened).toBeLessThan(4000);
  });
});
