"use client";

import Link from "next/link";
import { useRef, useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { ProblemTable } from "@/components/ui/problem-table";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { importItemsAction } from "@/lib/cohorts/actions";
import type { ImportOutcome } from "@/lib/cohorts/instructor-items";
import { MAX_IMPORT_CHARS } from "@/lib/cohorts/validation";

type Format = "csv" | "gift";
type Preview = Extract<ImportOutcome, { preview: true }>;

const guessFormat = (name: string): Format | null => (/\.csv$/i.test(name) ? "csv" : /\.(gift|txt)$/i.test(name) ? "gift" : null);

/**
 * Import the instructor's items from CSV or GIFT. Checking comes first and
 * lists every problem by line. A clean file imports whole; a file with
 * problems imports nothing unless the instructor ticks that the bad rows
 * will be skipped and imports only the valid ones.
 */
export function ImportForm({ csvColumns, giftExample }: { csvColumns: readonly string[]; giftExample: string }) {
  const [format, setFormat] = useState<Format>("csv");
  const [text, setText] = useState("");
  const [fileName, setFileName] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [confirmSkip, setConfirmSkip] = useState(false);
  const [outcome, setOutcome] = useState<{ tone: "success" | "error"; text: string; imported?: number } | null>(null);
  const [pending, startTransition] = useTransition();
  const resultRef = useRef<HTMLDivElement>(null);

  async function onFile(file: File | undefined) {
    setPreview(null);
    setOutcome(null);
    if (!file) return;
    if (file.size > MAX_IMPORT_CHARS) return setOutcome({ tone: "error", text: "That file is larger than 1 MB. Split it into smaller files." });
    setFileName(file.name);
    const guessed = guessFormat(file.name);
    if (guessed) setFormat(guessed);
    setText(await file.text());
  }

  function run(mode: "preview" | "all" | "valid-only") {
    setOutcome(null);
    startTransition(async () => {
      const result = await importItemsAction(null, { format, text, mode }).catch(() => null);
      if (!result) return setOutcome({ tone: "error", text: "The file could not be sent. Check your connection and try again." });
      if (!result.ok) return setOutcome({ tone: "error", text: result.fieldErrors?.text ?? result.error });
      const data = result.data;
      if ("preview" in data) {
        setPreview(data);
        setConfirmSkip(false);
      } else if ("imported" in data) {
        setPreview(null);
        setOutcome({
          tone: "success",
          imported: data.imported,
          text: `Imported ${data.imported} ${data.imported === 1 ? "item" : "items"}${data.skipped ? `; skipped ${data.skipped} ${data.skipped === 1 ? "row" : "rows"} with problems` : ""}.`,
        });
      } else if (data.reason === "problems") {
        setPreview({ ok: true, preview: true, rows: data.rows, valid: [], problems: data.problems });
        setOutcome({ tone: "error", text: "Nothing was imported: the file has problems." });
      }
      requestAnimationFrame(() => resultRef.current?.focus());
    });
  }

  const problems = preview?.problems ?? [];
  const valid = preview?.valid.length ?? 0;
  const badLines = new Set(problems.map((p) => p.line)).size;
  return (
    <div className="space-y-6">
      <div className="space-y-4 rounded-2xl border border-stone-200 bg-white p-5 dark:border-stone-800 dark:bg-stone-900">
        <fieldset>
          <legend className="text-sm font-medium">Format</legend>
          <div className="mt-2 flex flex-wrap gap-2">
            {(["csv", "gift"] as const).map((f) => (
              <label
                key={f}
                className="inline-flex min-h-11 cursor-pointer items-center gap-2 rounded-lg border border-stone-300 px-3 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 dark:border-stone-700 dark:has-[:checked]:border-brand-400 dark:has-[:checked]:bg-brand-900/40"
              >
                <input
                  type="radio"
                  name="format"
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
          <label htmlFor="import-file" className="block text-sm font-medium">
            File
          </label>
          <input
            id="import-file"
            type="file"
            accept=".csv,.txt,.gift,text/csv,text/plain"
            onChange={(e) => void onFile(e.target.files?.[0])}
            className="mt-1.5 block w-full text-sm file:mr-3 file:min-h-11 file:rounded-lg file:border-0 file:bg-stone-200 file:px-4 file:font-semibold dark:file:bg-stone-800 dark:file:text-stone-100"
          />
        </div>
        <div>
          <label htmlFor="import-text" className="block text-sm font-medium">
            Or paste the contents
          </label>
          <textarea
            id="import-text"
            rows={8}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setFileName(null);
              setPreview(null);
            }}
            spellCheck={false}
            className={`${inputClass()} mt-1.5 font-mono text-sm`}
          />
          {fileName && <p className="mt-1 text-xs text-stone-600 dark:text-stone-400">Loaded {fileName}.</p>}
        </div>
        <details className="text-sm">
          <summary className="cursor-pointer font-medium text-brand-700 dark:text-brand-300">What the file needs</summary>
          {format === "csv" ? (
            <p className="mt-2 text-stone-700 dark:text-stone-300">
              A header row naming the columns <code className="break-words">{csvColumns.join(", ")}</code> (id, lesson and section may be left out), then one
              item per row. Concepts are separated by semicolons; the key is A, B, C or D. Quote cells that contain commas or line breaks.
            </p>
          ) : (
            <p className="mt-2 text-stone-700 dark:text-stone-300">
              Multiple-choice questions with four answers, the key marked <code>=</code> and each answer&apos;s rationale as its <code>#</code> feedback. Before
              each question, a comment line gives what GIFT has no place for: <code className="break-words">{giftExample}</code>
            </p>
          )}
        </details>
        <Button type="button" onClick={() => run("preview")} disabled={pending || text.trim() === ""}>
          {pending && !preview ? "Checking…" : "Check file"}
        </Button>
      </div>

      <div ref={resultRef} tabIndex={-1} className="space-y-4 outline-none" aria-live="polite">
        {outcome && (
          <Alert tone={outcome.tone}>
            {outcome.text}{" "}
            {outcome.imported ? (
              <>
                <Link href="/teach/items" className="font-semibold underline">
                  See your items
                </Link>{" "}
                or{" "}
                <Link href="/teach/sets/new" className="font-semibold underline">
                  build a set
                </Link>
                .
              </>
            ) : null}
          </Alert>
        )}
        {preview && (
          <section aria-labelledby="check-heading" className="space-y-4 rounded-2xl border border-stone-200 bg-white p-5 dark:border-stone-800 dark:bg-stone-900">
            <h2 id="check-heading" className="text-lg font-semibold" data-testid="import-summary">
              {preview.rows} {preview.rows === 1 ? "row" : "rows"} read: {valid} valid
              {problems.length > 0 && `, ${problems.length} ${problems.length === 1 ? "problem" : "problems"} on ${badLines} ${badLines === 1 ? "line" : "lines"}`}
            </h2>
            {problems.length > 0 && (
              <ProblemTable problems={problems} caption="Problems by line" hideCaption column="Problem" testId="import-problems" />
            )}
            {valid > 0 && (
              <details>
                <summary className="cursor-pointer text-sm font-medium text-brand-700 dark:text-brand-300">{valid === 1 ? "The valid item" : `The ${valid} valid items`}</summary>
                <ul className="mt-2 space-y-2 text-sm">
                  {preview.valid.map((v) => (
                    <li key={v.line} className="rounded-lg border border-stone-200 p-2 dark:border-stone-800">
                      <span className="font-mono text-xs text-stone-500">
                        line {v.line} · domain {v.domain} · key {v.key}
                      </span>
                      <span className="block font-medium">{v.leadIn}</span>
                      <span className="block text-stone-600 dark:text-stone-400">{v.stem}</span>
                    </li>
                  ))}
                </ul>
              </details>
            )}
            {problems.length === 0 && valid > 0 && (
              <Button type="button" onClick={() => run("all")} disabled={pending}>
                {pending ? "Importing…" : `Import ${valid} ${valid === 1 ? "item" : "items"}`}
              </Button>
            )}
            {problems.length > 0 && valid > 0 && (
              <div className="space-y-3 rounded-xl border border-amber-300 bg-amber-50 p-4 dark:border-amber-800 dark:bg-amber-950/40">
                <p className="text-sm">Nothing has been imported. Fix the file and check it again, or import only the valid rows and leave the rest out.</p>
                <label className="flex items-start gap-2 text-sm">
                  <input type="checkbox" checked={confirmSkip} onChange={(e) => setConfirmSkip(e.target.checked)} className="mt-0.5 h-5 w-5 accent-brand-600" />
                  <span>I understand the rows with problems will not be imported.</span>
                </label>
                <Button type="button" variant="secondary" onClick={() => run("valid-only")} disabled={pending || !confirmSkip}>
                  {pending ? "Importing…" : `Import only the ${valid} valid ${valid === 1 ? "row" : "rows"}`}
                </Button>
              </div>
            )}
            {valid === 0 && <p className="text-sm">No row is a valid item yet. Fix the problems above and check the file again.</p>}
          </section>
        )}
      </div>
    </div>
  );
}
