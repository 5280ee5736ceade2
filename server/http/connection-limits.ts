/**
 * Connection limits for the Node HTTP server: idle, slow and numerous connections are closed before they can use up
 * the process's file handles (22 000 idle connects once did). Each open connection from one address counts against
 * `perAddress`; the next is closed at once. Connections from a trusted reverse proxy are not counted (they carry
 * every client; the proxy limits those). The timeouts close what is idle or slow.
 */
import type { Server, ServerOptions } from "node:http";
import type { Socket } from "node:net";

export interface ConnectionLimits {
  /** Open connections one address may hold. */
  perAddress: number;
  /** All open connections. */
  total: number;
  /** A connection with nothing in flight is closed after this long (ms). */
  idleMs: number;
  /** The request headers must arrive within this (ms): slow-header clients (Slowloris) are cut off. */
  headersMs: number;
  /** The whole request (headers and body) must arrive within this (ms). */
  requestMs: number;
  /** A kept-alive connection waits this long for the next request (ms). */
  keepAliveMs: number;
}

export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = {
  perAddress: 100,
  total: 10_000,
  idleMs: 30_000,
  headersMs: 10_000,
  requestMs: 30_000,
  keepAliveMs: 5_000,
};

/** Options for http.createServer: how often Node checks the header and request timeouts (default 30 s). */
export const httpServerOptions = (limits: ConnectionLimits): ServerOptions => ({
  headersTimeout: limits.headersMs,
  requestTimeout: limits.requestMs,
  connectionsCheckingInterval: Math.max(100, Math.min(1000, limits.headersMs / 4)),
});

export function limitConnections(server: Server, limits: ConnectionLimits, trustedPeer: (a: string) => boolean): void {
  server.maxConnections = limits.total;
  const open = new Map<string, number>();
  server.on("connection", (socket: Socket) => {
    const address = socket.remoteAddress ?? "unknown";
    if (trustedPeer(address)) return;
    const count = (open.get(address) ?? 0) + 1;
    if (count > limits.perAddress) {
      socket.destroy();
      return;
    }
    open.set(address, count);
    socket.once("close", () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left <= 0) open.delete(address);
      else open.set(address, left);
    });
  });
}
