"use client";

import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { startPracticeSession } from "@/lib/exam/actions";
import type { PracticeOptions } from "@/lib/exam/practice-sets";
import { PRACTICE_LENGTHS, SOURCE_LABELS, type PracticeSource } from "@/lib/exam/practice-spec";

export type BuilderDefaults = { source: PracticeSource; domain?: number; concept?: string; lesson?: string };

const SOURCE_HINTS: Record<PracticeSource, string> = {
  mixed: "The whole bank, unseen first",
  domain: "One of the six exam domains",
  concept: "Items on one concept",
  lesson: "Items from one lesson",
  missed: "Your last answer was wrong",
  flagged: "Items you flagged",
  unseen: "Never answered yet",
};

const radioCard =
  "flex min-h-14 cursor-pointer flex-col justify-center rounded-lg border border-stone-300 bg-white px-3 py-2 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 has-[:checked]:ring-1 has-[:checked]:ring-brand-600 has-[:disabled]:cursor-not-allowed has-[:disabled]:opacity-50 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand-500 dark:border-stone-700 dark:bg-stone-900 dark:has-[:checked]:border-brand-400 dark:has-[:checked]:bg-brand-900/60 dark:has-[:checked]:ring-brand-400";

/**
 * Builds a practice session: where the items come from (all, a domain, a
 * concept, a lesson, missed before, flagged, not yet seen), how many, and
 * whether feedback comes after each item (tutor) or at the end (quiz).
 * Works as a plain form too; the server validates everything again.
 */
export function SessionBuilder({ options, defaults }: { options: PracticeOptions; defaults: BuilderDefaults }) {
  const [result, formAction, pending] = useActionState(startPracticeSession, null);
  const [source, setSource] = useState<PracticeSource>(defaults.source);
  const errors = result && !result.ok ? (result.fieldErrors ?? {}) : {};

  const available: Record<PracticeSource, number> = {
    mixed: options.counts.all,
    domain: options.counts.all,
    concept: options.counts.all,
    lesson: options.counts.all,
    missed: options.counts.missed,
    flagged: options.counts.flagged,
    unseen: options.counts.unseen,
  };

  return (
    <form action={formAction} className="space-y-5" noValidate aria-describedby={result && !result.ok ? "builder-error" : undefined}>
      {result && !result.ok && (
        <div id="builder-error">
          <Alert tone="error">{result.fieldErrors ? Object.values(result.fieldErrors)[0] : result.error}</Alert>
        </div>
      )}
      <fieldset>
        <legend className="text-sm font-semibold">Questions from</legend>
        <div className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-4">
          {(Object.keys(SOURCE_LABELS) as PracticeSource[]).map((s) => (
            <label key={s} className={radioCard}>
              <span className="flex items-center gap-2">
                <input
                  type="radio"
                  name="source"
                  value={s}
                  checked={source === s}
                  onChange={() => setSource(s)}
                  disabled={available[s] === 0}
                  className="h-4 w-4 accent-brand-600"
                />
                <span className="text-sm font-semibold">{SOURCE_LABELS[s]}</span>
              </span>
              <span className="mt-0.5 pl-6 text-xs text-stone-600 dark:text-stone-400">
                {s === "missed" || s === "flagged" || s === "unseen" ? `${available[s]} ${available[s] === 1 ? "item" : "items"}` : SOURCE_HINTS[s]}
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      {source === "domain" && (
        <Select label="Domain" name="domain" defaultValue={defaults.domain ? String(defaults.domain) : ""} error={errors.domain}>
          {options.domains.map((d) => (
            <option key={d.id} value={d.id} disabled={d.count === 0}>
              {d.id}. {d.name} ({d.count})
            </option>
          ))}
        </Select>
      )}
      {source === "concept" && (
        <Select label="Concept" name="concept" defaultValue={defaults.concept ?? ""} error={errors.concept}>
          {options.concepts.map((c) => (
            <option key={c.slug} value={c.slug}>
              {c.label} ({c.count})
            </option>
          ))}
        </Select>
      )}
      {source === "lesson" && (
        <Select label="Lesson" name="lesson" defaultValue={defaults.lesson ?? ""} error={errors.lesson}>
          {options.lessons.map((l) => (
            <option key={l.slug} value={l.slug}>
              {l.title} ({l.count})
            </option>
          ))}
        </Select>
      )}

      <div className="grid gap-5 sm:grid-cols-2">
        <fieldset>
          <legend className="text-sm font-semibold">Length</legend>
          <div className="mt-2 grid grid-cols-4 gap-2">
            {PRACTICE_LENGTHS.map((n) => (
              <label key={n} className={`${radioCard} items-center`}>
                <input type="radio" name="length" value={n} defaultChecked={n === 20} className="sr-only" />
                <span className="text-sm font-semibold tabular-nums">{n}</span>
              </label>
            ))}
          </div>
          <p className="mt-1 text-xs text-stone-600 dark:text-stone-400">Fewer if the source has fewer items.</p>
        </fieldset>
        <fieldset>
          <legend className="text-sm font-semibold">Feedback</legend>
          <div className="mt-2 grid grid-cols-2 gap-2">
            <label className={radioCard}>
              <span className="flex items-center gap-2">
                <input type="radio" name="mode" value="tutor" defaultChecked className="h-4 w-4 accent-brand-600" />
                <span className="text-sm font-semibold">Tutor</span>
              </span>
              <span className="mt-0.5 pl-6 text-xs text-stone-600 dark:text-stone-400">After each item</span>
            </label>
            <label className={radioCard}>
              <span className="flex items-center gap-2">
                <input type="radio" name="mode" value="quiz" className="h-4 w-4 accent-brand-600" />
                <span className="text-sm font-semibold">Quiz</span>
              </span>
              <span className="mt-0.5 pl-6 text-xs text-stone-600 dark:text-stone-400">At the end</span>
            </label>
          </div>
        </fieldset>
      </div>

      <Button type="submit" disabled={pending}>
        {pending ? "Building your session…" : "Start session"}
      </Button>
    </form>
  );
}

function Select({ label, name, defaultValue, error, children }: { label: string; name: string; defaultValue: string; error?: string; children: React.ReactNode }) {
  const id = `builder-${name}`;
  return (
    <div className="max-w-md space-y-1.5">
      <label htmlFor={id} className="block text-sm font-semibold">
        {label}
      </label>
      <select
        id={id}
        name={name}
        defaultValue={defaultValue}
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={inputClass(!!error)}
      >
        <option value="" disabled>
          Choose…
        </option>
        {children}
      </select>
      {error && (
        <p id={`${id}-error`} className="text-sm font-medium text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}
