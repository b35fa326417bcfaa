import { describe, expect, it, vi } from "vitest";
import { AnswerOutbox, type ItemState, type OutboxStorage, type SendOutcome } from "@/lib/exam/answer-outbox";

function memoryStorage(): OutboxStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

const state = (itemId: string, chosen: number | null, marked = false, timeMs = 1000): ItemState => ({ itemId, chosen, marked, timeMs });
const saved = (s: ItemState): SendOutcome<string> => ({ ok: true, result: `saved ${s.itemId}=${s.chosen}` });

describe("the answer outbox", () => {
  it("keeps a state on the device until the server has it", async () => {
    const storage = memoryStorage();
    let release = () => {};
    const send = vi.fn((s: ItemState) => new Promise<SendOutcome<string>>((resolve) => (release = () => resolve(saved(s)))));
    const box = new AnswerOutbox(storage, "k", send);
    box.put(state("a", 1));
    expect(JSON.parse(storage.data.get("k")!)).toEqual([state("a", 1)]);
    expect(box.status()).toMatchObject({ pending: 1, sending: true });
    release();
    await vi.waitFor(() => expect(box.status().pending).toBe(0));
    expect(storage.data.has("k")).toBe(false);
  });

  it("sends only the latest state of an item, and never lets an older one overwrite a newer one", async () => {
    const sent: ItemState[] = [];
    let release = () => {};
    const box = new AnswerOutbox(null, "k", (s) => {
      sent.push(s);
      return new Promise<SendOutcome<string>>((resolve) => (release = () => resolve(saved(s))));
    });
    box.put(state("a", 0));
    // While "A" is in flight the learner changes their mind twice.
    box.put(state("a", 1));
    box.put(state("a", 2));
    release();
    await vi.waitFor(() => expect(sent).toHaveLength(2));
    release();
    await vi.waitFor(() => expect(box.status().pending).toBe(0));
    expect(sent.map((s) => s.chosen)).toEqual([0, 2]);
  });

  it("survives a reload: a new outbox on the same storage sends what was left", async () => {
    const storage = memoryStorage();
    const failing = new AnswerOutbox(storage, "k", () => Promise.reject(new Error("offline")), {}, () => 60_000);
    failing.put(state("a", 1));
    failing.put(state("b", null, true));
    await vi.waitFor(() => expect(failing.status().offline).toBe(true));
    failing.dispose();

    const sent: string[] = [];
    const reloaded = new AnswerOutbox(storage, "k", async (s) => {
      sent.push(s.itemId);
      return saved(s);
    });
    expect(reloaded.pending()).toEqual([state("a", 1), state("b", null, true)]);
    await reloaded.flush();
    expect(sent).toEqual(["a", "b"]);
    expect(reloaded.status()).toMatchObject({ pending: 0, offline: false });
  });

  it("retries with back-off after a failure and reports being offline meanwhile", async () => {
    vi.useFakeTimers();
    try {
      let online = false;
      const send = vi.fn(async (s: ItemState) => {
        if (!online) throw new Error("network down");
        return saved(s);
      });
      const box = new AnswerOutbox(null, "k", send, {}, (n) => n * 1000);
      box.put(state("a", 3));
      await vi.advanceTimersByTimeAsync(0);
      expect(box.status()).toMatchObject({ pending: 1, offline: true });
      await vi.advanceTimersByTimeAsync(1000);
      expect(send).toHaveBeenCalledTimes(2);
      online = true;
      await vi.advanceTimersByTimeAsync(2000);
      expect(box.status()).toMatchObject({ pending: 0, offline: false });
      expect(send).toHaveBeenCalledTimes(3);
    } finally {
      vi.useRealTimers();
    }
  });

  it("drops a state the server refused and reports it, and goes on with the rest", async () => {
    const rejected: string[] = [];
    const box = new AnswerOutbox<string>(
      null,
      "k",
      async (s) => (s.itemId === "bad" ? { ok: false, error: "not-in-attempt", message: "not part of this attempt" } : saved(s)),
      { onRejected: (s, error) => rejected.push(`${s.itemId}:${error}`) },
    );
    box.put(state("bad", 0));
    box.put(state("good", 1));
    await box.flush();
    expect(rejected).toEqual(["bad:not-in-attempt"]);
    expect(box.status().pending).toBe(0);
  });

  it("lets a caller wait for a send already under way (submitting waits for the last answer)", async () => {
    let release = () => {};
    const box = new AnswerOutbox(null, "k", (s) => new Promise<SendOutcome<string>>((resolve) => (release = () => resolve(saved(s)))));
    box.put(state("a", 1));
    let done = false;
    const waiting = box.flush().then(() => (done = true));
    await Promise.resolve();
    expect(done).toBe(false);
    release();
    await waiting;
    expect(box.status().pending).toBe(0);
  });

  it("ignores malformed stored states and stops for good once the attempt is over", async () => {
    const storage = memoryStorage();
    storage.setItem("k", JSON.stringify([{ itemId: "a", chosen: 7, marked: false, timeMs: 1 }, "junk", state("b", 2)]));
    const send = vi.fn(async (s: ItemState) => saved(s));
    const box = new AnswerOutbox(storage, "k", send);
    expect(box.pending()).toEqual([state("b", 2)]);
    box.stop();
    box.put(state("c", 0));
    await box.flush();
    expect(send).not.toHaveBeenCalled();
    expect(storage.data.has("k")).toBe(false);
  });
});
