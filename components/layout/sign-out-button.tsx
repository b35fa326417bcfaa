"use client";

import { useState } from "react";

// Loaded on click: IndexedDB code and next-auth's client stay out of every page's first-load JavaScript.
const device = () => import("@/lib/pwa/sign-out");
const auth = () => import("@/lib/auth/client");

/**
 * Signs out and clears this device of the learner's data. Grades still
 * waiting are sent first; if they cannot be (offline), the learner is told
 * how many would be lost and chooses.
 */
export function SignOutButton() {
  const [pending, setPending] = useState(false);
  const [unsent, setUnsent] = useState<{ count: number; offline: boolean } | null>(null);

  async function finish() {
    const [{ clearDevice }, { signOut }] = await Promise.all([device(), auth()]);
    await clearDevice();
    await signOut({ callbackUrl: "/" });
  }

  async function start() {
    setPending(true);
    const { sendWaitingGrades, unsentOnDevice } = await device();
    await sendWaitingGrades();
    const left = await unsentOnDevice();
    if (left > 0 || !navigator.onLine) {
      setUnsent({ count: left, offline: !navigator.onLine });
      setPending(false);
      return;
    }
    await finish();
  }

  if (unsent !== null) {
    const what = unsent.count === 1 ? "1 answer or grade on this device has" : `${unsent.count} answers or grades on this device have`;
    return (
      <div role="alertdialog" aria-labelledby="unsent-title" className="fixed inset-x-3 top-16 z-50 mx-auto max-w-sm rounded-xl border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950 shadow-xl dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50">
        {unsent.offline ? (
          <>
            <p id="unsent-title" className="font-semibold">
              Signing out needs a connection.
            </p>
            <p className="mt-1">
              {unsent.count > 0 ? `${what} not reached the server yet; they are safe here and are sent when you are back online. ` : ""}Sign out again once you are
              online.
            </p>
          </>
        ) : (
          <>
            <p id="unsent-title" className="font-semibold">
              {what} not reached the server.
            </p>
            <p className="mt-1">The server did not take them just now. Signing out deletes them from this device; stay signed in and they are sent again later.</p>
          </>
        )}
        <div className="mt-3 flex flex-wrap gap-2">
          <button type="button" autoFocus onClick={() => setUnsent(null)} className="rounded-md bg-amber-900 px-3 py-2 font-semibold text-white dark:bg-amber-200 dark:text-amber-950">
            Stay signed in
          </button>
          {!unsent.offline && (
            <button
              type="button"
              onClick={() => {
                setPending(true);
                void finish();
              }}
              className="rounded-md px-3 py-2 font-semibold underline"
            >
              Sign out anyway
            </button>
          )}
        </div>
      </div>
    );
  }

  return (
    <button
      type="button"
      disabled={pending}
      onClick={() => void start()}
      className="rounded-md px-3 py-2 text-sm font-medium text-stone-700 hover:bg-stone-200/70 disabled:opacity-60 dark:text-stone-300 dark:hover:bg-stone-800"
    >
      {pending ? "Signing out…" : "Sign out"}
    </button>
  );
}
