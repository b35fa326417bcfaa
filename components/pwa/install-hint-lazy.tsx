"use client";

import dynamic from "next/dynamic";

/** The install hint, loaded after the page so it adds nothing to the review page's first-load JavaScript. */
export const LazyInstallHint = dynamic(() => import("./install-hint").then((m) => m.InstallHint), { ssr: false });
