import type { ReadinessBand } from "@/lib/exam/readiness";

export const BAND_LABELS: Record<ReadinessBand, string> = {
  "not-enough-data": "Not enough data yet",
  building: "Building",
  approaching: "Approaching the passing range",
  "on-track": "On track",
};

/** What each band means, in plain words, for the readiness page. */
export const BAND_MEANINGS: Record<ReadinessBand, string> = {
  "not-enough-data": "Too few recent answers overall, or in one of the domains, to say anything useful yet.",
  building: "Even the optimistic end of your estimate is below the range where passing scores usually fall. Keep learning and practising.",
  approaching: "Your estimate reaches into that range. You may be close; the interval shows how unsure the estimate still is.",
  "on-track": "Even the cautious end of your estimate is above that range. Keep your review going until exam day.",
};

const TONES: Record<ReadinessBand, string> = {
  "not-enough-data": "bg-stone-200 text-stone-900 dark:bg-stone-800 dark:text-stone-100",
  building: "bg-sky-100 text-sky-950 dark:bg-sky-900 dark:text-sky-50",
  approaching: "bg-amber-100 text-amber-950 dark:bg-amber-900 dark:text-amber-50",
  "on-track": "bg-emerald-100 text-emerald-950 dark:bg-emerald-900 dark:text-emerald-50",
};

export function ReadinessBadge({ band }: { band: ReadinessBand }) {
  return (
    <span data-testid="readiness-band" className={`inline-flex rounded-full px-3 py-1 text-sm font-semibold ${TONES[band]}`}>
      {BAND_LABELS[band]}
    </span>
  );
}
