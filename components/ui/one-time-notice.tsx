"use client";

import { useEffect } from "react";

/**
 * Drops one-time query parameters (`?created=1`, `?welcome=1`) from the
 * address once the page has shown their banner, so a reload or a bookmark
 * does not bring the banner back. Replaces the history entry without a
 * navigation, so nothing re-renders.
 */
export function OneTimeNotice({ params }: { params: string[] }) {
  useEffect(() => {
    const url = new URL(window.location.href);
    let changed = false;
    for (const name of params) {
      if (url.searchParams.has(name)) {
        url.searchParams.delete(name);
        changed = true;
      }
    }
    if (changed) window.history.replaceState(window.history.state, "", `${url.pathname}${url.search}${url.hash}`);
  }, [params]);
  return null;
}
