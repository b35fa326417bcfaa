"use client";

import { useState } from "react";
import { setItemFlag } from "@/lib/exam/actions";

/** Flags an item for a later "Flagged" practice session; the state shows at once and rolls back if saving fails. */
export function FlagButton({ itemId, initial }: { itemId: string; initial: boolean }) {
  const [flagged, setFlagged] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function toggle() {
    const next = !flagged;
    setBusy(true);
    setError(null);
    setFlagged(next);
    const result = await setItemFlag(null, { itemId, flagged: next }).catch(() => null);
    if (!result || !result.ok) {
      setFlagged(!next);
      setError(result && !result.ok ? result.error : "Not saved: check your connection and try again.");
    }
    setBusy(false);
  }

  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        onClick={() => void toggle()}
        disabled={busy}
        aria-pressed={flagged}
        className="inline-flex min-h-11 items-center gap-1.5 rounded-lg px-3 text-sm font-semibold text-stone-700 hover:bg-stone-200/70 aria-pressed:text-amber-800 dark:text-stone-300 dark:hover:bg-stone-800 dark:aria-pressed:text-amber-300"
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" className="h-4 w-4" fill={flagged ? "currentColor" : "none"} stroke="currentColor" strokeWidth="1.8">
          <path d="M5 21V4m0 0h11l-2 4 2 4H5" strokeLinejoin="round" />
        </svg>
        {flagged ? "Flagged" : "Flag"}
      </button>
      {error && (
        <span role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </span>
      )}
    </span>
  );
}
