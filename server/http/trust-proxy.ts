/**
 * TRUST_PROXY: which hops in front of the server may be believed about the client's address and protocol.
 * `false` (or 0) trusts none; a number n trusts the n nearest hops (X-Forwarded-For is read from the right, so
 * whatever a client writes further left is ignored); a comma-separated list trusts those proxy addresses or CIDR
 * ranges. `true`, trust every hop, is refused: any client could then name its own address and walk past the
 * per-address limits.
 */

import { isIP } from "node:net";
import proxyAddr from "@fastify/proxy-addr";

export type TrustProxy = false | number | string[];

export class TrustProxyError extends Error {
  override name = "TrustProxyError";
}

const CIDR = /^([0-9a-fA-F:.]+)(\/\d{1,3})?$/;
const NAMED = new Set(["loopback", "linklocal", "uniquelocal"]);

export function parseTrustProxy(raw: string | undefined): TrustProxy {
  const value = (raw ?? "").trim();
  if (value === "" || value === "false" || value === "0") return false;
  if (/^\d+$/.test(value)) return Number(value);
  if (value === "true") {
    throw new TrustProxyError(
      'must be the number of proxies in front of the server (usually 1) or their addresses, not "true": trusting every hop lets a client choose its own address',
    );
  }
  const entries = value.split(",").map((e) => e.trim());
  for (const entry of entries) {
    const match = CIDR.exec(entry);
    if (!NAMED.has(entry) && !(match && isIP(match[1] as string))) {
      throw new TrustProxyError(
        `"${entry}" is not an IP address, a CIDR range or one of loopback, linklocal, uniquelocal`,
      );
    }
  }
  return entries;
}

/** Whether a directly connected peer is one of the trusted proxies (whose connections stand for many clients). */
export function isTrustedPeer(trust: TrustProxy): (address: string) => boolean {
  if (trust === false) return () => false;
  if (typeof trust === "number") return () => trust > 0;
  const test = proxyAddr.compile(trust);
  return (address) => test(address, 0);
}

/** The setting as Fastify takes it: a hop count becomes "the n nearest hops", as proxy-addr counts them. */
export function fastifyTrustProxy(trust: TrustProxy): false | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trust === "number") return (_address, hop) => hop < trust;
  return trust;
}
