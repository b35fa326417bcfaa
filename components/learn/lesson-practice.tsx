"use client";

import Link from "next/link";
import { useEffect, useLayoutEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { opening } from "@/lib/content/opening";
import type { AnswerFeedback, QuestionView } from "@/lib/learn/items";
import { answerQuestion, startLessonPractice } from "@/lib/learn/actions";

const LETTERS = ["A", "B", "C", "D"] as const;

type State =
  | { phase: "idle" }
  | { phase: "loading" }
  | { phase: "signed-out" }
  | { phase: "error"; message: string }
  | { phase: "question"; questions: QuestionView[]; index: number; results: boolean[]; feedback: AnswerFeedback | null; chosen: number | null }
  | { phase: "done"; questions: QuestionView[]; results: boolean[] };

/**
 * Tutor mode for one lesson: ten questions, each answered and then explained
 * (the key and the rationale of every option, with a link to the section).
 * Keys 1–4 or A–D choose an option, Enter moves on.
 */
export function LessonPractice({ lessonSlug, lessonTitle, sections = {} }: { lessonSlug: string; lessonTitle: string; sections?: Record<string, string> }) {
  const [state, setState] = useState<State>({ phase: "idle" });
  const [submitting, setSubmitting] = useState(false);
  // The server's HTML shows the start button before its handler is attached; until then it is disabled, so a tap
  // on a slow phone is not silently lost.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const shownAt = useRef(0);
  const feedbackRef = useRef<HTMLDivElement>(null);
  const questionRef = useRef<HTMLHeadingElement>(null);

  async function start() {
    setState({ phase: "loading" });
    const result = await startLessonPractice(null, { lessonSlug }).catch(() => null);
    if (!result) return setState({ phase: "error", message: "We could not load the questions. Check your connection and try again." });
    if (!result.ok) {
      if (result.error.startsWith("Your session has ended")) return setState({ phase: "signed-out" });
      return setState({ phase: "error", message: result.error });
    }
    shownAt.current = performance.now();
    setState({ phase: "question", questions: result.data, index: 0, results: [], feedback: null, chosen: null });
  }

  async function choose(option: number) {
    if (state.phase !== "question" || state.feedback || submitting) return;
    const question = state.questions[state.index]!;
    setSubmitting(true);
    setState({ ...state, chosen: option });
    const timeMs = Math.round(performance.now() - shownAt.current);
    const result = await answerQuestion(null, { itemId: question.id, lessonSlug, chosen: option, timeMs }).catch(() => null);
    setSubmitting(false);
    if (!result || !result.ok) {
      setState({ ...state, chosen: null });
      return setState({ phase: "error", message: result && !result.ok ? result.error : "Your answer could not be saved. Check your connection and try again." });
    }
    setState({ ...state, chosen: option, feedback: result.data, results: [...state.results, result.data.correct] });
  }

  function next() {
    if (state.phase !== "question" || !state.feedback) return;
    if (state.index + 1 >= state.questions.length) return setState({ phase: "done", questions: state.questions, results: state.results });
    shownAt.current = performance.now();
    setState({ ...state, index: state.index + 1, feedback: null, chosen: null });
  }

  useEffect(() => {
    if (state.phase !== "question") return;
    if (state.feedback) feedbackRef.current?.focus();
    else questionRef.current?.focus();
  }, [state]);

  // A layout effect: the listener for what is on screen is in place before the screen is painted,
  // so a key pressed the moment a question or card appears (after a server answer) is never lost.
  useLayoutEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (state.phase !== "question" || event.metaKey || event.ctrlKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target && ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName)) return;
      const key = event.key.toUpperCase();
      const index = ["1", "2", "3", "4"].indexOf(key) >= 0 ? Number(key) - 1 : LETTERS.indexOf(key as (typeof LETTERS)[number]);
      if (index >= 0 && !state.feedback) {
        event.preventDefault();
        void choose(index);
      } else if (key === "ENTER" && state.feedback && target?.tagName !== "BUTTON" && target?.tagName !== "A") {
        event.preventDefault();
        next();
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  return (
    <section aria-labelledby="practice-heading" className="mt-12 rounded-2xl border border-brand-200 bg-brand-50/60 p-5 dark:border-brand-800 dark:bg-brand-950/30">
      <h2 id="practice-heading" className="text-xl font-bold">
        Practise this concept
      </h2>
      {state.phase === "idle" && (
        <>
          <p className="mt-1 text-sm text-stone-700 dark:text-stone-300">
            Ten exam-style vignette questions on {lessonTitle.toLowerCase()}, in tutor mode: after each answer you see the best answer and why every option
            is right or wrong. Questions you have not seen or missed come first.
          </p>
          <Button className="mt-4" disabled={!hydrated} onClick={() => void start()}>
            Start 10 questions
          </Button>
        </>
      )}
      {state.phase === "loading" && (
        <p role="status" className="mt-3 text-sm text-stone-600 dark:text-stone-400">
          Loading questions…
        </p>
      )}
      {state.phase === "signed-out" && (
        <p className="mt-2 text-sm">
          <Link className="font-semibold text-brand-700 underline dark:text-brand-300" href={`/signin?callbackUrl=${encodeURIComponent(`/learn/${lessonSlug}#practice-heading`)}`}>
            Sign in
          </Link>{" "}
          to practise and keep track of your progress.
        </p>
      )}
      {state.phase === "error" && (
        <div className="mt-3 space-y-3">
          <Alert tone="error">{state.message}</Alert>
          <Button variant="secondary" onClick={() => void start()}>
            Try again
          </Button>
        </div>
      )}
      {state.phase === "question" && (
        <QuestionCard
          state={state}
          submitting={submitting}
          onChoose={(i) => void choose(i)}
          onNext={next}
          questionRef={questionRef}
          feedbackRef={feedbackRef}
        />
      )}
      {state.phase === "done" && (
        <div className="mt-3" role="status">
          <p className="text-lg font-semibold">
            You answered {state.results.filter(Boolean).length} of {state.results.length} correctly.
          </p>
          <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
            Your answers are saved. Missed questions come back first next time{state.results.some((r) => !r) ? " — reread the sections they point to" : ""}.
          </p>
          <ol className="mt-4 space-y-2 text-sm" aria-label="Your answers" data-testid="practice-results">
            {state.questions.slice(0, state.results.length).map((q, i) => (
              <li key={q.id} className="flex gap-2 rounded-lg bg-white/70 p-2 dark:bg-stone-900/60">
                <span aria-hidden="true" className={`font-bold ${state.results[i] ? "text-emerald-700 dark:text-emerald-400" : "text-red-700 dark:text-red-400"}`}>
                  {state.results[i] ? "✓" : "✗"}
                </span>
                <span className="min-w-0">
                  <span className="sr-only">{state.results[i] ? "Right: " : "Wrong: "}</span>
                  <span className="font-semibold">Question {i + 1}.</span> {opening(q.stem)}{" "}
                  <Link href={`#${q.section}`} className="whitespace-nowrap text-brand-700 underline dark:text-brand-300">
                    {sections[q.section] ?? "Its section"}
                  </Link>
                </span>
              </li>
            ))}
          </ol>
          <div className="mt-4 flex flex-wrap gap-3">
            <Button onClick={() => void start()}>Practise again</Button>
            <Link href="/learn" className="inline-flex min-h-11 items-center rounded-lg px-3 text-sm font-semibold text-brand-700 underline dark:text-brand-300">
              Back to all lessons
            </Link>
          </div>
        </div>
      )}
    </section>
  );
}

function QuestionCard({
  state,
  submitting,
  onChoose,
  onNext,
  questionRef,
  feedbackRef,
}: {
  state: Extract<State, { phase: "question" }>;
  submitting: boolean;
  onChoose: (option: number) => void;
  onNext: () => void;
  questionRef: React.RefObject<HTMLHeadingElement | null>;
  feedbackRef: React.RefObject<HTMLDivElement | null>;
}) {
  const question = state.questions[state.index]!;
  const { feedback, chosen } = state;
  const last = state.index + 1 >= state.questions.length;
  return (
    <div className="mt-4">
      <div className="flex items-center justify-between gap-3 text-sm text-stone-600 dark:text-stone-400">
        <span>
          Question {state.index + 1} of {state.questions.length}
        </span>
        <span>{state.results.filter(Boolean).length} correct so far</span>
      </div>
      <div
        className="mt-2 h-1.5 overflow-hidden rounded-full bg-stone-200 dark:bg-stone-800"
        role="progressbar"
        aria-label="Practice progress"
        aria-valuemin={0}
        aria-valuemax={state.questions.length}
        aria-valuenow={state.results.length}
      >
        <div className="h-full bg-brand-500 transition-all" style={{ width: `${(100 * state.results.length) / state.questions.length}%` }} />
      </div>
      <article className="mt-4 rounded-xl border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900" aria-label={`Question ${state.index + 1}`}>
        <p className="whitespace-pre-line leading-relaxed">{question.stem}</p>
        <h3 ref={questionRef} tabIndex={-1} className="mt-3 font-semibold outline-none">
          {question.leadIn}
        </h3>
        <ol className="mt-3 space-y-2" aria-label="Options">
          {question.options.map((text, i) => {
            const isKey = feedback?.keyIndex === i;
            const isChosen = chosen === i;
            const tone = feedback
              ? isKey
                ? "border-emerald-600 bg-emerald-50 dark:border-emerald-500 dark:bg-emerald-950/50"
                : isChosen
                  ? "border-red-600 bg-red-50 dark:border-red-500 dark:bg-red-950/50"
                  : "border-stone-200 dark:border-stone-800"
              : "border-stone-300 hover:border-brand-500 hover:bg-brand-50 dark:border-stone-700 dark:hover:bg-brand-950/40";
            return (
              <li key={i}>
                <button
                  type="button"
                  disabled={!!feedback || submitting}
                  aria-pressed={isChosen}
                  onClick={() => onChoose(i)}
                  className={`flex min-h-12 w-full items-start gap-3 rounded-lg border px-3 py-2.5 text-left disabled:cursor-default ${tone}`}
                >
                  <span className="mt-0.5 inline-flex h-6 w-6 shrink-0 items-center justify-center rounded-full border border-current text-xs font-bold">
                    {LETTERS[i]}
                  </span>
                  <span className="flex-1">
                    {text}
                    {feedback && isKey && <span className="ml-2 text-sm font-semibold text-emerald-800 dark:text-emerald-300">Best answer</span>}
                    {feedback && isChosen && !isKey && <span className="ml-2 text-sm font-semibold text-red-800 dark:text-red-300">Your answer</span>}
                  </span>
                </button>
                {feedback && (
                  <p className="mt-1 px-3 pl-12 text-sm text-stone-700 dark:text-stone-300">{feedback.options[i]?.rationale}</p>
                )}
              </li>
            );
          })}
        </ol>
        {!feedback && <p className="mt-3 text-xs text-stone-500">Tip: press 1–4 or A–D to answer.</p>}
      </article>
      {feedback && (
        <div ref={feedbackRef} tabIndex={-1} className="mt-4 flex flex-wrap items-center justify-between gap-3 outline-none" aria-live="polite">
          <p data-testid="practice-verdict" className={`font-semibold ${feedback.correct ? "text-emerald-800 dark:text-emerald-300" : "text-red-800 dark:text-red-300"}`}>
            {feedback.correct ? "Correct." : `Not quite — the best answer is ${LETTERS[feedback.keyIndex]}.`}{" "}
            <a className="font-normal text-brand-700 underline dark:text-brand-300" href={`/learn/${feedback.lessonSlug}#${feedback.section}`}>
              Review this section
            </a>
          </p>
          <Button onClick={onNext}>{last ? "See results" : "Next question"}</Button>
        </div>
      )}
    </div>
  );
}
