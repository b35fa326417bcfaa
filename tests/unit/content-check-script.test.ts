import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { main } from "@/scripts/content-check";

const fixture = (name: string) => path.join(import.meta.dirname, "fixtures/content", name);

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, "log").mockImplementation((...args) => void out.push(args.join(" ")));
  vi.spyOn(console, "error").mockImplementation((...args) => void err.push(args.join(" ")));
  return { out, err };
}

// Compiling lessons with esbuild can be slow on a busy machine.
describe("npm run content:check", { timeout: 30_000 }, () => {
  afterEach(() => vi.restoreAllMocks());

  it("passes a good bank", async () => {
    const { out, err } = capture();
    expect(await main(["--root", fixture("good")])).toBe(0);
    expect(out).toEqual(["Content OK: 2 lessons, 5 items, 4 flashcards."]);
    expect(err).toEqual([]);
  });

  it("prints file:line: message for each problem and fails", async () => {
    const { out } = capture();
    expect(await main(["--root", fixture("bad")])).toBe(1);
    expect(out).toContain("content/items/schema.yaml:14: sch-001: an item has exactly four options (found 3) [item-four-options]");
    expect(out).toContain('content/lessons/compile-error.mdx:17: MDX does not compile: Could not resolve "./missing.js" [mdx-compile]');
    expect(out.at(-1)).toBe("\n227 problems in 16 files.");
  });

  it("--json prints the counts to stdout and the problems to stderr, still failing", async () => {
    const { out, err } = capture();
    expect(await main(["--root", fixture("bad"), "--json"])).toBe(1);
    const stats = JSON.parse(out.join("\n"));
    expect(stats).toMatchObject({ problems: 227, itemsPerLesson: { "spread-lesson": 8 }, keyPositions: { A: 20, B: 0 } });
    expect(err).toContain("content/lessons/wrong-slug.mdx:2: slug \"another-slug\" must equal the file name \"wrong-slug\" [lesson-slug]");
  });

  it("--json on a good bank prints only the counts", async () => {
    const { out, err } = capture();
    expect(await main(["--root", fixture("good"), "--json"])).toBe(0);
    expect(JSON.parse(out.join("\n"))).toMatchObject({ lessons: 2, items: 5, flashcards: 4, keyPositions: { A: 2, B: 1, C: 1, D: 1 }, problems: 0 });
    expect(err).toEqual([]);
  });
});
