/// <reference lib="webworker" />
/**
 * Systemic's service worker (built by `serwist build` into public/sw.js, see
 * serwist.config.js). It precaches the app's static assets and the offline
 * page, keeps the review and lesson pages the learner has opened for use
 * offline, answers other pages with the offline page when there is no
 * connection, and sends the review outbox from IndexedDB on Background Sync.
 * The JSON API is never cached: the review data lives in IndexedDB.
 */
import { CacheableResponsePlugin, ExpirationPlugin, NetworkFirst, NetworkOnly, Serwist, type PrecacheEntry, type SerwistGlobalConfig } from "serwist";
import { keepRejected, OUTBOX_SYNC_TAG, readOutbox, removeFromOutbox, signedInUser } from "../srs/device-store";
import type { GradeOutcome } from "../srs/reviews";

declare global {
  interface WorkerGlobalScope extends SerwistGlobalConfig {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}

declare const self: ServiceWorkerGlobalScope;

/** Pages kept for offline use once opened: the review screen and the lessons. */
const OFFLINE_PAGES = /^\/(review|learn)(\/|$)/;
const OFFLINE_FALLBACK = "/offline";

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  skipWaiting: true,
  clientsClaim: true,
  navigationPreload: false,
  runtimeCaching: [
    {
      // Next's client router asks for RSC payloads; offline it falls back to a full navigation, answered below.
      matcher: ({ request, sameOrigin, url }) =>
        sameOrigin && request.method === "GET" && request.headers.get("RSC") !== "1" && !url.pathname.startsWith("/api/") && OFFLINE_PAGES.test(url.pathname),
      handler: new NetworkFirst({
        cacheName: "pages",
        plugins: [new CacheableResponsePlugin({ statuses: [200] }), new ExpirationPlugin({ maxEntries: 200, maxAgeSeconds: 30 * 24 * 60 * 60 })],
      }),
    },
    {
      matcher: ({ request, sameOrigin }) => sameOrigin && request.mode === "navigate",
      handler: new NetworkOnly(),
    },
  ],
  fallbacks: { entries: [{ url: OFFLINE_FALLBACK, matcher: ({ request }) => request.destination === "document" }] },
});

serwist.addEventListeners();

/**
 * Sends the signed-in learner's waiting grades. The server applies each grade
 * id once, so a grade the page sends too is answered "duplicate" and counted
 * once. Throws while offline, so the browser retries the sync later.
 */
async function sendOutbox(): Promise<void> {
  const userId = await signedInUser();
  if (!userId) return;
  const grades = await readOutbox(userId);
  if (grades.length === 0) return;
  const response = await fetch("/api/v1/review/grades/batch", {
    method: "POST",
    credentials: "same-origin",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ grades: grades.slice(0, 500) }),
  });
  if (response.status === 401) return; // Signed out: the grades wait for the next sign-in on this device.
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const { results } = (await response.json()) as { results: GradeOutcome[] };
  await removeFromOutbox(userId, new Set(results.map((r) => r.id)));
  // Refusals (say, a card graded since on another device) wait for the next review screen to show them.
  await keepRejected(userId, results.filter((r): r is Extract<GradeOutcome, { status: "rejected" }> => r.status === "rejected"));
  for (const client of await self.clients.matchAll({ type: "window" })) client.postMessage({ type: "review-outbox-synced" });
}

self.addEventListener("sync", (event) => {
  const sync = event as ExtendableEvent & { tag: string };
  if (sync.tag === OUTBOX_SYNC_TAG) sync.waitUntil(sendOutbox());
});
