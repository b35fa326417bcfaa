"use client";

import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { updateSrsSettings } from "@/lib/srs/actions";
import { RETENTION_MAX, RETENTION_MIN, workloadSentence, type SrsSettingsValues } from "@/lib/srs/settings";

export function ReviewSettingsForm({ initial }: { initial: SrsSettingsValues }) {
  const [values, setValues] = useState(initial);
  const [result, formAction, pending] = useActionState(updateSrsSettings, null);
  const errors = result && !result.ok ? (result.fieldErrors ?? {}) : {};
  const set = <K extends keyof SrsSettingsValues>(key: K, value: SrsSettingsValues[K]) => setValues((v) => ({ ...v, [key]: value }));

  return (
    <form action={formAction} className="mt-4 max-w-xl space-y-5" noValidate>
      {result?.ok && <Alert tone="success">{result.message}</Alert>}
      {result && !result.ok && !result.fieldErrors && <Alert tone="error">{result.error}</Alert>}
      <div className="space-y-1.5">
        <label htmlFor="field-desiredRetention" className="block text-sm font-medium">
          Desired retention: <strong>{Math.round(values.desiredRetention * 100)}%</strong>
        </label>
        <input
          id="field-desiredRetention"
          name="desiredRetention"
          type="range"
          min={RETENTION_MIN}
          max={RETENTION_MAX}
          step={0.01}
          value={values.desiredRetention}
          onChange={(e) => set("desiredRetention", Number(e.target.value))}
          aria-describedby="retention-cost"
          className="w-full accent-brand-600"
        />
        <p id="retention-cost" className="text-sm text-stone-600 dark:text-stone-400" aria-live="polite">
          {workloadSentence(values.desiredRetention)}
        </p>
        {errors.desiredRetention && <p className="text-sm font-medium text-red-700 dark:text-red-400">{errors.desiredRetention}</p>}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="New cards per day" name="newPerDay" type="number" inputMode="numeric" min={0} max={500} value={String(values.newPerDay)} onChange={(e) => set("newPerDay", e.target.value as unknown as number)} error={errors.newPerDay} />
        <Field label="Maximum reviews per day" name="maxReviewsPerDay" type="number" inputMode="numeric" min={0} max={5000} value={String(values.maxReviewsPerDay)} onChange={(e) => set("maxReviewsPerDay", e.target.value as unknown as number)} error={errors.maxReviewsPerDay} />
        <Field label="Maximum interval (days)" name="maximumInterval" type="number" inputMode="numeric" min={1} max={36500} value={String(values.maximumInterval)} onChange={(e) => set("maximumInterval", e.target.value as unknown as number)} error={errors.maximumInterval} />
        <Field label="Day starts at (local hour)" name="rolloverHour" error={errors.rolloverHour} hint="Reviews after midnight but before this hour still count for the day before.">
          <select id="field-rolloverHour" name="rolloverHour" value={values.rolloverHour} onChange={(e) => set("rolloverHour", Number(e.target.value))} className={inputClass(!!errors.rolloverHour)} aria-describedby="field-rolloverHour-hint">
            {Array.from({ length: 24 }, (_, h) => (
              <option key={h} value={h}>
                {String(h).padStart(2, "0")}:00
              </option>
            ))}
          </select>
        </Field>
        <Field label="Learning steps" name="learningSteps" value={values.learningSteps} onChange={(e) => set("learningSteps", e.target.value)} error={errors.learningSteps} hint='Short steps for new cards, like "1m 10m".' />
        <Field label="Relearning steps" name="relearningSteps" value={values.relearningSteps} onChange={(e) => set("relearningSteps", e.target.value)} error={errors.relearningSteps} hint='For cards you forgot, like "10m".' />
      </div>
      <label className="flex items-start gap-3 text-sm">
        <input type="checkbox" name="enableFuzz" checked={values.enableFuzz} onChange={(e) => set("enableFuzz", e.target.checked)} className="mt-1 h-4 w-4 accent-brand-600" />
        <span>
          <span className="font-medium">Spread due dates a little (fuzz)</span>
          <span className="block text-stone-600 dark:text-stone-400">Keeps cards learned together from always coming back together.</span>
        </span>
      </label>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save review settings"}
      </Button>
    </form>
  );
}
