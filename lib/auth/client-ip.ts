/**
 * The client's address for throttling. The server in front of Next
 * (scripts/server.ts) works it out from the socket and TRUSTED_PROXY_HOPS
 * and passes it on in this header, replacing whatever the client sent.
 */
export const CLIENT_IP_HEADER = "x-systemic-client-ip";

/**
 * The address of the client: with no trusted proxy (the default) the
 * socket's peer, since any X-Forwarded-For then came from the client
 * itself; behind `trustedHops` proxies that each append the address they
 * saw, the entry that many places from the right of the chain (the socket
 * being the last proxy). Entries further left are the client's to invent.
 */
export function clientAddress(forwardedFor: string | undefined, socketAddress: string | undefined, trustedHops: number): string {
  const socket = socketAddress?.trim() || "unknown";
  if (trustedHops <= 0) return socket;
  const chain = (forwardedFor ?? "").split(",").map((a) => a.trim()).filter(Boolean);
  const addresses = [...chain, socket];
  return addresses[Math.max(0, addresses.length - 1 - trustedHops)]!;
}

/** The client address passed on by the server, or "unknown" (e.g. under a bare `next start`). */
export function clientIp(headers: Headers | Record<string, string | string[] | undefined> | undefined): string {
  if (!headers) return "unknown";
  const value = headers instanceof Headers ? headers.get(CLIENT_IP_HEADER) : headers[CLIENT_IP_HEADER];
  const ip = (Array.isArray(value) ? value[0] : value)?.trim();
  return ip || "unknown";
}
