"use client";

import Link from "next/link";
import { useRef, useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { ProblemTable } from "@/components/ui/problem-table";
import { importDraftsAction } from "@/lib/cohorts/actions";
import type { DraftImportOutcome } from "@/lib/cohorts/drafts";
import { MAX_IMPORT_CHARS } from "@/lib/cohorts/validation";

type Format = "csv" | "gift";
type Preview = Extract<DraftImportOutcome, { preview: true }>;

const guessFormat = (name: string): Format | null => (/\.csv$/i.test(name) ? "csv" : /\.(gift|txt)$/i.test(name) ? "gift" : null);

/**
 * Import an outside question bank (Moodle GIFT or CSV) as drafts: every
 * single-answer multiple-choice question comes in, with what the bank would
 * refuse listed as warnings to fix later; other question types are refused
 * at their line with their type named.
 */
export function DraftImportForm() {
  const [format, setFormat] = useState<Format>("gift");
  const [text, setText] = useState("");
  const [preview, setPreview] = useState<Preview | null>(null);
  const [outcome, setOutcome] = useState<{ tone: "success" | "error"; text: string; imported?: number } | null>(null);
  const [pending, startTransition] = useTransition();
  const resultRef = useRef<HTMLDivElement>(null);

  async function onFile(file: File | undefined) {
    setPreview(null);
    setOutcome(null);
    if (!file) return;
    if (file.size > MAX_IMPORT_CHARS) return setOutcome({ tone: "error", text: "That file is larger than 1 MB. Split it into smaller files." });
    const guessed = guessFormat(file.name);
    if (guessed) setFormat(guessed);
    setText(await file.text());
  }

  function run(check: boolean) {
    setOutcome(null);
    startTransition(async () => {
      const result = await importDraftsAction(null, { format, text, preview: check }).catch(() => null);
      if (!result) return setOutcome({ tone: "error", text: "The file could not be sent. Check your connection and try again." });
      if (!result.ok) return setOutcome({ tone: "error", text: result.fieldErrors?.text ?? result.error });
      const data = result.data;
      if (data.ok && "preview" in data) setPreview(data);
      else if (data.ok) {
        setPreview(null);
        setOutcome({ tone: "success", imported: data.imported, text: `Imported ${data.imported} ${data.imported === 1 ? "draft" : "drafts"}.` });
      } else setOutcome({ tone: "error", text: data.message });
      requestAnimationFrame(() => resultRef.current?.focus());
    });
  }

  const warned = preview?.drafts.filter((d) => d.warnings.length > 0).length ?? 0;
  return (
    <div className="space-y-6">
      <div className="space-y-4 rounded-2xl border border-stone-200 bg-white p-5 dark:border-stone-800 dark:bg-stone-900">
        <fieldset>
          <legend className="text-sm font-medium">Format</legend>
          <div className="mt-2 flex flex-wrap gap-2">
            {(["gift", "csv"] as const).map((f) => (
              <label
                key={f}
                className="inline-flex min-h-11 cursor-pointer items-center gap-2 rounded-lg border border-stone-300 px-3 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 dark:border-stone-700 dark:has-[:checked]:border-brand-400 dark:has-[:checked]:bg-brand-900/40"
              >
                <input
                  type="radio"
                  name="draft-format"
                  value={f}
                  checked={format === f}
                  onChange={() => {
                    setFormat(f);
                    setPreview(null);
                  }}
                  className="accent-brand-600"
                />
                {f === "csv" ? "CSV (spreadsheet)" : "GIFT (Moodle)"}
              </label>
            ))}
          </div>
        </fieldset>
        <div>
          <label htmlFor="draft-file" className="block text-sm font-medium">
            Question bank file
          </label>
          <input
            id="draft-file"
            type="file"
            accept=".csv,.txt,.gift,text/csv,text/plain"
            onChange={(e) => void onFile(e.target.files?.[0])}
            className="mt-1.5 block w-full text-sm file:mr-3 file:min-h-11 file:rounded-lg file:border-0 file:bg-stone-200 file:px-4 file:font-semibold dark:file:bg-stone-800 dark:file:text-stone-100"
          />
        </div>
        <div>
          <label htmlFor="draft-text" className="block text-sm font-medium">
            Or paste the questions
          </label>
          <textarea
            id="draft-text"
            rows={8}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setPreview(null);
            }}
            spellCheck={false}
            className={`${inputClass()} mt-1.5 font-mono text-sm`}
          />
        </div>
        <p className="text-sm text-stone-700 dark:text-stone-300">
          Every multiple-choice question with one correct answer and 2 to 6 answers comes in as a draft. Missing rationales, metadata or a fourth option are warnings you
          can fix later; <code>$CATEGORY:</code> lines become question sets. CSV needs only <code>lead_in</code> or <code>stem</code>, <code>option_a</code>…
          <code>option_f</code> and <code>key</code>.
        </p>
        <Button type="button" onClick={() => run(true)} disabled={pending || text.trim() === ""}>
          {pending && !preview ? "Checking…" : "Check questions"}
        </Button>
      </div>

      <div ref={resultRef} tabIndex={-1} className="space-y-4 outline-none" aria-live="polite">
        {outcome && (
          <Alert tone={outcome.tone}>
            {outcome.text}{" "}
            {outcome.imported ? (
              <Link href="/teach/items/drafts" className="font-semibold underline">
                Review your drafts
              </Link>
            ) : null}
          </Alert>
        )}
        {preview && (
          <section aria-labelledby="draft-check-heading" className="space-y-4 rounded-2xl border border-stone-200 bg-white p-5 dark:border-stone-800 dark:bg-stone-900">
            <h2 id="draft-check-heading" className="text-lg font-semibold" data-testid="draft-summary">
              {preview.rows} {preview.rows === 1 ? "question" : "questions"} read: {preview.drafts.length} can be imported ({warned} with warnings), {preview.refused.length} refused
            </h2>
            {preview.fileProblems.length > 0 && <ProblemTable problems={preview.fileProblems} caption="About the file" testId="draft-file-problems" />}
            {preview.refused.length > 0 && <ProblemTable problems={preview.refused} caption="Refused questions" testId="draft-refused" />}
            {preview.drafts.length > 0 && (
              <details>
                <summary className="cursor-pointer text-sm font-medium text-brand-700 dark:text-brand-300">The questions that will be drafts</summary>
                <ul className="mt-2 space-y-2 text-sm">
                  {preview.drafts.map((d) => (
                    <li key={d.line} className="rounded-lg border border-stone-200 p-2 break-words dark:border-stone-800">
                      <span className="font-mono text-xs text-stone-500">
                        line {d.line} · {d.options} answers · {d.warnings.length} {d.warnings.length === 1 ? "warning" : "warnings"}
                      </span>
                      <span className="block font-medium">{d.leadIn}</span>
                    </li>
                  ))}
                </ul>
              </details>
            )}
            {preview.drafts.length > 0 && (
              <Button type="button" onClick={() => run(false)} disabled={pending}>
                {pending ? "Importing…" : `Import ${preview.drafts.length} as ${preview.drafts.length === 1 ? "a draft" : "drafts"}`}
              </Button>
            )}
          </section>
        )}
      </div>
    </div>
  );
}
