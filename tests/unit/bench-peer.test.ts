import { describe, expect, it } from "vitest";
import { peerTable } from "../../scripts/bench/peer";

describe("the benchmark's side-by-side table", () => {
  it("puts the highest concurrency's figures beside the peer's, with ours ÷ theirs", () => {
    const table = peerTable([
      {
        provider: "sqlite",
        load: [
          { connections: 16, requestsPerSecond: 149, latencyMs: { p99: 166 } },
          { connections: 64, requestsPerSecond: 150, latencyMs: { p99: 550 } },
        ],
        firstLoadJs: { gzip: 144.8 * 1024 },
      },
    ]);
    expect(table).toContain("| grades/s at 64 connections | sqlite | 150 | 190–205 | 0.73–0.79× |");
    expect(table).toContain("| p99 at 64 connections (ms) | sqlite | 550 | ~515 | 1.07× |");
    expect(table).toContain("| /review first-load JS (KB gzip) | sqlite | 144.8 | 248 | 0.58× |");
  });
});
