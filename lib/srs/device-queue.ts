import { gradeCard, previewGrades, type CardFields, type ReviewRating } from "./scheduler";
import type { DeviceCardFields, DeviceSchedulerSettings, ReviewCardView, ReviewSession } from "./session";

/**
 * Today's queue as the device keeps it (IndexedDB): the server's session with
 * only the cards still to show, after the grades given on this device.
 */
export interface DeviceQueue {
  userId: string;
  session: ReviewSession;
  /** When the learner last graded a card on this device (device clock), or null. */
  lastGradedAt: string | null;
}

export function toCardFields(fields: DeviceCardFields): CardFields {
  return { ...fields, due: new Date(fields.due), lastReview: fields.lastReview ? new Date(fields.lastReview) : null };
}

export function toDeviceFields(fields: CardFields): DeviceCardFields {
  return { ...fields, due: fields.due.toISOString(), lastReview: fields.lastReview?.toISOString() ?? null };
}

/**
 * Which copy of today's queue the review screen shows: the page's (built by
 * the server) or the device's. The device's copy wins while grades wait to
 * be sent, while offline (the page then came from the service worker's
 * cache), and when it has grades newer than the server's copy; a copy from a
 * day that has ended never wins, with one exception: offline on a new day,
 * when the page is itself an old copy, the device's queue is "carried over"
 * (see {@link carryOver}) rather than showing a stale page.
 */
export function chooseSession(input: {
  server: ReviewSession;
  device: DeviceQueue | undefined;
  userId: string;
  pending: number;
  online: boolean;
  now: Date;
}): "server" | "device" | "carried-over" {
  const { server, device, userId, pending, online, now } = input;
  if (!device || device.userId !== userId) return "server";
  const deviceEnded = Date.parse(device.session.day.end) <= now.getTime();
  const serverEnded = Date.parse(server.day.end) <= now.getTime();
  const deviceNewer = Date.parse(device.session.generatedAt) >= Date.parse(server.generatedAt) || (device.lastGradedAt !== null && Date.parse(device.lastGradedAt) >= Date.parse(server.generatedAt));
  if (deviceEnded) return !online && serverEnded && deviceNewer ? "carried-over" : "server";
  if (Date.parse(server.day.start) >= Date.parse(device.session.day.end)) return "server";
  if (pending > 0 || !online) return "device";
  if (device.lastGradedAt && Date.parse(device.lastGradedAt) >= Date.parse(server.generatedAt)) return "device";
  return "server";
}

/**
 * Yesterday's queue, offline on a new day: the cards it still holds that are
 * due by now (a card graded yesterday has left it), so the learner can keep
 * going until the connection brings today's queue. New cards wait: today's
 * new-card allowance is the server's to give.
 */
export function carryOver(session: ReviewSession, now: Date): ReviewSession {
  const cards = session.cards.filter((c) => c.fields && c.queue !== "new" && Date.parse(c.fields.due) <= now.getTime());
  return { ...session, cards, lastGrade: null };
}

/** The interval labels for Again–Easy at `now`, computed on the device as the server would. */
export function deviceIntervals(card: ReviewCardView, now: Date, settings: DeviceSchedulerSettings): ReviewCardView["intervals"] {
  const preview = previewGrades(toCardFields(card.fields), now, settings);
  return [preview[1].interval, preview[2].interval, preview[3].interval, preview[4].interval];
}

/**
 * What a grade does to the device's queue: ts-fsrs computes the card's next
 * state from the stored fields and the learner's settings. A card that goes
 * into a learning or relearning step due before the day ends comes back at
 * the end of the queue (as the server's learn-ahead would bring it); the
 * server recomputes everything when the grade reaches it.
 */
export function gradeOnDevice(
  card: ReviewCardView,
  rating: ReviewRating,
  now: Date,
  session: Pick<ReviewSession, "scheduler" | "day">,
): { again: ReviewCardView | null; counted: "new" | "review" | null } {
  const before = toCardFields(card.fields);
  const { after } = gradeCard(before, rating, now, session.scheduler);
  const counted = before.state === 0 ? "new" : before.state === 2 ? "review" : null;
  const stepping = (after.state === 1 || after.state === 3) && after.due.getTime() < Date.parse(session.day.end);
  if (!stepping) return { again: null, counted };
  const next: ReviewCardView = { ...card, queue: "learning", fields: toDeviceFields(after) };
  return { again: { ...next, intervals: deviceIntervals(next, after.due, session.scheduler) }, counted };
}

/** Today's counts after a grade on the device, for the header and the summary. */
export function countGrade(done: ReviewSession["doneToday"], counted: "new" | "review" | null, rating: number): ReviewSession["doneToday"] {
  // A queue stored by an older version has no `cards` count: it starts from the grades it knows of.
  const next = { ...done, cards: (done.cards ?? done.newCards + done.reviews) + 1 };
  if (counted === "new") return { ...next, newCards: done.newCards + 1 };
  if (counted === "review") return { ...next, reviews: done.reviews + 1, total: done.total + 1, passed: done.passed + (rating > 1 ? 1 : 0) };
  return next;
}

