import type { GradeOutcome, GradeSubmission } from "./reviews";

/** Where pending grades are kept between page loads (localStorage in the browser). */
export interface OutboxStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export type SendGrades = (grades: GradeSubmission[]) => Promise<GradeOutcome[]>;

export interface OutboxStatus {
  pending: number;
  sending: boolean;
  /** Set after a failed send; cleared by the next successful one. */
  offline: boolean;
  rejected: Extract<GradeOutcome, { status: "rejected" }>[];
}

/**
 * Grades waiting to reach the server. A grade is stored before it is sent
 * and removed only once the server has answered for it, so a closed tab, a
 * reload or a dropped connection never loses one; the server applies each
 * id once, so sending one twice is harmless.
 */
export class GradeOutbox {
  private grades: GradeSubmission[];
  private sending = false;
  private offline = false;
  private failures = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private rejected: OutboxStatus["rejected"] = [];

  constructor(
    private readonly storage: OutboxStorage,
    private readonly key: string,
    private readonly send: SendGrades,
    private readonly onChange: (status: OutboxStatus) => void = () => {},
    private readonly onApplied: (outcome: Extract<GradeOutcome, { status: "applied" }>) => void = () => {},
    private readonly retryDelayMs: (failures: number) => number = (n) => Math.min(30_000, 1000 * 2 ** Math.min(n, 5)),
  ) {
    this.grades = this.load();
  }

  private load(): GradeSubmission[] {
    try {
      const raw = this.storage.getItem(this.key);
      const parsed = raw ? (JSON.parse(raw) as unknown) : [];
      return Array.isArray(parsed) ? (parsed as GradeSubmission[]) : [];
    } catch {
      return [];
    }
  }

  private save() {
    try {
      this.storage.setItem(this.key, JSON.stringify(this.grades));
    } catch {
      // Storage full or blocked: the grades stay in memory and are still sent.
    }
  }

  status(): OutboxStatus {
    return { pending: this.grades.length, sending: this.sending, offline: this.offline, rejected: [...this.rejected] };
  }

  private changed() {
    this.onChange(this.status());
  }

  pending(): GradeSubmission[] {
    return [...this.grades];
  }

  add(grade: GradeSubmission) {
    this.grades.push(grade);
    this.save();
    this.changed();
    void this.flush();
  }

  /** Takes back a grade that has not been sent yet; false once it is on its way or applied. */
  remove(id: string): boolean {
    if (this.sending && this.inFlight.has(id)) return false;
    const before = this.grades.length;
    this.grades = this.grades.filter((g) => g.id !== id);
    if (this.grades.length === before) return false;
    this.save();
    this.changed();
    return true;
  }

  has(id: string): boolean {
    return this.grades.some((g) => g.id === id);
  }

  private inFlight = new Set<string>();

  private current: Promise<void> | null = null;

  /**
   * Sends everything pending; resolves when the outbox is empty or a send
   * failed. A call made while a send is in flight waits for it and then
   * sends what is left, so "after flush()" means "after the server answered".
   */
  async flush(): Promise<void> {
    while (this.current) await this.current;
    if (this.grades.length === 0) return;
    this.current = this.sendOnce().finally(() => {
      this.current = null;
    });
    await this.current;
    // Send what arrived meanwhile; stop if the server answered for nothing (never spin) or we are offline.
    if (!this.offline && this.lastProgressed && this.grades.length > 0) await this.flush();
  }

  private lastProgressed = false;

  private async sendOnce(): Promise<void> {
    clearTimeout(this.timer);
    this.sending = true;
    const batch = this.grades.slice(0, 500);
    this.inFlight = new Set(batch.map((g) => g.id));
    this.changed();
    this.lastProgressed = false;
    try {
      const outcomes = await this.send(batch);
      const answered = new Set(outcomes.map((o) => o.id));
      for (const outcome of outcomes) {
        if (outcome.status === "rejected") this.rejected.push(outcome);
        if (outcome.status === "applied") this.onApplied(outcome);
      }
      const before = this.grades.length;
      this.grades = this.grades.filter((g) => !answered.has(g.id));
      this.lastProgressed = this.grades.length < before;
      this.save();
      this.offline = false;
      this.failures = 0;
    } catch {
      this.offline = true;
      this.failures += 1;
      this.timer = setTimeout(() => void this.flush(), this.retryDelayMs(this.failures));
    } finally {
      this.sending = false;
      this.inFlight = new Set();
      this.changed();
    }
  }

  /** Stops retry timers (when the screen unmounts). */
  dispose() {
    clearTimeout(this.timer);
  }
}
