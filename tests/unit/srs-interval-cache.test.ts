import { beforeEach, describe, expect, it } from "vitest";
import { clearIntervalCache, intervalPreviews } from "@/lib/srs/interval-cache";
import { seededRandom } from "@/lib/srs/random";
import { gradeCard, newCardFields, previewGrades, type CardFields, type ReviewRating, type SchedulerSettings } from "@/lib/srs/scheduler";
import { DEFAULT_SRS_SETTINGS } from "@/lib/srs/settings";

const MINUTE = 60_000;
const DAY = 86_400_000;
const noFuzz: SchedulerSettings = { ...DEFAULT_SRS_SETTINGS, enableFuzz: false };
const labels = (fields: CardFields, now: Date, settings: SchedulerSettings) => {
  const p = previewGrades(fields, now, settings);
  return [p[1].interval, p[2].interval, p[3].interval, p[4].interval];
};

/** Cards in every state, made by grading a new card along random paths from a fixed start. */
function cards(count: number): CardFields[] {
  const random = seededRandom("interval-cache");
  const out: CardFields[] = [];
  for (let n = 0; n < count; n++) {
    let at = new Date(Date.UTC(2026, 0, 1, Math.floor(random() * 24), Math.floor(random() * 60)));
    let fields = newCardFields(at);
    const steps = Math.floor(random() * 8);
    for (let s = 0; s < steps; s++) {
      const rating = (1 + Math.floor(random() * 4)) as ReviewRating;
      fields = gradeCard(fields, rating, at, noFuzz).after;
      at = new Date(Math.max(at.getTime() + MINUTE, fields.due.getTime() + Math.floor(random() * 3 * DAY)));
    }
    out.push(fields);
  }
  return out;
}

describe("reused interval labels", () => {
  beforeEach(() => clearIntervalCache());

  it("equal ts-fsrs's labels at every time of the UTC day they were first worked out in", () => {
    const all = cards(150);
    const random = seededRandom("times");
    // Days after every card's last review (ts-fsrs refuses a review before the last one).
    const latest = Math.max(...all.map((c) => c.lastReview?.getTime() ?? 0));
    const firstDay = Math.ceil(latest / DAY) * DAY + DAY;
    for (const day of [firstDay, firstDay + 90 * DAY]) {
      // The first request of the day fills the cache; later ones, any time that day, read it.
      const first = new Date(day + Math.floor(random() * DAY));
      const fill = intervalPreviews(first, noFuzz);
      for (const fields of all) expect(fill(fields)).toEqual(labels(fields, first, noFuzz));
      for (let t = 0; t < 6; t++) {
        const later = new Date(day + Math.floor(random() * DAY));
        const read = intervalPreviews(later, noFuzz);
        for (const fields of all) expect(read(fields)).toEqual(labels(fields, later, noFuzz));
      }
    }
  });

  it("are worked out again for other settings, another card state or another day", () => {
    const [fields] = cards(40).filter((c) => c.state === 2);
    expect(fields).toBeDefined();
    const now = new Date(fields!.due.getTime() + 2 * DAY);
    const strict: SchedulerSettings = { ...noFuzz, desiredRetention: 0.97 };
    const loose: SchedulerSettings = { ...noFuzz, desiredRetention: 0.8 };
    expect(intervalPreviews(now, strict)(fields!)).toEqual(labels(fields!, now, strict));
    expect(intervalPreviews(now, loose)(fields!)).toEqual(labels(fields!, now, loose));
    expect(labels(fields!, now, strict)).not.toEqual(labels(fields!, now, loose));

    const lapsed = { ...fields!, stability: fields!.stability / 4 };
    expect(intervalPreviews(now, strict)(lapsed)).toEqual(labels(lapsed, now, strict));

    const muchLater = new Date(now.getTime() + 40 * DAY);
    expect(intervalPreviews(muchLater, strict)(fields!)).toEqual(labels(fields!, muchLater, strict));
  });

  it("hand out copies, so a caller cannot change what the next one reads", () => {
    const [fields] = cards(1);
    const now = new Date(Date.UTC(2026, 3, 1, 12));
    const first = intervalPreviews(now, noFuzz)(fields!);
    first[0] = "changed";
    expect(intervalPreviews(now, noFuzz)(fields!)).toEqual(labels(fields!, now, noFuzz));
  });
});
