import { describe, expect, it } from "vitest";
import { carryOver, chooseSession, countGrade, deviceIntervals, gradeOnDevice, toCardFields, toDeviceFields, type DeviceQueue } from "@/lib/srs/device-queue";
import { remainingByKind } from "@/lib/srs/queue-counts";
import { gradeCard, newCardFields, previewGrades } from "@/lib/srs/scheduler";
import { DEFAULT_SRS_SETTINGS } from "@/lib/srs/settings";
import type { ReviewCardView, ReviewSession } from "@/lib/srs/session";

const now = new Date("2026-11-22T15:00:00.000Z");
const scheduler = { ...DEFAULT_SRS_SETTINGS, enableFuzz: false, parameters: null };

function card(id: string, fields = newCardFields(new Date("2026-11-20T10:00:00.000Z"))): ReviewCardView {
  return {
    cardId: id,
    kind: "flashcard",
    queue: "new",
    lessonSlug: "joining",
    section: "s",
    front: { text: `front ${id}` },
    back: { text: `back ${id}` },
    intervals: ["1m", "6m", "10m", "8d"],
    fields: toDeviceFields(fields),
  };
}

function session(generatedAt: string, cards: ReviewCardView[] = [card("a")]): ReviewSession {
  return {
    generatedAt,
    scheduler,
    day: { key: "2026-11-22", start: "2026-11-22T10:00:00.000Z", end: "2026-11-23T10:00:00.000Z" },
    counts: { learning: 0, review: 0, new: cards.length, learnAhead: 0 },
    cards,
    doneToday: { cards: 0, reviews: 0, newCards: 0, passed: 0, total: 0 },
    tomorrow: 0,
    hasCards: true,
    lastGrade: null,
  };
}

const device = (lastGradedAt: string | null, s = session("2026-11-22T14:00:00.000Z")): DeviceQueue => ({ userId: "u1", session: s, lastGradedAt });
const base = { userId: "u1", pending: 0, online: true, now };

describe("choosing the page's queue or the device's", () => {
  const server = session("2026-11-22T14:50:00.000Z");

  it("takes the server's when the device has nothing, or another learner's queue", () => {
    expect(chooseSession({ ...base, server, device: undefined })).toBe("server");
    expect(chooseSession({ ...base, server, device: { ...device("2026-11-22T14:55:00.000Z"), userId: "u2" } })).toBe("server");
  });

  it("takes the device's while grades wait, while offline, or when it graded after the server built its copy", () => {
    expect(chooseSession({ ...base, server, device: device(null), pending: 2 })).toBe("device");
    expect(chooseSession({ ...base, server, device: device(null), online: false })).toBe("device");
    expect(chooseSession({ ...base, server, device: device("2026-11-22T14:55:00.000Z") })).toBe("device");
  });

  it("takes the server's once it is newer than the device's last grade, and never a copy from a day that has ended", () => {
    expect(chooseSession({ ...base, server, device: device("2026-11-22T14:40:00.000Z") })).toBe("server");
    const tomorrow = new Date("2026-11-23T11:00:00.000Z");
    expect(chooseSession({ ...base, now: tomorrow, server, device: device("2026-11-22T14:55:00.000Z"), pending: 3 })).toBe("server");
  });
});

describe("grading on the device", () => {
  it("computes the answer buttons' intervals with ts-fsrs from the stored state, as the server does", () => {
    const c = card("a");
    const server = previewGrades(toCardFields(c.fields), now, scheduler);
    expect(deviceIntervals(c, now, scheduler)).toEqual([server[1].interval, server[2].interval, server[3].interval, server[4].interval]);
  });

  it("brings a card in a learning step back at the end of today's queue with its new state", () => {
    const c = card("a");
    const { again, counted } = gradeOnDevice(c, 1, now, session(now.toISOString(), [c]));
    expect(counted).toBe("new");
    expect(again).not.toBeNull();
    expect(again!.queue).toBe("learning");
    expect(toCardFields(again!.fields)).toEqual(gradeCard(toCardFields(c.fields), 1, now, scheduler).after);
  });

  it("lets a card that graduates leave today's queue", () => {
    const c = card("a");
    expect(gradeOnDevice(c, 4, now, session(now.toISOString(), [c])).again).toBeNull();
  });

  it("counts today's new cards and reviews for the summary", () => {
    const done = { cards: 4, reviews: 1, newCards: 2, passed: 1, total: 1 };
    expect(countGrade(done, "new", 3)).toEqual({ ...done, cards: 5, newCards: 3 });
    expect(countGrade(done, "review", 1)).toEqual({ ...done, cards: 5, reviews: 2, total: 2, passed: 1 });
    expect(countGrade(done, "review", 3)).toEqual({ ...done, cards: 5, reviews: 2, total: 2, passed: 2 });
    // A learning step is done work too, though it is neither a new card nor a review.
    expect(countGrade(done, null, 3)).toEqual({ ...done, cards: 5 });
  });

  it("starts the done count from a stored queue that predates it", () => {
    const old = { reviews: 1, newCards: 2, passed: 1, total: 1 } as ReviewSession["doneToday"];
    expect(countGrade(old, null, 1).cards).toBe(4);
  });

  it("splits what is left by kind, learn-ahead counted as learning", () => {
    const kinds = ["new", "learning", "learn-ahead", "review", "review", "new"] as const;
    expect(remainingByKind(kinds.map((queue) => ({ queue })))).toEqual({ new: 2, learning: 2, review: 2 });
    expect(remainingByKind([])).toEqual({ new: 0, learning: 0, review: 0 });
  });
});

describe("offline on a new day", () => {
  const yesterday = session("2026-11-22T14:50:00.000Z");
  const tomorrow = new Date("2026-11-23T11:00:00.000Z");

  it("carries yesterday's device queue over when the page is an old copy too, and only then", () => {
    const stored = device("2026-11-22T15:10:00.000Z", session("2026-11-22T15:00:00.000Z"));
    expect(chooseSession({ ...base, now: tomorrow, online: false, server: yesterday, device: stored })).toBe("carried-over");
    // Online, or with a page from today, the server's copy wins.
    expect(chooseSession({ ...base, now: tomorrow, online: true, server: yesterday, device: stored })).toBe("server");
    const today = { ...session("2026-11-23T10:30:00.000Z"), day: { key: "2026-11-23", start: "2026-11-23T10:00:00.000Z", end: "2026-11-24T10:00:00.000Z" } };
    expect(chooseSession({ ...base, now: tomorrow, online: false, server: today, device: stored })).toBe("server");
    // A device copy older than the page is not carried over.
    expect(chooseSession({ ...base, now: tomorrow, online: false, server: yesterday, device: device(null, session("2026-11-22T09:00:00.000Z")) })).toBe("server");
  });

  it("keeps the cards due by now, not new ones and not those due later", () => {
    const due = (id: string, at: string, queue: ReviewCardView["queue"]) => ({ ...card(id), queue, fields: { ...card(id).fields, due: at } });
    const carried = carryOver(
      session("2026-11-22T15:00:00.000Z", [due("a", "2026-11-23T09:00:00.000Z", "review"), due("b", "2026-11-23T12:00:00.000Z", "review"), due("c", "2026-11-22T16:00:00.000Z", "new"), due("d", "2026-11-22T15:20:00.000Z", "learning")]),
      tomorrow,
    );
    expect(carried.cards.map((c) => c.cardId)).toEqual(["a", "d"]);
    expect(carried.lastGrade).toBeNull();
  });
});
