"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { saveInstructorItemAction } from "@/lib/cohorts/actions";

const LETTERS = ["A", "B", "C", "D"] as const;

export type ItemEditorValues = {
  stem: string;
  leadIn: string;
  options: { text: string; rationale: string }[];
  key: (typeof LETTERS)[number];
  domain: string;
  difficulty: string;
  concepts: string;
  lesson: string;
  section: string;
};

export const EMPTY_ITEM: ItemEditorValues = {
  stem: "",
  leadIn: "",
  options: LETTERS.map(() => ({ text: "", rationale: "" })),
  key: "A",
  domain: "",
  difficulty: "2",
  concepts: "",
  lesson: "",
  section: "",
};

/**
 * Write or edit one of the instructor's own items in the bank's format. The
 * server applies the same schema and lint rules as the bank's items and
 * reports what to fix.
 */
export function ItemEditor({
  itemId,
  initial,
  domains,
  lessons,
}: {
  itemId?: string;
  initial: ItemEditorValues;
  domains: { id: number; name: string }[];
  lessons: { slug: string; title: string }[];
}) {
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [pending, startTransition] = useTransition();

  const setOption = (index: number, patch: Partial<{ text: string; rationale: string }>) =>
    setValues((v) => ({ ...v, options: v.options.map((o, i) => (i === index ? { ...o, ...patch } : o)) }));

  function submit(event: React.FormEvent) {
    event.preventDefault();
    setMessage(null);
    const item = {
      stem: values.stem,
      leadIn: values.leadIn,
      options: values.options,
      key: values.key,
      domain: values.domain === "" ? undefined : Number(values.domain),
      difficulty: Number(values.difficulty),
      concepts: values.concepts
        .split(/[,;]/)
        .map((c) => c.trim())
        .filter(Boolean),
      ...(values.lesson ? { lesson: values.lesson } : {}),
      ...(values.lesson && values.section.trim() ? { section: values.section.trim() } : {}),
    };
    startTransition(async () => {
      const result = await saveInstructorItemAction(null, { ...(itemId ? { itemId } : {}), item }).catch(() => null);
      if (!result) return setMessage({ tone: "error", text: "The item was not saved. Check your connection and try again." });
      if (!result.ok) {
        setErrors(result.fieldErrors ?? {});
        return setMessage({ tone: "error", text: result.error });
      }
      setErrors({});
      if (!itemId) return router.push(`/teach/items/${result.data.itemId}?saved=1`);
      setMessage({ tone: "success", text: result.message ?? "Saved." });
      router.refresh();
    });
  }

  return (
    <form onSubmit={submit} className="max-w-3xl space-y-5" noValidate>
      <Field label="Vignette (stem)" name="stem" error={errors.stem} hint="A few sentences describing the clinical situation; at least 40 characters.">
        <textarea
          id="field-stem"
          name="stem"
          rows={6}
          value={values.stem}
          onChange={(e) => setValues({ ...values, stem: e.target.value })}
          aria-invalid={errors.stem ? true : undefined}
          aria-describedby={`field-stem-hint${errors.stem ? " field-stem-error" : ""}`}
          className={inputClass(!!errors.stem)}
        />
      </Field>
      <Field
        label="Lead-in (the question)"
        name="leadIn"
        value={values.leadIn}
        onChange={(e) => setValues({ ...values, leadIn: e.target.value })}
        error={errors.leadIn}
        hint='One question, e.g. "What should the therapist do first?"'
      />
      <fieldset className="space-y-4">
        <legend className="text-sm font-medium">Options, each with the reason it is right or wrong</legend>
        {values.options.map((option, i) => (
          <div key={i} className="rounded-xl border border-stone-200 p-3 dark:border-stone-800">
            <Field
              label={`Option ${LETTERS[i]}`}
              name={`option-${i}`}
              id={`field-option-${i}`}
              value={option.text}
              onChange={(e) => setOption(i, { text: e.target.value })}
              error={errors[`options.${i}.text`]}
            />
            <div className="mt-2">
              <Field label={`Rationale ${LETTERS[i]}`} name={`rationale-${i}`} error={errors[`options.${i}.rationale`]}>
                <textarea
                  id={`field-rationale-${i}`}
                  name={`rationale-${i}`}
                  rows={2}
                  value={option.rationale}
                  onChange={(e) => setOption(i, { rationale: e.target.value })}
                  aria-invalid={errors[`options.${i}.rationale`] ? true : undefined}
                  className={inputClass(!!errors[`options.${i}.rationale`])}
                />
              </Field>
            </div>
          </div>
        ))}
        {errors.options && <p className="text-sm font-medium text-red-700 dark:text-red-400">{errors.options}</p>}
      </fieldset>
      <fieldset>
        <legend className="text-sm font-medium">Key (the best answer)</legend>
        <div className="mt-2 flex gap-2">
          {LETTERS.map((letter) => (
            <label
              key={letter}
              className="inline-flex min-h-11 min-w-11 cursor-pointer items-center justify-center gap-2 rounded-lg border border-stone-300 px-3 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 dark:border-stone-700 dark:has-[:checked]:border-brand-400 dark:has-[:checked]:bg-brand-900/40"
            >
              <input type="radio" name="key" value={letter} checked={values.key === letter} onChange={() => setValues({ ...values, key: letter })} className="accent-brand-600" />
              {letter}
            </label>
          ))}
        </div>
        {errors.key && <p className="mt-1 text-sm font-medium text-red-700 dark:text-red-400">{errors.key}</p>}
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Exam domain" name="domain" error={errors.domain}>
          <select id="field-domain" value={values.domain} onChange={(e) => setValues({ ...values, domain: e.target.value })} aria-invalid={errors.domain ? true : undefined} className={inputClass(!!errors.domain)}>
            <option value="">Choose a domain…</option>
            {domains.map((d) => (
              <option key={d.id} value={d.id}>
                {d.id}. {d.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Difficulty" name="difficulty" error={errors.difficulty}>
          <select id="field-difficulty" value={values.difficulty} onChange={(e) => setValues({ ...values, difficulty: e.target.value })} className={inputClass(!!errors.difficulty)}>
            <option value="1">1. Recall</option>
            <option value="2">2. Application</option>
            <option value="3">3. Analysis</option>
          </select>
        </Field>
      </div>
      <Field
        label="Concepts"
        name="concepts"
        value={values.concepts}
        onChange={(e) => setValues({ ...values, concepts: e.target.value })}
        error={errors.concepts}
        hint="One or more, separated by commas, e.g. joining, boundary-making."
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Lesson (optional)" name="lesson" error={errors.lesson} hint="Links the feedback to a Systemic lesson.">
          <select id="field-lesson" value={values.lesson} onChange={(e) => setValues({ ...values, lesson: e.target.value })} className={inputClass(!!errors.lesson)} aria-describedby="field-lesson-hint">
            <option value="">No lesson</option>
            {lessons.map((l) => (
              <option key={l.slug} value={l.slug}>
                {l.title}
              </option>
            ))}
          </select>
        </Field>
        {values.lesson && (
          <Field
            label="Section anchor (optional)"
            name="section"
            value={values.section}
            onChange={(e) => setValues({ ...values, section: e.target.value })}
            error={errors.section}
            hint="The heading's anchor in the lesson, e.g. how-the-exam-tests-this."
          />
        )}
      </div>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <Button type="submit" disabled={pending}>
        {pending ? "Checking and saving…" : itemId ? "Save item" : "Create item"}
      </Button>
    </form>
  );
}
