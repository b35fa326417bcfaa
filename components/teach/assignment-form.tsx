"use client";

import { useActionState, useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { createAssignmentAction, updateAssignmentAction } from "@/lib/cohorts/actions";
import { formatInZone, zonedLocalToUtc } from "@/lib/cohorts/time";
import { ASSIGNMENT_MODES, MAX_ATTEMPTS_ALLOWED, type AssignmentMode } from "@/lib/cohorts/validation";

type SetOption = { id: string; title: string; itemCount: number };
type Values = { setId: string; title: string; opensAt: string; dueAt: string; mode: AssignmentMode; timeLimitMin: string; attemptsAllowed: string };

const MODE_TEXT: Record<AssignmentMode, { label: string; help: string }> = {
  tutor: { label: "Tutor", help: "Feedback and rationales after every answer. Good for learning a topic." },
  quiz: { label: "Quiz", help: "No feedback until submitted; untimed." },
  timed: { label: "Timed", help: "Like the exam: a server-side clock, feedback after submission." },
};

/** 80 seconds an item, the real exam's pace, in whole minutes. */
const examPaceMinutes = (items: number) => String(Math.max(1, Math.ceil((items * 80) / 60)));

function LocalTimeHint({ value, zone }: { value: string; zone: string }) {
  const [viewer, setViewer] = useState<string | null>(null);
  useEffect(() => setViewer(Intl.DateTimeFormat().resolvedOptions().timeZone), []);
  const instant = zonedLocalToUtc(value, zone);
  if (!instant) return <>In {zone.replaceAll("_", " ")}.</>;
  return (
    <>
      {formatInZone(instant, zone)}
      {viewer && viewer !== zone ? ` — ${formatInZone(instant, viewer)} on this device` : ""}
    </>
  );
}

/**
 * Assign a set to a cohort (dates in the cohort's zone), or edit an
 * assignment's title, window and attempts when `assignmentId` is given.
 */
export function AssignmentForm({
  cohortId,
  timeZone,
  sets,
  initial,
  assignmentId,
}: {
  cohortId: string;
  timeZone: string;
  sets: SetOption[];
  initial: Values;
  assignmentId?: string;
}) {
  const [values, setValues] = useState(initial);
  const [titleTouched, setTitleTouched] = useState(Boolean(initial.title));
  const [result, formAction, pending] = useActionState((assignmentId ? updateAssignmentAction : createAssignmentAction) as typeof updateAssignmentAction, null);
  const errors = result && !result.ok ? (result.fieldErrors ?? {}) : {};
  const chosenSet = sets.find((s) => s.id === values.setId);

  function chooseSet(id: string) {
    const set = sets.find((s) => s.id === id);
    setValues((v) => ({
      ...v,
      setId: id,
      title: titleTouched || !set ? v.title : set.title,
      timeLimitMin: set ? examPaceMinutes(set.itemCount) : v.timeLimitMin,
    }));
  }

  return (
    <form action={formAction} className="max-w-xl space-y-5" noValidate>
      {result?.ok && result.message && <Alert tone="success">{result.message}</Alert>}
      {result && !result.ok && <Alert tone="error">{result.error}</Alert>}
      {assignmentId ? <input type="hidden" name="assignmentId" value={assignmentId} /> : <input type="hidden" name="cohortId" value={cohortId} />}
      {!assignmentId && (
        <Field label="Question set" name="setId" error={errors.setId}>
          <select
            id="field-setId"
            name="setId"
            value={values.setId}
            onChange={(e) => chooseSet(e.target.value)}
            aria-invalid={errors.setId ? true : undefined}
            className={inputClass(!!errors.setId)}
          >
            <option value="">Choose a set…</option>
            {sets.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title} ({s.itemCount} {s.itemCount === 1 ? "item" : "items"})
              </option>
            ))}
          </select>
        </Field>
      )}
      <Field
        label="Title"
        name="title"
        value={values.title}
        maxLength={120}
        onChange={(e) => {
          setTitleTouched(true);
          setValues({ ...values, title: e.target.value });
        }}
        error={errors.title}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label="Opens"
          name="opensAt"
          type="datetime-local"
          value={values.opensAt}
          onChange={(e) => setValues({ ...values, opensAt: e.target.value })}
          error={errors.opensAt}
          hint={<LocalTimeHint value={values.opensAt} zone={timeZone} />}
        />
        <Field
          label="Due"
          name="dueAt"
          type="datetime-local"
          value={values.dueAt}
          onChange={(e) => setValues({ ...values, dueAt: e.target.value })}
          error={errors.dueAt}
          hint={<LocalTimeHint value={values.dueAt} zone={timeZone} />}
        />
      </div>
      <p className="-mt-2 text-sm text-stone-600 dark:text-stone-400">Dates are in the cohort&apos;s time zone, {timeZone.replaceAll("_", " ")}. Members also see them in their own zone.</p>
      {!assignmentId ? (
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium">Mode</legend>
          {ASSIGNMENT_MODES.map((mode) => (
            <label
              key={mode}
              className="flex cursor-pointer items-start gap-3 rounded-lg border border-stone-300 px-3 py-2.5 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 dark:border-stone-700 dark:has-[:checked]:border-brand-400 dark:has-[:checked]:bg-brand-900/40"
            >
              <input
                type="radio"
                name="mode"
                value={mode}
                checked={values.mode === mode}
                onChange={() => setValues({ ...values, mode })}
                className="mt-1 h-4 w-4 accent-brand-600"
              />
              <span>
                <span className="block font-semibold">{MODE_TEXT[mode].label}</span>
                <span className="block text-sm text-stone-600 dark:text-stone-400">{MODE_TEXT[mode].help}</span>
              </span>
            </label>
          ))}
          {errors.mode && <p className="text-sm font-medium text-red-700 dark:text-red-400">{errors.mode}</p>}
        </fieldset>
      ) : null}
      {!assignmentId && values.mode === "timed" && (
        <Field
          label="Time limit (minutes)"
          name="timeLimitMin"
          type="number"
          inputMode="numeric"
          min={1}
          max={360}
          value={values.timeLimitMin}
          onChange={(e) => setValues({ ...values, timeLimitMin: e.target.value })}
          error={errors.timeLimitMin}
          hint={chosenSet ? `The exam's pace (80 seconds an item) gives ${examPaceMinutes(chosenSet.itemCount)} minutes for ${chosenSet.itemCount} items.` : "80 seconds an item is the exam's pace."}
        />
      )}
      <Field
        label="Attempts allowed"
        name="attemptsAllowed"
        type="number"
        inputMode="numeric"
        min={1}
        max={MAX_ATTEMPTS_ALLOWED}
        value={values.attemptsAllowed}
        onChange={(e) => setValues({ ...values, attemptsAllowed: e.target.value })}
        error={errors.attemptsAllowed}
        hint="Item analysis uses each member's first attempt."
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : assignmentId ? "Save assignment" : "Assign to cohort"}
      </Button>
    </form>
  );
}
