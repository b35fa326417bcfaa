"use client";

import Link from "next/link";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { AnswerOutbox, type ItemState, type OutboxStatus, type SendOutcome } from "@/lib/exam/answer-outbox";
import type { AttemptView } from "@/lib/exam/attempts";
import { warningsDue, type WarningMinutes } from "@/lib/exam/timing";
import type { AnswerFeedback } from "@/lib/learn/items";
import { Countdown } from "./countdown";
import { FlagButton } from "./flag-button";
import { addRange, EMPTY_MARKS, marksKey, parseMarks, segments, toggleStrike, type AttemptMarks, type ItemMarks } from "@/lib/exam/annotations";
import { QuestionNavigator, type NavigatorEntry } from "./question-navigator";
import { ReportProblem } from "./report-problem";

const LETTERS = ["A", "B", "C", "D"] as const;
/** How often the screen asks the server for the time left while open (it also asks on waking up). */
const CLOCK_SYNC_MS = 60_000;
/** Time on an item shorter than this is not worth a request of its own. */
const MIN_TIME_SAVE_MS = 1000;

type SaveResponse = { ok: true; answer: ItemState & { savedAt: string }; feedback?: AnswerFeedback };
type Phase = "answering" | "confirming" | "submitting" | "time-up" | "over";

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function readJson<T>(key: string, fallback: T): T {
  try {
    const raw = storage()?.getItem(key);
    return raw ? (JSON.parse(raw) as T) : fallback;
  } catch {
    return fallback;
  }
}

function writeJson(key: string, value: unknown) {
  try {
    storage()?.setItem(key, JSON.stringify(value));
  } catch {
    // Private mode or full storage: only the convenience of resuming in place is lost.
  }
}

/**
 * One attempt, one question at a time: a mock exam (timed, no feedback until
 * the report), a quiz (untimed, no feedback until the end) or a tutor
 * session (feedback after each answer). Every change is saved as it is
 * made through an outbox kept on the device, so a reload, a closed tab or a
 * phone going to sleep loses nothing. The clock is the server's: the screen
 * counts down to the deadline the server gave and asks again on waking up.
 *
 * Keys: 1–4 or A–D answer, M marks for review, ← / → (or P / N) move,
 * Enter moves on after tutor feedback.
 */
export function AttemptRunner({ initial, flagged }: { initial: AttemptView; flagged: readonly string[] }) {
  const attemptId = initial.id;
  const items = initial.items;
  const tutor = initial.mode === "tutor";
  const timed = initial.remainingMs !== null;
  const keys = useMemo(
    () => ({ position: `systemic:attempt:${attemptId}:position`, warnings: `systemic:attempt:${attemptId}:warnings`, outbox: `systemic:attempt:${attemptId}:outbox` }),
    [attemptId],
  );

  const [states, setStates] = useState<Record<string, ItemState>>(() =>
    Object.fromEntries(initial.answers.map((a) => [a.itemId, { itemId: a.itemId, chosen: a.chosen, marked: a.marked, timeMs: a.timeMs }])),
  );
  const [feedback, setFeedback] = useState<Record<string, AnswerFeedback>>(initial.feedback);
  const [index, setIndex] = useState(() => {
    const first = initial.answers.findIndex((a) => a.chosen === null);
    return first === -1 ? 0 : first;
  });
  const [phase, setPhase] = useState<Phase>("answering");
  const [remaining, setRemaining] = useState<number | null>(initial.remainingMs);
  const [status, setStatus] = useState<OutboxStatus>({ pending: 0, sending: false, offline: false });
  const [signedOut, setSignedOut] = useState(false);
  const [warning, setWarning] = useState<WarningMinutes | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [navOpen, setNavOpen] = useState(false);
  // Crossed-out options and stem highlights, kept on this device with the attempt.
  const [marks, setMarks] = useState<AttemptMarks>({});
  useEffect(() => setMarks(parseMarks(readJson<unknown>(marksKey(attemptId), {}))), [attemptId]);
  const updateMarks = useCallback(
    (itemId: string, change: (m: ItemMarks) => ItemMarks) =>
      setMarks((all) => {
        const next = { ...all, [itemId]: change(all[itemId] ?? EMPTY_MARKS) };
        writeJson(marksKey(attemptId), next);
        return next;
      }),
    [attemptId],
  );
  const stemRef = useRef<HTMLParagraphElement>(null);

  const statesRef = useRef(states);
  statesRef.current = states;
  const indexRef = useRef(index);
  indexRef.current = index;
  const phaseRef = useRef(phase);
  phaseRef.current = phase;
  const outbox = useRef<AnswerOutbox<SaveResponse> | null>(null);
  const deadlineAt = useRef<number | null>(null);
  const viewStart = useRef<number | null>(null);
  const shownWarnings = useRef<Set<WarningMinutes>>(new Set());
  const headingRef = useRef<HTMLHeadingElement>(null);
  const feedbackRef = useRef<HTMLDivElement>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const mounted = useRef(false);

  const item = items[index]!;
  const state = states[item.id] ?? { itemId: item.id, chosen: null, marked: false, timeMs: 0 };
  const itemFeedback = feedback[item.id];
  const answeredCount = items.filter((i) => states[i.id]?.chosen != null).length;
  const markedCount = items.filter((i) => states[i.id]?.marked).length;
  const waitingForFeedback = tutor && state.chosen !== null && !itemFeedback;
  const itemMarks = marks[item.id] ?? EMPTY_MARKS;

  /** Highlights the stem text the learner has selected (mouse, touch or keyboard selection). */
  const highlightSelection = () => {
    const stem = stemRef.current;
    const selection = window.getSelection();
    if (!stem || !selection || selection.rangeCount === 0 || selection.isCollapsed) return;
    const range = selection.getRangeAt(0);
    if (!stem.contains(range.startContainer) || !stem.contains(range.endContainer)) return;
    const offsetOf = (node: Node, offset: number) => {
      const before = document.createRange();
      before.selectNodeContents(stem);
      before.setEnd(node, offset);
      return before.toString().length;
    };
    const start = offsetOf(range.startContainer, range.startOffset);
    const end = offsetOf(range.endContainer, range.endOffset);
    updateMarks(item.id, (m) => ({ ...m, highlights: addRange(m.highlights, [start, end], item.stem.length) }));
    selection.removeAllRanges();
  };

  const finish = useCallback((reportUrl: string) => {
    phaseRef.current = "over";
    setPhase("over");
    window.location.assign(reportUrl);
  }, []);

  // ── Saving ──────────────────────────────────────────────────
  // A layout effect: the outbox exists before the question can be clicked, so an answer given the
  // moment the screen appears is queued and sent instead of silently skipped.
  useLayoutEffect(() => {
    const send = async (s: ItemState): Promise<SendOutcome<SaveResponse>> => {
      const response = await fetch(`/api/v1/attempts/${attemptId}/answers`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(s),
        // Lets the last save finish when the tab is closing.
        keepalive: true,
      });
      if (response.status === 401) {
        setSignedOut(true);
        throw new Error("signed out");
      }
      setSignedOut(false);
      if (response.status >= 500) throw new Error(`HTTP ${response.status}`);
      const body = (await response.json().catch(() => ({}))) as { error?: string; message?: string } & Partial<SaveResponse>;
      if (response.ok) return { ok: true, result: body as SaveResponse };
      return { ok: false, error: body.error ?? "rejected", message: body.message ?? "This answer was not accepted." };
    };
    const box = new AnswerOutbox<SaveResponse>(storage(), keys.outbox, send, {
      onChange: setStatus,
      onSaved: (_s, result) => {
        const fb = result.feedback;
        if (fb) setFeedback((f) => ({ ...f, [fb.itemId]: fb }));
      },
      onRejected: (s, error, message) => {
        if (error === "deadline" || error === "submitted") {
          box.stop();
          setPhase("time-up");
          finish(`/practice/attempts/${attemptId}/report`);
          return;
        }
        if (error === "locked") {
          // Tutor mode: the server already has a different first answer; show what it holds.
          window.location.reload();
          return;
        }
        setProblem(`Question ${items.findIndex((i) => i.id === s.itemId) + 1} was not saved: ${message}`);
      },
    });
    outbox.current = box;
    // Changes made on this device that never reached the server win over what the server sent.
    const pending = box.pending().filter((p) => items.some((i) => i.id === p.itemId));
    if (pending.length > 0) setStates((current) => ({ ...current, ...Object.fromEntries(pending.map((p) => [p.itemId, p])) }));
    setStatus(box.status());
    void box.flush();
    const online = () => void box.flush();
    window.addEventListener("online", online);
    return () => {
      window.removeEventListener("online", online);
      box.dispose();
    };
  }, [attemptId, items, keys.outbox, finish]);

  /** Adds the time spent on the current item since it was shown (or last counted) to its state. */
  const countTime = useCallback((): ItemState => {
    const id = items[indexRef.current]!.id;
    const current = statesRef.current[id] ?? { itemId: id, chosen: null, marked: false, timeMs: 0 };
    const now = performance.now();
    const elapsed = viewStart.current === null ? 0 : Math.max(0, Math.round(now - viewStart.current));
    viewStart.current = document.visibilityState === "visible" ? now : null;
    if (elapsed === 0) return current;
    const next = { ...current, timeMs: current.timeMs + elapsed };
    statesRef.current = { ...statesRef.current, [id]: next };
    setStates(statesRef.current);
    return next;
  }, [items]);

  const put = useCallback((next: ItemState) => {
    statesRef.current = { ...statesRef.current, [next.itemId]: next };
    setStates(statesRef.current);
    outbox.current?.put(next);
  }, []);

  /** Saves the time on the current item if it is worth a request. */
  const saveTime = useCallback(() => {
    const before = statesRef.current[items[indexRef.current]!.id]?.timeMs ?? 0;
    const next = countTime();
    if (next.timeMs - before >= MIN_TIME_SAVE_MS && !(tutor && next.chosen !== null)) outbox.current?.put(next);
  }, [countTime, items, tutor]);

  // ── Position ────────────────────────────────────────────────
  useEffect(() => {
    const saved = readJson<number | null>(keys.position, null);
    if (typeof saved === "number" && Number.isInteger(saved) && saved >= 0 && saved < items.length) setIndex(saved);
    viewStart.current = performance.now();
  }, [items.length, keys.position]);

  const go = useCallback(
    (next: number) => {
      if (next < 0 || next >= items.length || next === indexRef.current) return;
      saveTime();
      viewStart.current = performance.now();
      setIndex(next);
      writeJson(keys.position, next);
      setNavOpen(false);
    },
    [items.length, keys.position, saveTime],
  );

  useEffect(() => {
    // Focus follows the question on navigation, not on first load.
    if (!mounted.current) {
      mounted.current = true;
      return;
    }
    headingRef.current?.focus();
  }, [index]);

  useEffect(() => {
    if (itemFeedback) feedbackRef.current?.focus();
  }, [itemFeedback]);

  // ── Answering ───────────────────────────────────────────────
  const choose = useCallback(
    (option: number) => {
      if (phaseRef.current !== "answering") return;
      const current = statesRef.current[items[indexRef.current]!.id];
      if (tutor && current?.chosen != null) return;
      const counted = countTime();
      put({ ...counted, chosen: option });
    },
    [countTime, items, put, tutor],
  );

  const toggleMark = useCallback(() => {
    if (phaseRef.current !== "answering") return;
    const counted = countTime();
    put({ ...counted, marked: !counted.marked });
  }, [countTime, put]);

  // ── Submitting ──────────────────────────────────────────────
  const submit = useCallback(
    async (reason: "learner" | "time") => {
      // Set at once, not on the next render: the ticker and the dialog's close event read it before then.
      phaseRef.current = reason === "time" ? "time-up" : "submitting";
      setPhase(phaseRef.current);
      dialogRef.current?.close();
      saveTime();
      const box = outbox.current;
      if (box) {
        await box.flush();
        if (box.status().pending > 0 && reason === "learner") {
          phaseRef.current = "answering";
          setPhase("answering");
          setProblem("Some answers have not reached the server yet. Check your connection; they are kept on this device and will be sent, then you can submit.");
          return;
        }
      }
      try {
        const response = await fetch(`/api/v1/attempts/${attemptId}/submit`, { method: "POST" });
        if (response.status === 401) throw new Error("signed out");
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const body = (await response.json()) as { reportUrl: string };
        box?.stop();
        finish(body.reportUrl);
      } catch {
        if (reason === "time") {
          setProblem("Time is up. We could not reach the server to submit; your saved answers are scored automatically. Reconnect to see your report.");
        } else {
          phaseRef.current = "answering";
          setPhase("answering");
          setProblem("Your attempt could not be submitted. Check your connection and try again.");
        }
      }
    },
    [attemptId, finish, saveTime],
  );

  const requestSubmit = useCallback(() => {
    if (phaseRef.current !== "answering") return;
    setProblem(null);
    phaseRef.current = "confirming";
    setPhase("confirming");
    dialogRef.current?.showModal();
  }, []);

  const cancelSubmit = useCallback(() => {
    dialogRef.current?.close();
    if (phaseRef.current === "confirming") {
      phaseRef.current = "answering";
      setPhase("answering");
    }
  }, []);

  // ── Clock ───────────────────────────────────────────────────
  useEffect(() => {
    if (!timed || initial.remainingMs === null) return;
    deadlineAt.current = Date.now() + initial.remainingMs;
    const limitMs = (initial.timeLimitSec ?? 0) * 1000;
    // Warnings already due at the start (a mock shorter than 30 minutes) or already shown before a reload stay quiet.
    shownWarnings.current = new Set([...warningsDue(limitMs), ...readJson<WarningMinutes[]>(keys.warnings, [])]);

    const tick = () => {
      if (deadlineAt.current === null) return;
      const left = Math.max(0, deadlineAt.current - Date.now());
      setRemaining(left);
      const fresh = warningsDue(left).filter((w) => !shownWarnings.current.has(w));
      if (fresh.length > 0 && left > 0) {
        for (const w of fresh) shownWarnings.current.add(w);
        writeJson(keys.warnings, [...shownWarnings.current]);
        setWarning(fresh.at(-1)!);
      }
      if (left === 0 && (phaseRef.current === "answering" || phaseRef.current === "confirming")) void submit("time");
    };

    const sync = async () => {
      try {
        const response = await fetch(`/api/v1/attempts/${attemptId}?view=clock`, { cache: "no-store" });
        if (!response.ok) return;
        const clock = (await response.json()) as { remainingMs: number | null; submitted: boolean };
        if (clock.submitted) {
          outbox.current?.stop();
          finish(`/practice/attempts/${attemptId}/report`);
          return;
        }
        if (clock.remainingMs !== null) deadlineAt.current = Date.now() + clock.remainingMs;
        tick();
      } catch {
        // Offline: keep counting down on this device's clock.
      }
    };

    tick();
    void sync();
    const ticker = setInterval(tick, 250);
    const syncer = setInterval(() => void sync(), CLOCK_SYNC_MS);
    const wake = () => {
      if (document.visibilityState === "visible") void sync();
    };
    document.addEventListener("visibilitychange", wake);
    return () => {
      clearInterval(ticker);
      clearInterval(syncer);
      document.removeEventListener("visibilitychange", wake);
    };
  }, [attemptId, finish, initial.remainingMs, initial.timeLimitSec, keys.warnings, submit, timed]);

  // Time only counts while the page is visible; leaving it saves what was counted.
  useEffect(() => {
    const onVisibility = () => {
      if (document.visibilityState === "hidden") saveTime();
      else viewStart.current = performance.now();
    };
    const onPageHide = () => saveTime();
    document.addEventListener("visibilitychange", onVisibility);
    window.addEventListener("pagehide", onPageHide);
    return () => {
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("pagehide", onPageHide);
    };
  }, [saveTime]);

  // ── Keyboard ────────────────────────────────────────────────
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (phaseRef.current !== "answering" || event.metaKey || event.ctrlKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target && (["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName) || target.isContentEditable)) return;
      const key = event.key.length === 1 ? event.key.toUpperCase() : event.key;
      const option = ["1", "2", "3", "4"].includes(key) ? Number(key) - 1 : LETTERS.indexOf(key as (typeof LETTERS)[number]);
      if (option >= 0) {
        event.preventDefault();
        choose(option);
      } else if (key === "M" && !tutor) {
        event.preventDefault();
        toggleMark();
      } else if (key === "ArrowRight" || key === "N") {
        event.preventDefault();
        go(indexRef.current + 1);
      } else if (key === "ArrowLeft" || key === "P") {
        event.preventDefault();
        go(indexRef.current - 1);
      } else if (key === "Enter" && tutor && target?.tagName !== "BUTTON" && target?.tagName !== "A") {
        const id = items[indexRef.current]!.id;
        if (!statesRef.current[id] || statesRef.current[id]!.chosen === null) return;
        event.preventDefault();
        if (indexRef.current + 1 < items.length) go(indexRef.current + 1);
        else requestSubmit();
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [choose, go, items, requestSubmit, toggleMark, tutor]);

  const entries: NavigatorEntry[] = items.map((i) => ({
    itemId: i.id,
    answered: states[i.id]?.chosen != null,
    marked: !!states[i.id]?.marked,
    ...(tutor && feedback[i.id] ? { correct: feedback[i.id]!.correct } : {}),
  }));
  const last = index + 1 >= items.length;
  const unanswered = items.length - answeredCount;
  const busy = phase === "submitting" || phase === "time-up" || phase === "over";

  return (
    <div className="min-h-dvh">
      <header className="sticky top-0 z-30 border-b border-stone-200 bg-stone-50/95 backdrop-blur dark:border-stone-800 dark:bg-stone-950/95">
        <div className="mx-auto flex max-w-6xl items-center gap-2 px-3 py-2 sm:gap-3 sm:px-4">
          <Link
            href="/practice"
            aria-label={timed ? "Leave the exam (the clock keeps running)" : "Leave and continue later"}
            title={timed ? "Leave the exam (the clock keeps running)" : "Leave and continue later"}
            className="-ml-1 inline-flex h-11 w-11 shrink-0 items-center justify-center rounded-lg text-stone-600 hover:bg-stone-200/70 dark:text-stone-400 dark:hover:bg-stone-800"
          >
            <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
              <path d="M6 6l12 12M18 6L6 18" />
            </svg>
          </Link>
          <div className="min-w-0 flex-1">
            {/* On phones a timed attempt's label gives way to the clock; the question number is what matters there. */}
            <p className={`truncate text-sm font-semibold ${timed ? "sr-only sm:not-sr-only" : ""}`}>{initial.label}</p>
            <p
              className={`whitespace-nowrap sm:text-xs sm:font-normal sm:text-stone-600 sm:dark:text-stone-400 ${timed ? "text-sm font-semibold" : "text-xs text-stone-600 dark:text-stone-400"}`}
              data-testid="progress"
            >
              <span aria-hidden="true" className="tabular-nums sm:hidden">
                {index + 1}/{items.length}
              </span>
              <span className="sr-only sm:not-sr-only">
                Question {index + 1} of {items.length}
              </span>
              <span className="hidden sm:inline">
                {" "}
                · {answeredCount} answered{markedCount > 0 ? ` · ${markedCount} marked` : ""}
              </span>
            </p>
          </div>
          {timed && remaining !== null && <Countdown remainingMs={remaining} />}
          <SaveStatus status={status} signedOut={signedOut} />
          <Button onClick={requestSubmit} disabled={busy} className="shrink-0 px-3">
            {timed ? "Submit" : "Finish"}
          </Button>
        </div>
      </header>

      <div className="mx-auto max-w-6xl px-3 sm:px-4 lg:grid lg:grid-cols-[minmax(0,1fr)_18rem] lg:gap-8">
        <main id="main" className="min-w-0 pb-36 pt-4 lg:pb-10">
          <div aria-live="assertive" className="empty:hidden">
            {warning !== null && phase === "answering" && (
              <div className="mb-3 flex items-start justify-between gap-3 rounded-lg border border-amber-400 bg-amber-50 px-4 py-3 text-sm text-amber-950 dark:border-amber-600 dark:bg-amber-950/60 dark:text-amber-100">
                <p>
                  <strong>{warning} minutes left.</strong> {warning === 5 ? "Answer what remains; unanswered questions count as wrong." : "Check your pace: about 80 seconds a question."}
                </p>
                <button type="button" onClick={() => setWarning(null)} className="shrink-0 rounded px-2 font-semibold underline">
                  Dismiss
                </button>
              </div>
            )}
          </div>
          {(status.offline || signedOut) && !problem && (
            <p className="mb-3 rounded-lg bg-amber-100 px-3 py-2 text-sm text-amber-950 sm:hidden dark:bg-amber-900 dark:text-amber-50">
              Not saved yet: your answers are kept on this device and sent when the connection is back.
            </p>
          )}
          {problem && (
            <div className="mb-3">
              <Alert tone="error">{problem}</Alert>
            </div>
          )}
          {signedOut && (
            <div className="mb-3">
              <Alert tone="error">
                You have been signed out. Your answers are kept on this device;{" "}
                <a className="font-semibold underline" href={`/signin?callbackUrl=${encodeURIComponent(`/practice/attempts/${attemptId}`)}`} target="_blank" rel="noreferrer">
                  sign in again in a new tab
                </a>{" "}
                and they will be sent.
              </Alert>
            </div>
          )}
          {(phase === "time-up" || phase === "submitting" || phase === "over") && !problem && (
            <p role="status" className="mb-3 rounded-lg bg-stone-200/70 px-4 py-3 text-sm font-medium dark:bg-stone-800">
              {phase === "time-up" ? "Time is up. Submitting your answers…" : "Submitting your answers…"}
            </p>
          )}

          <article aria-labelledby="question-heading" className="rounded-2xl border border-stone-200 bg-white p-4 shadow-sm sm:p-6 dark:border-stone-800 dark:bg-stone-900">
            <h2 id="question-heading" ref={headingRef} tabIndex={-1} className="text-xs font-semibold uppercase tracking-wider text-stone-500 outline-none">
              Question {index + 1} of {items.length}
              {state.marked && <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 normal-case tracking-normal text-amber-900 dark:bg-amber-900 dark:text-amber-100">Marked for review</span>}
            </h2>
            <p ref={stemRef} data-testid="attempt-stem" className="mt-3 whitespace-pre-line leading-relaxed">
              {segments(item.stem, itemMarks.highlights).map((piece, i) =>
                piece.highlighted ? (
                  <mark key={i} className="rounded-sm bg-amber-200 text-inherit dark:bg-amber-700/70">
                    {piece.text}
                  </mark>
                ) : (
                  <span key={i}>{piece.text}</span>
                ),
              )}
            </p>
            <div className="mt-2 flex flex-wrap gap-2 text-sm">
              <button
                type="button"
                onPointerDown={(e) => e.preventDefault()}
                onClick={highlightSelection}
                className="inline-flex min-h-11 items-center rounded-lg border border-stone-300 px-3 font-medium hover:border-brand-500 dark:border-stone-700"
              >
                Highlight selected text
              </button>
              {itemMarks.highlights.length > 0 && (
                <button
                  type="button"
                  onClick={() => updateMarks(item.id, (m) => ({ ...m, highlights: [] }))}
                  className="inline-flex min-h-11 items-center rounded-lg px-3 text-stone-600 underline dark:text-stone-400"
                >
                  Clear highlights
                </button>
              )}
            </div>
            <p className="mt-3 font-semibold">{item.leadIn}</p>
            <ol className="mt-4 space-y-2" aria-label="Options">
              {item.options.map((text, i) => {
                const chosen = state.chosen === i;
                const isKey = itemFeedback?.keyIndex === i;
                const struck = itemMarks.struck.includes(i) && !itemFeedback;
                const tone = itemFeedback
                  ? isKey
                    ? "border-emerald-600 bg-emerald-50 dark:border-emerald-500 dark:bg-emerald-950/50"
                    : chosen
                      ? "border-red-600 bg-red-50 dark:border-red-500 dark:bg-red-950/50"
                      : "border-stone-200 dark:border-stone-800"
                  : chosen
                    ? "border-brand-600 bg-brand-50 ring-1 ring-brand-600 dark:border-brand-400 dark:bg-brand-900/60 dark:ring-brand-400"
                    : "border-stone-300 hover:border-brand-500 hover:bg-brand-50 dark:border-stone-700 dark:hover:bg-brand-900/40";
                return (
                  <li key={i} className="flex items-stretch gap-2">
                    <div className="min-w-0 flex-1">
                    <button
                      type="button"
                      aria-pressed={chosen}
                      disabled={busy || (tutor && state.chosen !== null)}
                      onClick={() => choose(i)}
                      className={`flex min-h-12 w-full items-start gap-3 rounded-lg border px-3 py-2.5 text-left disabled:cursor-default ${tone}`}
                    >
                      <span
                        className={`mt-0.5 inline-flex h-6 w-6 shrink-0 items-center justify-center rounded-full border text-xs font-bold ${
                          chosen && !itemFeedback ? "border-brand-600 bg-brand-600 text-white dark:border-brand-400 dark:bg-brand-400 dark:text-stone-950" : "border-current"
                        }`}
                      >
                        {LETTERS[i]}
                      </span>
                      <span className={`flex-1 ${struck ? "text-stone-500 line-through decoration-2 dark:text-stone-500" : ""}`} data-struck={struck || undefined}>
                        {text}
                        {itemFeedback && isKey && <span className="ml-2 text-sm font-semibold text-emerald-800 dark:text-emerald-300">Best answer</span>}
                        {itemFeedback && chosen && !isKey && <span className="ml-2 text-sm font-semibold text-red-800 dark:text-red-300">Your answer</span>}
                      </span>
                    </button>
                    {itemFeedback && <p className="mt-1 px-3 pl-12 text-sm text-stone-700 dark:text-stone-300">{itemFeedback.options[i]?.rationale}</p>}
                    </div>
                    {!itemFeedback && (
                      <button
                        type="button"
                        aria-pressed={struck}
                        aria-label={`${struck ? "Restore" : "Cross out"} option ${LETTERS[i]}`}
                        title={struck ? "Restore this option" : "Cross out this option"}
                        onClick={() => updateMarks(item.id, (m) => toggleStrike(m, i))}
                        className={`inline-flex min-h-12 w-11 shrink-0 items-center justify-center rounded-lg border ${
                          struck ? "border-stone-500 bg-stone-200 dark:border-stone-400 dark:bg-stone-800" : "border-stone-300 dark:border-stone-700"
                        }`}
                      >
                        <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2">
                          <path d="M4 12h16M7 7l10 10" strokeLinecap="round" />
                        </svg>
                      </button>
                    )}
                  </li>
                );
              })}
            </ol>
            {waitingForFeedback && (
              <p role="status" className="mt-3 text-sm text-stone-600 dark:text-stone-400">
                {status.offline ? "Your answer is kept on this device; the feedback appears once it reaches the server." : "Checking your answer…"}
              </p>
            )}
            {itemFeedback && (
              <div ref={feedbackRef} tabIndex={-1} aria-live="polite" className="mt-4 flex flex-wrap items-center justify-between gap-3 outline-none">
                <p data-testid="practice-verdict" className={`font-semibold ${itemFeedback.correct ? "text-emerald-800 dark:text-emerald-300" : "text-red-800 dark:text-red-300"}`}>
                  {itemFeedback.correct ? "Correct." : `Not quite — the best answer is ${LETTERS[itemFeedback.keyIndex]}.`}{" "}
                  <Link className="font-normal text-brand-700 underline dark:text-brand-300" href={`/learn/${itemFeedback.lessonSlug}#${itemFeedback.section}`} target="_blank">
                    Review this section
                  </Link>
                </p>
                <Button onClick={() => (last ? requestSubmit() : go(index + 1))}>{last ? "See results" : "Next question"}</Button>
              </div>
            )}
            {!tutor || !itemFeedback ? (
              <p className="mt-4 hidden text-xs text-stone-500 sm:block">
                Keys: 1–4 or A–D answer{tutor ? "" : " · M marks for review"} · ← → move between questions
              </p>
            ) : null}
            {initial.kind === "practice" && (
              <div className="mt-4 flex flex-wrap items-center gap-1 border-t border-stone-200 pt-3 dark:border-stone-800">
                <FlagButton key={`flag-${item.id}`} itemId={item.id} initial={flagged.includes(item.id)} />
                <ReportProblem key={`report-${item.id}`} itemId={item.id} />
              </div>
            )}
          </article>

          <div className="fixed inset-x-0 bottom-0 z-20 border-t border-stone-200 bg-stone-50/95 px-3 pb-[calc(env(safe-area-inset-bottom)+0.5rem)] pt-2 backdrop-blur lg:static lg:mt-4 lg:border-0 lg:bg-transparent lg:p-0 dark:border-stone-800 dark:bg-stone-950/95 lg:dark:bg-transparent">
            <div className="mx-auto grid max-w-6xl grid-cols-4 gap-2 lg:flex lg:justify-between">
              <Button variant="secondary" onClick={() => go(index - 1)} disabled={index === 0 || busy} aria-keyshortcuts="ArrowLeft">
                <span aria-hidden="true">←</span>
                <span className="sr-only sm:not-sr-only">Previous</span>
              </Button>
              {!tutor && (
                <Button
                  variant="secondary"
                  onClick={toggleMark}
                  disabled={busy}
                  aria-pressed={state.marked}
                  aria-label="Mark for review"
                  aria-keyshortcuts="M"
                  className={state.marked ? "border-amber-500 bg-amber-50 text-amber-950 dark:border-amber-500 dark:bg-amber-950/60 dark:text-amber-100" : ""}
                >
                  <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5 shrink-0" fill={state.marked ? "currentColor" : "none"} stroke="currentColor" strokeWidth="1.8">
                    <path d="M5 21V4m0 0h11l-2 4 2 4H5" strokeLinejoin="round" />
                  </svg>
                  <span className="sm:hidden">Mark</span>
                  <span className="hidden sm:inline">{state.marked ? "Marked for review" : "Mark for review"}</span>
                </Button>
              )}
              <Button variant="secondary" onClick={() => setNavOpen((o) => !o)} aria-expanded={navOpen} aria-controls="navigator-panel" className={`lg:hidden ${tutor ? "col-span-2" : ""}`}>
                {answeredCount}/{items.length}
                <span className="sr-only"> answered: show all questions</span>
              </Button>
              <Button variant={state.chosen !== null && !last ? "primary" : "secondary"} onClick={() => go(index + 1)} disabled={last || busy} aria-keyshortcuts="ArrowRight">
                <span className="sr-only sm:not-sr-only">Next</span>
                <span aria-hidden="true">→</span>
              </Button>
            </div>
          </div>
        </main>

        <aside
          id="navigator-panel"
          className={`${navOpen ? "fixed inset-x-0 bottom-[4.25rem] z-20 block max-h-[65dvh] overflow-y-auto border-t border-stone-200 bg-white p-4 shadow-lg dark:border-stone-800 dark:bg-stone-900" : "hidden"} lg:static lg:block lg:max-h-none lg:border-0 lg:bg-transparent lg:p-0 lg:pt-4 lg:shadow-none lg:dark:bg-transparent`}
        >
          <div className="lg:sticky lg:top-20 lg:max-h-[calc(100dvh-6rem)] lg:overflow-y-auto lg:pb-4">
            <QuestionNavigator entries={entries} current={index} onJump={go} showCorrectness={tutor} />
          </div>
        </aside>
      </div>

      <dialog
        ref={dialogRef}
        aria-labelledby="submit-heading"
        onClose={() => {
          // Escape closes the dialog too; only a dialog closed without submitting returns to answering.
          if (phaseRef.current !== "confirming") return;
          phaseRef.current = "answering";
          setPhase("answering");
        }}
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-2xl border border-stone-200 bg-white p-5 text-stone-900 shadow-xl backdrop:bg-stone-950/50 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-100"
      >
        <h2 id="submit-heading" className="text-lg font-bold">
          {timed ? "Submit your exam?" : "Finish this session?"}
        </h2>
        <p className="mt-2 text-sm text-stone-700 dark:text-stone-300">
          You answered {answeredCount} of {items.length} questions.
          {unanswered > 0 && ` ${unanswered} unanswered ${unanswered === 1 ? "question counts" : "questions count"} as wrong.`}
          {markedCount > 0 && ` ${markedCount} ${markedCount === 1 ? "is" : "are"} still marked for review.`}
          {timed && remaining !== null && remaining > 0 && " Once submitted, answers can no longer change."}
        </p>
        <div className="mt-5 flex flex-wrap justify-end gap-2">
          {unanswered > 0 && (
            <Button
              variant="ghost"
              onClick={() => {
                cancelSubmit();
                go(items.findIndex((i) => statesRef.current[i.id]?.chosen == null));
              }}
            >
              Go to first unanswered
            </Button>
          )}
          <Button variant="secondary" onClick={cancelSubmit}>
            Keep working
          </Button>
          <Button onClick={() => void submit("learner")}>{timed ? "Submit exam" : "Finish and see results"}</Button>
        </div>
      </dialog>
    </div>
  );
}

function SaveStatus({ status, signedOut }: { status: OutboxStatus; signedOut: boolean }) {
  const base = "sr-only shrink-0 rounded-full text-xs font-semibold sm:not-sr-only sm:inline-flex sm:px-2.5 sm:py-1";
  const [text, tone] = signedOut
    ? ["Not saved yet", "bg-red-100 text-red-900 dark:bg-red-900 dark:text-red-100"]
    : status.offline
      ? [`Not saved yet · retrying`, "bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100"]
      : status.pending > 0
        ? ["Saving…", "text-stone-600 dark:text-stone-400"]
        : ["Saved", "text-emerald-800 dark:text-emerald-300"];
  return (
    <>
      <span role="status" data-testid="save-status" className={`${base} ${tone}`}>
        {text}
      </span>
      {/* On phones a dot keeps the header short; the text stays available to screen readers above. */}
      <span
        aria-hidden="true"
        title={text}
        className={`h-2.5 w-2.5 shrink-0 rounded-full sm:hidden ${signedOut ? "bg-red-600" : status.offline ? "bg-amber-500" : status.pending > 0 ? "bg-stone-400" : "bg-emerald-600"}`}
      />
    </>
  );
}
