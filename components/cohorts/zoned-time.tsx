import { formatInZone } from "@/lib/cohorts/time";

/**
 * A date-time in the cohort's zone (where the instructor set it) and, when
 * different, in the viewer's own zone from their settings.
 */
export function ZonedTime({ date, cohortZone, viewerZone }: { date: Date; cohortZone: string; viewerZone: string }) {
  const inCohort = formatInZone(date, cohortZone);
  const inViewer = formatInZone(date, viewerZone);
  return (
    <>
      <time dateTime={date.toISOString()}>{inCohort}</time>
      {inViewer !== inCohort && cohortZone !== viewerZone && <span className="text-stone-600 dark:text-stone-400"> ({inViewer} your time)</span>}
    </>
  );
}
