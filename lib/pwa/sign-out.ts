import "client-only";
import { allWaitingGrades, clearDeviceStore, removeAnswered } from "@/lib/srs/device-store";

/** localStorage keys of work not yet sent: the old review outbox and the exam screen's answer outboxes. */
const PENDING_KEY = /^systemic:(review-outbox:|attempt:.*:outbox$)/;
/** The service worker's cache of opened pages (the review page holds the learner's queue). */
const PAGE_CACHES = /pages/;

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function pendingInStorage(): number {
  const store = storage();
  if (!store) return 0;
  let n = 0;
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (!key || !PENDING_KEY.test(key)) continue;
    try {
      const value = JSON.parse(store.getItem(key) ?? "[]") as unknown;
      n += Array.isArray(value) ? value.length : 0;
    } catch {
      // Unreadable: nothing that could be sent.
    }
  }
  return n;
}

/** Grades and exam answers on this device that have not reached the server. */
export async function unsentOnDevice(): Promise<number> {
  let grades = 0;
  try {
    grades = (await allWaitingGrades()).length;
  } catch {
    // No IndexedDB here: only localStorage can hold anything.
  }
  return grades + pendingInStorage();
}

/**
 * Sends the review grades waiting on this device and removes those the
 * server answered (applied, duplicate or refused for good); true once none
 * is left. The review screen may be sending the same grades at the same
 * moment: the server answers a grade id once, the other "duplicate".
 */
export async function sendWaitingGrades(): Promise<boolean> {
  let grades;
  try {
    grades = await allWaitingGrades();
  } catch {
    return true;
  }
  if (grades.length === 0) return true;
  try {
    const response = await fetch("/api/v1/review/grades/batch", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ grades: grades.slice(0, 500) }),
    });
    if (!response.ok) return false;
    const { results } = (await response.json()) as { results: { id: string }[] };
    await removeAnswered(new Set(results.map((r) => r.id)));
    return grades.length <= 500;
  } catch {
    return false;
  }
}

/**
 * What signing out leaves on a shared phone: nothing of the learner's. The
 * review queue and grades in IndexedDB, the pages the service worker kept
 * (the review page carries the queue), and the outboxes and exam notes in
 * localStorage are removed. The precached static assets stay: they hold no
 * one's data.
 */
export async function clearDevice(): Promise<void> {
  await clearDeviceStore().catch(() => {});
  if (typeof caches !== "undefined") {
    for (const name of await caches.keys().catch(() => [] as string[])) if (PAGE_CACHES.test(name)) await caches.delete(name).catch(() => false);
  }
  const store = storage();
  if (store) {
    const keys: string[] = [];
    for (let i = 0; i < store.length; i++) {
      const key = store.key(i);
      if (key?.startsWith("systemic:") && key !== "systemic:install-hint-dismissed") keys.push(key);
    }
    for (const key of keys) store.removeItem(key);
  }
}
