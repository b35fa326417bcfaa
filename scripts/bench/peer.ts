/** The side-by-side table that ends `npm run bench:review`. */

/** What the table needs of a benchmark result. */
export interface PeerInput {
  provider: string;
  load: { connections: number; requestsPerSecond: number; latencyMs: { p99: number } }[];
  firstLoadJs: { gzip: number };
}

/** The peer's figures as issue 15 quotes them (ts-fsrs-demo on the same kind of machine): low–high. */
const PEER = { gradesPerSecond: [190, 205], p99Ms: [515, 515], firstLoadKb: [248, 248] } as const;

/** One table of our figures beside the peer's, with the ratio (ours ÷ peer's) for each. */
export function peerTable(results: PeerInput[]): string {
  const ratio = (ours: number, [low, high]: readonly [number, number]) =>
    low === high ? `${(ours / low).toFixed(2)}×` : `${(ours / high).toFixed(2)}–${(ours / low).toFixed(2)}×`;
  const range = ([low, high]: readonly [number, number]) => (low === high ? `${low}` : `${low}–${high}`);
  const lines = ["### Beside the peer (ts-fsrs-demo, as quoted in issue 15)", "", "| measure | provider | Systemic | peer | ratio |", "|---|---|---:|---:|---:|"];
  for (const r of results) {
    const top = r.load.reduce<PeerInput["load"][number] | undefined>((best, l) => (!best || l.connections > best.connections ? l : best), undefined);
    if (top) {
      lines.push(`| grades/s at ${top.connections} connections | ${r.provider} | ${top.requestsPerSecond.toFixed(0)} | ${range(PEER.gradesPerSecond)} | ${ratio(top.requestsPerSecond, PEER.gradesPerSecond)} |`);
      lines.push(`| p99 at ${top.connections} connections (ms) | ${r.provider} | ${top.latencyMs.p99} | ~${range(PEER.p99Ms)} | ${ratio(top.latencyMs.p99, PEER.p99Ms)} |`);
    }
    lines.push(`| /review first-load JS (KB gzip) | ${r.provider} | ${(r.firstLoadJs.gzip / 1024).toFixed(1)} | ${range(PEER.firstLoadKb)} | ${ratio(r.firstLoadJs.gzip / 1024, PEER.firstLoadKb)} |`);
  }
  return lines.join("\n");
}

