"use client";

import { useEffect, useState } from "react";

type InstallPrompt = Event & { prompt(): Promise<void>; userChoice: Promise<{ outcome: "accepted" | "dismissed" }> };

const DISMISSED_KEY = "systemic:install-hint-dismissed";

/**
 * On phones: the browser's own install prompt where it offers one
 * (`beforeinstallprompt`, Chromium), or on iOS Safari, which has no prompt,
 * how to add Systemic to the Home Screen. Hidden once installed or dismissed.
 *
 * Shown only from the learner's first tap or key on the page, and placed
 * below what the page is for: the prompt arrives after hydration, and a hint
 * that appeared by itself at the top would push the page down and become its
 * largest paint.
 */
export function InstallHint() {
  const [prompt, setPrompt] = useState<InstallPrompt | null>(null);
  const [ios, setIos] = useState(false);
  const [hidden, setHidden] = useState(true);
  const [engaged, setEngaged] = useState(false);

  useEffect(() => {
    const engage = () => setEngaged(true);
    window.addEventListener("pointerdown", engage, { once: true, capture: true });
    window.addEventListener("keydown", engage, { once: true, capture: true });
    return () => {
      window.removeEventListener("pointerdown", engage, { capture: true });
      window.removeEventListener("keydown", engage, { capture: true });
    };
  }, []);

  useEffect(() => {
    const standalone = window.matchMedia("(display-mode: standalone)").matches || (navigator as Navigator & { standalone?: boolean }).standalone === true;
    const phone = window.matchMedia("(max-width: 767px)").matches;
    let dismissed = false;
    try {
      dismissed = window.localStorage.getItem(DISMISSED_KEY) === "1";
    } catch {
      // Storage blocked: show the hint.
    }
    if (standalone || !phone || dismissed) return;
    const ua = navigator.userAgent;
    if (/iPhone|iPad|iPod/.test(ua) && /Safari/.test(ua) && !/CriOS|FxiOS|EdgiOS/.test(ua)) {
      setIos(true);
      setHidden(false);
    }
    const onPrompt = (event: Event) => {
      event.preventDefault();
      setPrompt(event as InstallPrompt);
      setHidden(false);
    };
    const onInstalled = () => setHidden(true);
    window.addEventListener("beforeinstallprompt", onPrompt);
    window.addEventListener("appinstalled", onInstalled);
    return () => {
      window.removeEventListener("beforeinstallprompt", onPrompt);
      window.removeEventListener("appinstalled", onInstalled);
    };
  }, []);

  if (hidden || !engaged || (!prompt && !ios)) return null;
  const dismiss = () => {
    setHidden(true);
    try {
      window.localStorage.setItem(DISMISSED_KEY, "1");
    } catch {
      // Not remembered; hidden for this visit.
    }
  };
  return (
    <aside aria-label="Install Systemic" className="mx-auto mt-6 flex max-w-2xl items-center gap-3 rounded-xl border border-brand-200 bg-brand-50 px-3 py-2 text-sm dark:border-brand-800 dark:bg-brand-950">
      <p className="flex-1">
        {prompt ? (
          <>Install Systemic to review from your home screen, also without a connection.</>
        ) : (
          <>
            Review from your home screen, also offline: tap <span className="font-semibold">Share</span>, then{" "}
            <span className="font-semibold">Add to Home Screen</span>.
          </>
        )}
      </p>
      {prompt && (
        <button
          type="button"
          className="rounded-lg bg-brand-700 px-3 py-1.5 font-semibold text-white"
          onClick={async () => {
            await prompt.prompt();
            await prompt.userChoice;
            setPrompt(null);
            setHidden(true);
          }}
        >
          Install
        </button>
      )}
      <button type="button" onClick={dismiss} className="rounded px-2 py-1 text-stone-600 underline dark:text-stone-300">
        Not now
      </button>
    </aside>
  );
}
