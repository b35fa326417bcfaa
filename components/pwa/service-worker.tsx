"use client";

import { usePathname } from "next/navigation";
import { useEffect } from "react";

/** Pages the service worker keeps for offline use (the same rule as lib/pwa/service-worker.ts). */
const OFFLINE_PAGES = /^\/(review|learn)(\/|$)/;

/**
 * Registers the service worker (production builds only) and asks it to keep
 * each review or lesson page the learner opens, also after client-side
 * navigations, which fetch only the page's RSC payload and so would
 * otherwise leave nothing to open offline.
 */
export function ServiceWorker() {
  const pathname = usePathname();

  useEffect(() => {
    if (process.env.NODE_ENV !== "production" || !("serviceWorker" in navigator)) return;
    void navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => {});
  }, []);

  useEffect(() => {
    if (process.env.NODE_ENV !== "production" || !("serviceWorker" in navigator) || !OFFLINE_PAGES.test(pathname)) return;
    if (!navigator.onLine) return;
    void navigator.serviceWorker.ready.then((registration) => {
      registration.active?.postMessage({ type: "CACHE_URLS", payload: { urlsToCache: [pathname] } });
    });
  }, [pathname]);

  return null;
}
