import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import type { DeviceQueue } from "./device-queue";
import type { GradeOutcome, GradeSubmission } from "./reviews";

type Rejection = Extract<GradeOutcome, { status: "rejected" }>;

/**
 * The review screen's data on the device, in one IndexedDB database shared by
 * the page and the service worker: today's queue per learner, the grades
 * waiting for the server per learner, and who is signed in on this device
 * (so background sync sends only that learner's grades with the session
 * cookie it has).
 */
interface SystemicDb extends DBSchema {
  queues: { key: string; value: DeviceQueue };
  outbox: { key: string; value: { userId: string; grades: GradeSubmission[] } };
  meta: { key: string; value: { key: string; value: string } };
}

export const DEVICE_DB_NAME = "systemic";
export const OUTBOX_SYNC_TAG = "review-outbox";

let opening: Promise<IDBPDatabase<SystemicDb>> | null = null;

export function openDeviceDb(): Promise<IDBPDatabase<SystemicDb>> {
  opening ??= openDB<SystemicDb>(DEVICE_DB_NAME, 1, {
    upgrade(db) {
      db.createObjectStore("queues", { keyPath: "userId" });
      db.createObjectStore("outbox", { keyPath: "userId" });
      db.createObjectStore("meta", { keyPath: "key" });
    },
  }).catch((error: unknown) => {
    opening = null;
    throw error;
  });
  return opening;
}

export async function readQueue(userId: string): Promise<DeviceQueue | undefined> {
  return (await openDeviceDb()).get("queues", userId);
}

export async function writeQueue(queue: DeviceQueue): Promise<void> {
  await (await openDeviceDb()).put("queues", queue);
}

export async function readOutbox(userId: string): Promise<GradeSubmission[]> {
  return (await (await openDeviceDb()).get("outbox", userId))?.grades ?? [];
}

/** An empty outbox is no record at all, so a device keeps no trace of a learner with nothing waiting. */
export async function writeOutbox(userId: string, grades: GradeSubmission[]): Promise<void> {
  const db = await openDeviceDb();
  if (grades.length === 0) await db.delete("outbox", userId);
  else await db.put("outbox", { userId, grades });
}

/** Removes answered grades in one transaction, so grades added meanwhile are kept. */
export async function removeFromOutbox(userId: string, ids: Set<string>): Promise<void> {
  const tx = (await openDeviceDb()).transaction("outbox", "readwrite");
  const record = await tx.store.get(userId);
  const left = record?.grades.filter((g) => !ids.has(g.id)) ?? [];
  if (record && left.length > 0) await tx.store.put({ userId, grades: left });
  else if (record) await tx.store.delete(userId);
  await tx.done;
}

/** Removes answered grades from every learner's outbox on the device, in one transaction. */
export async function removeAnswered(ids: Set<string>): Promise<void> {
  const tx = (await openDeviceDb()).transaction("outbox", "readwrite");
  for (const record of await tx.store.getAll()) {
    const left = record.grades.filter((g) => !ids.has(g.id));
    if (left.length === record.grades.length) continue;
    if (left.length > 0) await tx.store.put({ userId: record.userId, grades: left });
    else await tx.store.delete(record.userId);
  }
  await tx.done;
}

export async function setSignedInUser(userId: string): Promise<void> {
  await (await openDeviceDb()).put("meta", { key: "userId", value: userId });
}

export async function signedInUser(): Promise<string | undefined> {
  return (await (await openDeviceDb()).get("meta", "userId"))?.value;
}

/** Every grade waiting on this device, whoever gave it. */
export async function allWaitingGrades(): Promise<GradeSubmission[]> {
  return (await (await openDeviceDb()).getAll("outbox")).flatMap((r) => r.grades);
}

/** Empties the device's review data (queues, grades, who is signed in) in one transaction. */
export async function clearDeviceStore(): Promise<void> {
  const tx = (await openDeviceDb()).transaction(["queues", "outbox", "meta"], "readwrite");
  await Promise.all([tx.objectStore("queues").clear(), tx.objectStore("outbox").clear(), tx.objectStore("meta").clear(), tx.done]);
}

const rejectedKey = (userId: string) => `rejected:${userId}`;

/** Keeps grades the server refused during a background send, for the next review screen to show. */
export async function keepRejected(userId: string, rejected: Rejection[]): Promise<void> {
  if (rejected.length === 0) return;
  const tx = (await openDeviceDb()).transaction("meta", "readwrite");
  const before = await tx.store.get(rejectedKey(userId));
  const kept = before ? (JSON.parse(before.value) as Rejection[]) : [];
  await tx.store.put({ key: rejectedKey(userId), value: JSON.stringify([...kept, ...rejected].slice(-100)) });
  await tx.done;
}

/** The refusals kept since the last screen, removed as they are read (each is shown once). */
export async function takeRejected(userId: string): Promise<Rejection[]> {
  const tx = (await openDeviceDb()).transaction("meta", "readwrite");
  const record = await tx.store.get(rejectedKey(userId));
  if (record) await tx.store.delete(rejectedKey(userId));
  await tx.done;
  return record ? (JSON.parse(record.value) as Rejection[]) : [];
}
