// @ts-check
// Serwist's "configurator mode": `serwist build` runs after `next build` (which
// uses Turbopack), so the service worker's precache list sees the finished
// build. See lib/pwa/service-worker.ts and docs/offline.md.
import { generateGlobPatterns, serwist } from "@serwist/next/config";

export default serwist({
  swSrc: "lib/pwa/service-worker.ts",
  swDest: "public/sw.js",
  // Only the offline page is precached as HTML: review and lesson pages are personal or
  // change with content, so they are kept as the learner opens them (runtime cache).
  precachePrerendered: false,
  globPatterns: [...generateGlobPatterns(".next/"), ".next/server/app/offline.html"],
  globIgnores: ["public/sw.js", "public/sw.js.map"],
  // Lesson chunks with their maps can be large; nothing the app loads is above this.
  maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
});
