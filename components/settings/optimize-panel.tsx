"use client";

import { useEffect, useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { applyScheduleParameters, optimizeSchedule } from "@/lib/srs/actions";

export interface OptimizationView {
  id: string;
  status: string;
  progress: number;
  reviews: number;
  result: { parameters: number[]; before: { logLoss: number; rmse: number }; after: { logLoss: number; rmse: number } } | null;
  error: string | null;
}

/**
 * "Optimize my schedule": starts a fit of the learner's own FSRS parameters,
 * shows its progress (polled; the work runs in the background on the
 * server), then the before/after fit and a choice to apply it.
 */
export function OptimizePanel({
  reviewCount,
  threshold,
  latest,
  fittedAt,
}: {
  reviewCount: number;
  threshold: number;
  latest: OptimizationView | null;
  fittedAt: string | null;
}) {
  const [optimization, setOptimization] = useState(latest);
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [reschedule, setReschedule] = useState(true);
  const [pending, startTransition] = useTransition();
  const running = optimization && (optimization.status === "queued" || optimization.status === "running");

  useEffect(() => {
    if (!running || !optimization) return;
    const timer = setInterval(async () => {
      try {
        const response = await fetch(`/api/v1/review/optimizations/${optimization.id}`, { cache: "no-store" });
        if (response.ok) setOptimization((await response.json()) as OptimizationView);
      } catch {
        // Keep polling; a dropped request is not a failed optimization.
      }
    }, 1000);
    return () => clearInterval(timer);
  }, [running, optimization]);

  const eligible = reviewCount >= threshold;
  return (
    <div className="mt-4 max-w-xl space-y-4">
      <p className="text-sm text-stone-700 dark:text-stone-300">
        Systemic starts with FSRS’s default memory model. Once you have at least {threshold.toLocaleString()} reviews given a day or more after the
        card’s previous review, it can fit the model to your own history so intervals match how you actually remember. You have{" "}
        {reviewCount.toLocaleString()}.
        {fittedAt && ` Your current parameters were fitted on ${new Date(fittedAt).toLocaleDateString()}.`}
      </p>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      {!eligible && (
        <div>
          <div className="h-2 overflow-hidden rounded-full bg-stone-200 dark:bg-stone-800" role="progressbar" aria-label="Reviews collected" aria-valuemin={0} aria-valuemax={threshold} aria-valuenow={reviewCount}>
            <div className="h-full bg-brand-500" style={{ width: `${Math.min(100, (100 * reviewCount) / threshold)}%` }} />
          </div>
          <p className="mt-1 text-xs text-stone-500">{(threshold - reviewCount).toLocaleString()} more reviews to go.</p>
        </div>
      )}
      {running && optimization && (
        <div role="status" aria-live="polite">
          <p className="text-sm font-medium">Fitting your parameters… {Math.round(optimization.progress * 100)}%</p>
          <div className="mt-1 h-2 overflow-hidden rounded-full bg-stone-200 dark:bg-stone-800" role="progressbar" aria-label="Optimization progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(optimization.progress * 100)}>
            <div className="h-full bg-brand-500 transition-[width]" style={{ width: `${optimization.progress * 100}%` }} />
          </div>
          <p className="mt-1 text-xs text-stone-500">You can keep studying; this runs in the background.</p>
        </div>
      )}
      {optimization?.status === "failed" && <Alert tone="error">The optimization failed: {optimization.error ?? "unknown error"}. You can try again.</Alert>}
      {optimization?.status === "done" && optimization.result && (
        <div className="rounded-xl border border-stone-200 p-4 dark:border-stone-800">
          <table className="w-full text-sm">
            <caption className="mb-2 text-left font-semibold">How well each model predicts your {optimization.reviews.toLocaleString()} reviews (lower is better)</caption>
            <thead>
              <tr className="text-left text-stone-500">
                <th scope="col">Measure</th>
                <th scope="col">Current</th>
                <th scope="col">Fitted</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row" className="text-left font-normal">Log loss</th>
                <td>{optimization.result.before.logLoss.toFixed(4)}</td>
                <td className="font-semibold">{optimization.result.after.logLoss.toFixed(4)}</td>
              </tr>
              <tr>
                <th scope="row" className="text-left font-normal">RMSE (bins)</th>
                <td>{(optimization.result.before.rmse * 100).toFixed(2)}%</td>
                <td className="font-semibold">{(optimization.result.after.rmse * 100).toFixed(2)}%</td>
              </tr>
            </tbody>
          </table>
          <label className="mt-3 flex items-center gap-2 text-sm">
            <input type="checkbox" checked={reschedule} onChange={(e) => setReschedule(e.target.checked)} className="h-4 w-4 accent-brand-600" />
            Also reschedule the cards I already have
          </label>
          <Button
            className="mt-3"
            disabled={pending}
            onClick={() =>
              startTransition(async () => {
                const r = await applyScheduleParameters(null, { optimizationId: optimization.id, reschedule });
                setMessage(r.ok ? { tone: "success", text: r.message ?? "Applied." } : { tone: "error", text: r.error });
                if (r.ok) setOptimization({ ...optimization, status: "applied" });
              })
            }
          >
            {pending ? "Applying…" : "Apply the fitted parameters"}
          </Button>
        </div>
      )}
      {optimization?.status === "applied" && <p className="text-sm text-emerald-800 dark:text-emerald-300">Your fitted parameters are in use.</p>}
      {!running && (
        <Button
          variant="secondary"
          disabled={!eligible || pending}
          onClick={() =>
            startTransition(async () => {
              const r = await optimizeSchedule(null, {});
              if (!r.ok) return setMessage({ tone: "error", text: r.error });
              setMessage(null);
              setOptimization({ id: r.data.optimizationId, status: "queued", progress: 0, reviews: 0, result: null, error: null });
            })
          }
        >
          Optimize my schedule
        </Button>
      )}
    </div>
  );
}
