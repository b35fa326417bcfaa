import { describe, expect, it } from "vitest";
import { CLIENT_IP_HEADER, clientAddress, clientIp } from "@/lib/auth/client-ip";

describe("the client address for throttling", () => {
  it("uses the socket address when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddress(undefined, "203.0.113.7", 0)).toBe("203.0.113.7");
    for (const forged of ["198.51.100.1", "198.51.100.2", "10.0.0.1, 198.51.100.3"]) expect(clientAddress(forged, "203.0.113.7", 0)).toBe("203.0.113.7");
  });

  it("behind trusted proxies takes the address the outermost trusted one saw, not what the client put before it", () => {
    // One proxy (the socket peer) appended the client's address.
    expect(clientAddress("203.0.113.7", "10.0.0.2", 1)).toBe("203.0.113.7");
    expect(clientAddress("6.6.6.6, 203.0.113.7", "10.0.0.2", 1)).toBe("203.0.113.7");
    // Two proxies: a CDN appended the client, the load balancer appended the CDN.
    expect(clientAddress("6.6.6.6, 203.0.113.7, 192.0.2.10", "10.0.0.2", 2)).toBe("203.0.113.7");
    // Fewer entries than trusted hops: the leftmost one there is.
    expect(clientAddress(undefined, "10.0.0.2", 3)).toBe("10.0.0.2");
  });

  it("reads only the server's own header, never X-Forwarded-For", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "198.51.100.1" }))).toBe("unknown");
    expect(clientIp(new Headers({ [CLIENT_IP_HEADER]: "203.0.113.7", "x-forwarded-for": "198.51.100.1" }))).toBe("203.0.113.7");
    expect(clientIp({ [CLIENT_IP_HEADER]: "203.0.113.8" })).toBe("203.0.113.8");
    expect(clientIp(undefined)).toBe("unknown");
  });
});
