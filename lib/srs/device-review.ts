import "client-only";
import { carryOver, chooseSession, countGrade, deviceIntervals, gradeOnDevice, type DeviceQueue } from "./device-queue";
import { OUTBOX_SYNC_TAG, readOutbox, readQueue, setSignedInUser, takeRejected, writeOutbox, writeQueue } from "./device-store";
import type { OutboxStorage } from "./outbox";
import type { GradeOutcome, GradeSubmission } from "./reviews";
import type { ReviewSession } from "./session";

/** Where grades waited before they moved to IndexedDB; moved over once, then removed. */
const legacyOutboxKey = (userId: string) => `systemic:review-outbox:${userId}`;

export interface DeviceReview {
  /** The queue to show: the page's, or the device's copy when that one is more current. */
  session: ReviewSession;
  /** "carried-over": offline on a new day, yesterday's cards that are due by now (see carryOver). */
  from: "server" | "device" | "carried-over";
  /** The outbox's storage: read once here, then written through to IndexedDB. */
  storage: OutboxStorage;
  saveQueue(session: ReviewSession, lastGradedAt: string | null): void;
  /** Grades the service worker sent with no screen open that the server refused; shown once. */
  rejected: Extract<GradeOutcome, { status: "rejected" }>[];
  /** Asks the service worker to send the outbox when the connection returns (Background Sync). */
  requestSync(): void;
}

/**
 * Opens the device's copy of the review (loaded after the page, so IndexedDB
 * and ts-fsrs stay out of the review page's first-load JavaScript).
 */
export async function openDeviceReview(userId: string, server: ReviewSession, now = new Date()): Promise<DeviceReview> {
  const [stored, pending, rejected] = await Promise.all([readQueue(userId), readOutbox(userId), takeRejected(userId), setSignedInUser(userId)]);
  const grades = await adoptLegacyOutbox(userId, pending);
  const from = chooseSession({ server, device: stored, userId, pending: grades.length, online: navigator.onLine, now });
  const session = from === "device" && stored ? stored.session : from === "carried-over" && stored ? carryOver(stored.session, now) : server;

  let mirror = grades;
  let writing = Promise.resolve();
  const storage: OutboxStorage = {
    getItem: () => JSON.stringify(mirror),
    setItem: (_key, value) => {
      mirror = JSON.parse(value) as GradeSubmission[];
      const snapshot = mirror;
      writing = writing.then(() => writeOutbox(userId, snapshot)).catch(() => {});
    },
  };
  let queueWriting = Promise.resolve();
  const review: DeviceReview = {
    session,
    from,
    storage,
    rejected,
    saveQueue(next, lastGradedAt) {
      const record: DeviceQueue = { userId, session: next, lastGradedAt };
      queueWriting = queueWriting.then(() => writeQueue(record)).catch(() => {});
    },
    requestSync() {
      void navigator.serviceWorker?.ready
        .then((registration) => (registration as ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }).sync?.register(OUTBOX_SYNC_TAG))
        .catch(() => {});
    },
  };
  if (from === "server") review.saveQueue(server, null);
  return review;
}

async function adoptLegacyOutbox(userId: string, grades: GradeSubmission[]): Promise<GradeSubmission[]> {
  let legacy: GradeSubmission[] = [];
  try {
    const raw = window.localStorage.getItem(legacyOutboxKey(userId));
    legacy = raw ? (JSON.parse(raw) as GradeSubmission[]) : [];
  } catch {
    return grades;
  }
  if (!Array.isArray(legacy) || legacy.length === 0) return grades;
  const known = new Set(grades.map((g) => g.id));
  const merged = [...grades, ...legacy.filter((g) => !known.has(g.id))];
  await writeOutbox(userId, merged);
  window.localStorage.removeItem(legacyOutboxKey(userId));
  return merged;
}

export { countGrade, deviceIntervals, gradeOnDevice, takeRejected };
