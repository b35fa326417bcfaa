/** A wait in words people read at a glance: "a few seconds", "about 1 minute", "about 5 minutes". */
export function formatWait(seconds: number): string {
  if (seconds < 45) return seconds <= 10 ? "a few seconds" : "less than a minute";
  const minutes = Math.max(1, Math.round(seconds / 60));
  return minutes === 1 ? "about 1 minute" : `about ${minutes} minutes`;
}
