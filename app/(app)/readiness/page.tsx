import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/layout/page-header";
import { BAND_LABELS, BAND_MEANINGS, ReadinessBadge } from "@/components/practice/readiness-band";
import { ReadinessBars } from "@/components/practice/readiness-bars";
import { ButtonLink } from "@/components/ui/button";
import { requireUser } from "@/lib/auth/session";
import { formatShare } from "@/lib/exam/format";
import { weakestDomain } from "@/lib/exam/next-step";
import { DEFAULT_HALF_LIFE_DAYS, REFERENCE_ZONE, type ReadinessBand } from "@/lib/exam/readiness";
import { learnerReadiness } from "@/lib/exam/readiness-data";

export const metadata: Metadata = { title: "Readiness" };

const BANDS: ReadinessBand[] = ["not-enough-data", "building", "approaching", "on-track"];

export default async function ReadinessPage() {
  const user = await requireUser("/readiness");
  const readiness = await learnerReadiness(user.id);
  const focus = weakestDomain(readiness.domains);
  const zone = `${formatShare(REFERENCE_ZONE.low)}–${formatShare(REFERENCE_ZONE.high)}`;

  return (
    <>
      <PageHeader
        title="Readiness"
        description="An estimate of the share of exam-style items you would answer correctly now, by domain, with how sure it can be."
        actions={<ButtonLink href="/practice">Practice</ButtonLink>}
      />

      <section aria-labelledby="overall-heading" className="rounded-2xl border border-stone-200 bg-white p-5 dark:border-stone-800 dark:bg-stone-900">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="overall-heading" className="text-lg font-semibold">
            Overall
          </h2>
          <ReadinessBadge band={readiness.band} />
        </div>
        <p className="mt-2 max-w-prose text-stone-700 dark:text-stone-300">{readiness.explanation}</p>
        <div className="mt-4">
          <ReadinessBars
            zone={REFERENCE_ZONE}
            rows={[{ key: "overall", title: "All domains, weighted as on the exam", ...readiness.overall, hasAnswers: readiness.raw !== null }]}
          />
        </div>
        <p className="mt-3 flex items-center gap-2 text-xs text-stone-600 dark:text-stone-400">
          <span
            aria-hidden="true"
            className="inline-block h-3 w-6 rounded-sm bg-[repeating-linear-gradient(135deg,transparent_0_4px,rgb(217_119_6/0.45)_4px_6px)] dark:bg-[repeating-linear-gradient(135deg,transparent_0_4px,rgb(251_191_36/0.45)_4px_6px)]"
          />
          Hatched: {zone}, where passing scores of exams like this one usually fall (our assumption, not the AMFTRB&apos;s cut).
        </p>
      </section>

      <section aria-labelledby="domains-heading" className="mt-6 rounded-2xl border border-stone-200 bg-white p-5 dark:border-stone-800 dark:bg-stone-900">
        <h2 id="domains-heading" className="text-lg font-semibold">
          By domain
        </h2>
        <p className="mt-1 max-w-prose text-sm text-stone-600 dark:text-stone-400">
          The mark is the estimate; the shaded bar is the range it is likely in (a 90% credible interval). Few answers give a wide bar; it narrows as you
          practise.
        </p>
        <div className="mt-4">
          <ReadinessBars
            rows={readiness.domains
              .filter((d) => d.weight > 0)
              .map((d) => ({ key: `domain-${d.domain}`, title: d.name, subtitle: `Domain ${d.domain}`, ...d }))}
          />
        </div>
        {focus && (
          <p className="mt-5 text-sm">
            Most points at stake: <strong>Domain {focus.domain}</strong>.{" "}
            <Link href={`/practice?source=domain&domain=${focus.domain}#builder`} className="font-semibold text-brand-700 underline dark:text-brand-300">
              Practise Domain {focus.domain}
            </Link>
          </p>
        )}
      </section>

      <section aria-labelledby="meaning-heading" className="mt-6 grid gap-6 lg:grid-cols-2">
        <div className="rounded-2xl border border-stone-200 bg-white p-5 dark:border-stone-800 dark:bg-stone-900">
          <h2 id="meaning-heading" className="text-lg font-semibold">
            What the band means
          </h2>
          <dl className="mt-3 space-y-3 text-sm">
            {BANDS.map((band) => (
              <div key={band}>
                <dt className={`font-semibold ${band === readiness.band ? "text-brand-800 dark:text-brand-200" : ""}`}>
                  {BAND_LABELS[band]}
                  {band === readiness.band ? " (you are here)" : ""}
                </dt>
                <dd className="text-stone-700 dark:text-stone-300">{BAND_MEANINGS[band]}</dd>
              </div>
            ))}
          </dl>
        </div>
        <div className="rounded-2xl border border-stone-200 bg-white p-5 dark:border-stone-800 dark:bg-stone-900">
          <h2 className="text-lg font-semibold">Why there is no pass percentage</h2>
          <div className="mt-3 space-y-3 text-sm text-stone-700 dark:text-stone-300">
            <p>
              The AMFTRB sets its passing standard with an expert panel on one exam form and then <strong>equates</strong> every later form to it. The number of
              items you need right therefore changes from form to form: there is no fixed passing percentage, and some items on a form may not be scored at all.
            </p>
            <p>
              Our items are original and not calibrated against the real exam, so we never turn this estimate into a &ldquo;you will pass&rdquo; number. The band
              only says where your estimate sits against the assumed {zone} range.
            </p>
            <p>
              Every answer you give counts: lessons, practice sessions, mock exams and assignments. Recent answers count most; an answer loses half its weight
              every {DEFAULT_HALF_LIFE_DAYS} days, because what you knew two months ago says less about today.
            </p>
          </div>
        </div>
      </section>
    </>
  );
}
