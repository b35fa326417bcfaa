import { describe, expect, it, vi } from "vitest";
import { GradeOutbox, type OutboxStorage } from "@/lib/srs/outbox";
import type { GradeOutcome, GradeSubmission } from "@/lib/srs/reviews";

function memoryStorage(): OutboxStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

const grade = (n: number): GradeSubmission => ({ id: `grade-000${n}`, cardId: `c${n}`, rating: 3, durationMs: 1000, recordedAt: "2026-11-22T10:00:00.000Z" });
const applied = (g: GradeSubmission): GradeOutcome => ({
  id: g.id,
  status: "applied",
  reviewedAt: "2026-11-22T10:00:00.000Z",
  source: "review",
  card: { id: g.cardId, due: "2026-11-23T10:00:00.000Z", state: 2, suspended: false, leech: false },
});

describe("the grade outbox", () => {
  it("keeps grades in storage until the server has answered for them", async () => {
    const storage = memoryStorage();
    let release: (v: GradeOutcome[]) => void = () => {};
    const send = vi.fn((grades: GradeSubmission[]) => new Promise<GradeOutcome[]>((resolve) => (release = () => resolve(grades.map(applied)))));
    const box = new GradeOutbox(storage, "k", send);
    box.add(grade(1));
    expect(JSON.parse(storage.data.get("k")!)).toHaveLength(1);
    expect(box.status()).toMatchObject({ pending: 1, sending: true });
    release([]);
    await vi.waitFor(() => expect(box.status().pending).toBe(0));
    expect(JSON.parse(storage.data.get("k")!)).toHaveLength(0);
  });

  it("survives a reload: a new outbox on the same storage sends what was left", async () => {
    const storage = memoryStorage();
    const failing = new GradeOutbox(storage, "k", () => Promise.reject(new Error("offline")), undefined, undefined, () => 60_000);
    failing.add(grade(1));
    failing.add(grade(2));
    await vi.waitFor(() => expect(failing.status().offline).toBe(true));
    failing.dispose();

    const sent: string[][] = [];
    const reloaded = new GradeOutbox(storage, "k", async (grades) => {
      sent.push(grades.map((g) => g.id));
      return grades.map(applied);
    });
    expect(reloaded.status().pending).toBe(2);
    await reloaded.flush();
    expect(sent).toEqual([["grade-0001", "grade-0002"]]);
    expect(reloaded.status()).toMatchObject({ pending: 0, offline: false });
  });

  it("retries after a failure with back-off and reports being offline meanwhile", async () => {
    vi.useFakeTimers();
    try {
      let online = false;
      const send = vi.fn(async (grades: GradeSubmission[]) => {
        if (!online) throw new Error("network down");
        return grades.map(applied);
      });
      const statuses: boolean[] = [];
      const box = new GradeOutbox(memoryStorage(), "k", send, (s) => statuses.push(s.offline), undefined, (n) => n * 1000);
      box.add(grade(1));
      await vi.advanceTimersByTimeAsync(0);
      expect(box.status()).toMatchObject({ pending: 1, offline: true });
      await vi.advanceTimersByTimeAsync(1000);
      expect(send).toHaveBeenCalledTimes(2);
      online = true;
      await vi.advanceTimersByTimeAsync(2000);
      expect(box.status()).toMatchObject({ pending: 0, offline: false });
      expect(statuses).toContain(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it("lets an unsent grade be taken back but not one already on its way", async () => {
    let release: () => void = () => {};
    const box = new GradeOutbox(memoryStorage(), "k", (grades) => new Promise((resolve) => (release = () => resolve(grades.map(applied)))));
    box.add(grade(1));
    expect(box.remove("grade-0001")).toBe(false);
    box.add(grade(2));
    expect(box.remove("grade-0002")).toBe(true);
    release();
    await vi.waitFor(() => expect(box.status().pending).toBe(0));
  });

  it("reports rejected grades and drops them, and does not spin when the server answers for nothing", async () => {
    const send = vi.fn(async (grades: GradeSubmission[]): Promise<GradeOutcome[]> =>
      grades.filter((g) => g.id !== "grade-0002").map((g) => ({ id: g.id, status: "rejected", reason: "too-old", message: "Too old" })),
    );
    const box = new GradeOutbox(memoryStorage(), "k", send);
    box.add(grade(1));
    await vi.waitFor(() => expect(box.status().rejected).toHaveLength(1));
    box.add(grade(2));
    await vi.waitFor(() => expect(send).toHaveBeenCalledTimes(2));
    await new Promise((r) => setTimeout(r, 20));
    expect(send).toHaveBeenCalledTimes(2);
    expect(box.status().pending).toBe(1);
  });

  it("makes a flush during a send wait until the server has answered", async () => {
    let release: () => void = () => {};
    const box = new GradeOutbox(memoryStorage(), "k", (grades) => new Promise((resolve) => (release = () => resolve(grades.map(applied)))));
    box.add(grade(1));
    let flushed = false;
    const waiting = box.flush().then(() => (flushed = true));
    await new Promise((r) => setTimeout(r, 10));
    expect(flushed).toBe(false);
    release();
    await waiting;
    expect(box.status()).toMatchObject({ pending: 0, sending: false });
  });
});
