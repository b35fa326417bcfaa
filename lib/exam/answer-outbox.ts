/**
 * The exam screen's outbox: every change to an item (choice, mark, time) is
 * stored on the device before it is sent, sent one at a time in order, and
 * retried with backoff until the server has it, so a dropped connection, a
 * reload or a phone going to sleep never loses an answer. Only the latest
 * state of each item is kept: the server saves whole item states, so the
 * last one to arrive is the one that counts.
 */

export interface ItemState {
  itemId: string;
  chosen: number | null;
  marked: boolean;
  timeMs: number;
}

/** Where pending states are kept between page loads (localStorage in the browser). */
export interface OutboxStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** What the server said about one state; anything else (network, 5xx, signed out) is thrown and retried. */
export type SendOutcome<R> = { ok: true; result: R } | { ok: false; error: string; message: string };

export type Send<R> = (state: ItemState) => Promise<SendOutcome<R>>;

export interface OutboxStatus {
  pending: number;
  sending: boolean;
  /** Set after a failed send; cleared by the next successful one. */
  offline: boolean;
}

type Entry = { state: ItemState; version: number };

export class AnswerOutbox<R = unknown> {
  private entries = new Map<string, Entry>();
  private version = 0;
  private sending = false;
  private offline = false;
  private failures = 0;
  private stopped = false;
  private run: Promise<void> | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly storage: OutboxStorage | null,
    private readonly key: string,
    private readonly send: Send<R>,
    private readonly handlers: {
      onChange?: (status: OutboxStatus) => void;
      onSaved?: (state: ItemState, result: R) => void;
      onRejected?: (state: ItemState, error: string, message: string) => void;
    } = {},
    private readonly retryDelayMs: (failures: number) => number = (n) => Math.min(30_000, 1000 * 2 ** Math.min(n - 1, 5)),
  ) {
    for (const state of this.load()) this.entries.set(state.itemId, { state, version: ++this.version });
  }

  private load(): ItemState[] {
    if (!this.storage) return [];
    try {
      const raw = this.storage.getItem(this.key);
      const parsed = raw ? (JSON.parse(raw) as unknown) : [];
      return Array.isArray(parsed) ? parsed.filter(isItemState) : [];
    } catch {
      return [];
    }
  }

  private save() {
    if (!this.storage) return;
    try {
      if (this.entries.size === 0) this.storage.removeItem(this.key);
      else this.storage.setItem(this.key, JSON.stringify(this.pending()));
    } catch {
      // Storage full or blocked: the states stay in memory and are still sent.
    }
  }

  status(): OutboxStatus {
    return { pending: this.entries.size, sending: this.sending, offline: this.offline };
  }

  private changed() {
    this.handlers.onChange?.(this.status());
  }

  /** States not yet acknowledged by the server, oldest first. */
  pending(): ItemState[] {
    return [...this.entries.values()].map((e) => e.state);
  }

  /** Queues the latest state of an item (replacing any unsent one) and sends it. */
  put(state: ItemState) {
    if (this.stopped) return;
    this.entries.delete(state.itemId);
    this.entries.set(state.itemId, { state: { ...state }, version: ++this.version });
    this.save();
    this.changed();
    void this.flush();
  }

  /**
   * Sends everything pending, in order; resolves when the outbox is empty or
   * a send failed (a retry is then scheduled). While a run is under way it
   * returns that run, so callers can wait for everything put so far.
   */
  flush(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.run) return this.run;
    this.run = this.drain().finally(() => {
      this.run = null;
    });
    return this.run;
  }

  private async drain(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.sending = true;
    this.changed();
    try {
      for (;;) {
        const next = this.entries.values().next();
        if (next.done || this.stopped) break;
        const { state, version } = next.value;
        let outcome: SendOutcome<R>;
        try {
          outcome = await this.send(state);
        } catch {
          this.offline = true;
          this.failures += 1;
          if (!this.stopped) this.timer = setTimeout(() => void this.flush(), this.retryDelayMs(this.failures));
          break;
        }
        this.offline = false;
        this.failures = 0;
        // A newer state of the same item may have arrived meanwhile; it stays queued.
        if (this.entries.get(state.itemId)?.version === version) this.entries.delete(state.itemId);
        this.save();
        if (outcome.ok) this.handlers.onSaved?.(state, outcome.result);
        else this.handlers.onRejected?.(state, outcome.error, outcome.message);
        this.changed();
      }
    } finally {
      this.sending = false;
      this.changed();
    }
  }

  /** Drops everything (the attempt is over) and stops sending. */
  stop() {
    this.stopped = true;
    clearTimeout(this.timer);
    this.entries.clear();
    this.save();
    this.changed();
  }

  /** Stops retry timers (when the screen unmounts); pending states stay stored. */
  dispose() {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}

function isItemState(value: unknown): value is ItemState {
  const v = value as Partial<ItemState> | null;
  return (
    !!v &&
    typeof v.itemId === "string" &&
    (v.chosen === null || (typeof v.chosen === "number" && Number.isInteger(v.chosen) && v.chosen >= 0 && v.chosen <= 3)) &&
    typeof v.marked === "boolean" &&
    typeof v.timeMs === "number" &&
    Number.isFinite(v.timeMs) &&
    v.timeMs >= 0
  );
}
