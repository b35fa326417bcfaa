"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { reportItemProblem } from "@/lib/exam/actions";

/** "Report a problem" with an item: a short form whose text goes to the authors as written. */
export function ReportProblem({ itemId }: { itemId: string }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState<string | null>(null);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const result = await reportItemProblem(null, { itemId, text }).catch(() => null);
    setBusy(false);
    if (!result) return setError("Not sent: check your connection and try again.");
    if (!result.ok) return setError(result.fieldErrors?.text ?? result.error);
    setSent(result.message ?? "Thank you. Your report was sent.");
    setText("");
    setOpen(false);
  }

  if (sent)
    return (
      <p role="status" className="text-sm text-emerald-800 dark:text-emerald-300">
        {sent}
      </p>
    );

  if (!open)
    return (
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="inline-flex min-h-11 items-center rounded-lg px-3 text-sm font-semibold text-stone-700 hover:bg-stone-200/70 dark:text-stone-300 dark:hover:bg-stone-800"
      >
        Report a problem
      </button>
    );

  return (
    <form onSubmit={(e) => void submit(e)} className="mt-2 w-full space-y-2">
      <label htmlFor={`${id}-text`} className="block text-sm font-medium">
        What is wrong with this question?
      </label>
      <textarea
        id={`${id}-text`}
        value={text}
        onChange={(e) => setText(e.target.value)}
        rows={3}
        maxLength={2000}
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
        className={inputClass(!!error)}
        // The learner just asked for this form, so typing can start at once.
        autoFocus
      />
      <p id={`${id}-hint`} className="text-xs text-stone-600 dark:text-stone-400">
        For example: two options could both be right, a rationale contradicts the key, or a typo. The authors read every report.
      </p>
      {error && (
        <p id={`${id}-error`} role="alert" className="text-sm font-medium text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
      <div className="flex gap-2">
        <Button type="submit" disabled={busy}>
          {busy ? "Sending…" : "Send report"}
        </Button>
        <Button type="button" variant="ghost" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
