"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { ProblemTable } from "@/components/ui/problem-table";
import { Button, buttonClass } from "@/components/ui/button";

type Problem = { line: number; message: string };
type Result =
  | { tone: "success"; text: string; detail: string }
  | { tone: "error"; text: string; problems?: Problem[]; problemCount?: number };
type Phase = { step: "idle" } | { step: "uploading"; percent: number } | { step: "reading" };

interface ImportResponse {
  message: string;
  trainingReviews: number;
  threshold: number;
}
interface ErrorResponse {
  message?: string;
  details?: { problems?: Problem[]; problemCount?: number };
}

const HISTORY_ENDPOINT = "/api/v1/review/history-imports";

/**
 * Sends the file as the request body with upload progress (fetch reports
 * none), and resolves with the status and parsed JSON answer; status 0
 * when the request never got an answer.
 */
function upload(file: File, onProgress: (fraction: number) => void): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open("POST", `${HISTORY_ENDPOINT}?name=${encodeURIComponent(file.name)}`);
    request.setRequestHeader("Content-Type", "application/octet-stream");
    request.responseType = "json";
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    request.upload.onload = () => onProgress(1);
    request.onload = () => resolve({ status: request.status, body: request.response as unknown });
    request.onerror = () => resolve({ status: 0, body: null });
    request.onabort = () => resolve({ status: 0, body: null });
    request.send(file);
  });
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

/**
 * Settings → Anki: download the learner's cards as an .apkg, and import a
 * review history (Anki package or fsrs-optimizer CSV) that the optimizer
 * trains on, with upload progress, the outcome, and each bad line of a
 * CSV; the imported history can be removed again.
 */
export function AnkiPanel({
  flashcards,
  missedItems,
  importedReviews,
  maxFileBytes,
}: {
  flashcards: number;
  missedItems: number;
  importedReviews: number;
  maxFileBytes: number;
}) {
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>({ step: "idle" });
  const [result, setResult] = useState<Result | null>(null);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const [removing, setRemoving] = useState(false);
  const resultRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const busy = phase.step !== "idle";
  const maxMb = Math.round(maxFileBytes / 1024 / 1024);

  function show(next: Result) {
    setResult(next);
    requestAnimationFrame(() => resultRef.current?.focus());
  }

  async function importFile(event: React.FormEvent) {
    event.preventDefault();
    if (!file || busy) return;
    setResult(null);
    if (file.size > maxFileBytes) {
      return show({ tone: "error", text: `This file is larger than ${maxMb} MB. In Anki, export without media, or export a single deck with scheduling information.` });
    }
    if (file.size === 0) return show({ tone: "error", text: "This file is empty." });
    setPhase({ step: "uploading", percent: 0 });
    const { status, body } = await upload(file, (fraction) => setPhase(fraction >= 1 ? { step: "reading" } : { step: "uploading", percent: Math.round(fraction * 100) }));
    setPhase({ step: "idle" });
    if (status === 201) {
      const answer = body as ImportResponse;
      const needed = Math.max(0, answer.threshold - answer.trainingReviews);
      show({
        tone: "success",
        text: answer.message,
        detail:
          needed === 0
            ? `The optimizer can now use ${plural(answer.trainingReviews, "review", "reviews")}: you can optimize your schedule below.`
            : `The optimizer can use ${plural(answer.trainingReviews, "review", "reviews")} so far; it needs ${answer.threshold.toLocaleString()}.`,
      });
      setFile(null);
      if (inputRef.current) inputRef.current.value = "";
      router.refresh();
      return;
    }
    const error = (body ?? {}) as ErrorResponse;
    show({
      tone: "error",
      text: status === 0 ? "The file could not be sent. Check your connection and try again." : (error.message ?? "The import failed. Please try again."),
      problems: error.details?.problems,
      problemCount: error.details?.problemCount,
    });
  }

  async function removeHistory() {
    setRemoving(true);
    setResult(null);
    try {
      const response = await fetch(HISTORY_ENDPOINT, { method: "DELETE" });
      if (!response.ok) throw new Error(String(response.status));
      const { deleted } = (await response.json()) as { deleted: number };
      show({ tone: "success", text: `Removed ${plural(deleted, "imported review", "imported reviews")}.`, detail: "Your own reviews in Systemic are unchanged." });
      setConfirmRemove(false);
      router.refresh();
    } catch {
      show({ tone: "error", text: "The imported history could not be removed. Check your connection and try again." });
    } finally {
      setRemoving(false);
    }
  }

  const listed = result?.tone === "error" ? (result.problems ?? []) : [];
  const unlisted = result?.tone === "error" && result.problemCount ? result.problemCount - listed.length : 0;
  return (
    <div className="mt-4 max-w-xl space-y-8">
      <div className="space-y-2">
        <h3 className="font-semibold">Take your cards to Anki</h3>
        {flashcards + missedItems > 0 ? (
          <p className="text-sm text-stone-700 dark:text-stone-300">
            A deck with {plural(flashcards, "flashcard", "flashcards")} you study and {plural(missedItems, "question", "questions")} you have answered wrong (with the
            answer and why), each linked to its lesson. Importing it again in Anki updates the same notes.
          </p>
        ) : (
          <p className="text-sm text-stone-700 dark:text-stone-300">
            The deck holds the flashcards you study and the questions you have answered wrong, each linked to its lesson. It is empty for now: add a lesson’s cards to
            Review, or practise some questions first.
          </p>
        )}
        <a href="/settings/export/anki" download className={buttonClass("secondary")}>
          Download my cards as an Anki deck (.apkg)
        </a>
      </div>

      <form onSubmit={importFile} className="space-y-3" aria-labelledby="anki-import-heading">
        <h3 id="anki-import-heading" className="font-semibold">
          Bring your Anki review history
        </h3>
        <p className="text-sm text-stone-700 dark:text-stone-300">
          So the optimizer can start from your real memory. In Anki, export a deck with “Include scheduling information” (.apkg) or the whole collection (.colpkg), with
          “Support older Anki versions” ticked; or use a review-log CSV in the fsrs-optimizer format (
          <code className="break-all">card_id,review_time,review_rating,review_state,review_duration</code>). Only your review history is kept, to fit your schedule;
          it adds no cards. At most {maxMb} MB.
        </p>
        <div>
          <label htmlFor="anki-history-file" className="block text-sm font-medium">
            Anki package or review-log CSV
          </label>
          <input
            ref={inputRef}
            id="anki-history-file"
            type="file"
            accept=".apkg,.colpkg,.csv,text/csv"
            disabled={busy}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setResult(null);
            }}
            className="mt-1.5 block w-full text-sm file:mr-3 file:min-h-11 file:rounded-lg file:border-0 file:bg-stone-200 file:px-4 file:font-semibold dark:file:bg-stone-800 dark:file:text-stone-100"
          />
        </div>
        <Button type="submit" disabled={!file || busy}>
          {busy ? "Importing…" : "Import review history"}
        </Button>
        {busy && (
          <div role="status" aria-live="polite">
            <p className="text-sm font-medium">{phase.step === "uploading" ? `Uploading… ${phase.percent}%` : "Reading your history…"}</p>
            <div
              className="mt-1 h-2 overflow-hidden rounded-full bg-stone-200 dark:bg-stone-800"
              role="progressbar"
              aria-label="Import progress"
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={phase.step === "uploading" ? phase.percent : undefined}
            >
              <div className={`h-full bg-brand-500 ${phase.step === "reading" ? "animate-pulse" : "transition-[width]"}`} style={{ width: `${phase.step === "uploading" ? phase.percent : 100}%` }} />
            </div>
          </div>
        )}
      </form>

      <div ref={resultRef} tabIndex={-1} className="space-y-3 outline-none" data-testid="anki-import-result">
        {result && (
          <Alert tone={result.tone}>
            <span className="block">{result.text}</span>
            {result.tone === "success" && <span className="mt-1 block">{result.detail}</span>}
          </Alert>
        )}
        {listed.length > 0 && (
          <div>
            <ProblemTable problems={listed} caption="Lines that could not be read" testId="anki-import-problems" />
            {unlisted > 0 && <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">…and {plural(unlisted, "more line", "more lines")}.</p>}
          </div>
        )}
      </div>

      {importedReviews > 0 && (
        <div className="space-y-2">
          <p className="text-sm text-stone-700 dark:text-stone-300" data-testid="anki-imported-count">
            You have imported {plural(importedReviews, "review", "reviews")}.
          </p>
          {confirmRemove ? (
            <div className="flex flex-wrap items-center gap-2">
              <span className="text-sm">Remove all {importedReviews.toLocaleString()} imported reviews?</span>
              <Button type="button" variant="danger" disabled={removing} onClick={() => void removeHistory()}>
                {removing ? "Removing…" : "Remove"}
              </Button>
              <Button type="button" variant="ghost" disabled={removing} onClick={() => setConfirmRemove(false)}>
                Cancel
              </Button>
            </div>
          ) : (
            <Button type="button" variant="secondary" onClick={() => setConfirmRemove(true)}>
              Remove imported history
            </Button>
          )}
        </div>
      )}
    </div>
  );
}
