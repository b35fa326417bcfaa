"use client";

export type NavigatorEntry = {
  itemId: string;
  answered: boolean;
  marked: boolean;
  /** Tutor mode only: whether the answer was right, once known. */
  correct?: boolean;
};

function describe(n: number, entry: NavigatorEntry): string {
  const parts = [entry.answered ? (entry.correct === undefined ? "answered" : entry.correct ? "answered correctly" : "answered incorrectly") : "unanswered"];
  if (entry.marked) parts.push("marked for review");
  return `Question ${n}: ${parts.join(", ")}`;
}

/**
 * Every question of the attempt as a numbered button: filled when answered,
 * outlined when not, with a flag corner when marked for review. The current
 * question is ringed and announced as the current step.
 */
export function QuestionNavigator({
  entries,
  current,
  onJump,
  showCorrectness = false,
}: {
  entries: readonly NavigatorEntry[];
  current: number;
  onJump: (index: number) => void;
  /** Tutor mode: answered items show right or wrong. */
  showCorrectness?: boolean;
}) {
  const answered = entries.filter((e) => e.answered).length;
  const marked = entries.filter((e) => e.marked).length;
  return (
    <nav aria-label="Question navigator">
      <p className="text-sm text-stone-700 dark:text-stone-300">
        <span className="font-semibold">{answered}</span> of {entries.length} answered ·{" "}
        {showCorrectness ? (
          <>
            <span className="font-semibold">{entries.filter((e) => e.correct === true).length}</span> correct
          </>
        ) : (
          <>
            <span className="font-semibold">{entries.length - answered}</span> unanswered · <span className="font-semibold">{marked}</span> marked
          </>
        )}
      </p>
      <ol className="mt-3 grid grid-cols-[repeat(auto-fill,minmax(2.75rem,1fr))] gap-1.5">
        {entries.map((entry, i) => {
          const tone = entry.answered
            ? entry.correct === false
              ? "border-red-700 bg-red-700 text-white dark:border-red-500 dark:bg-red-600"
              : entry.correct === true
                ? "border-emerald-700 bg-emerald-700 text-white dark:border-emerald-500 dark:bg-emerald-600"
                : "border-brand-600 bg-brand-600 text-white dark:border-brand-400 dark:bg-brand-500 dark:text-stone-950"
            : "border-stone-300 bg-white text-stone-800 hover:border-brand-500 dark:border-stone-600 dark:bg-stone-900 dark:text-stone-200";
          return (
            <li key={entry.itemId}>
              <button
                type="button"
                onClick={() => onJump(i)}
                aria-label={describe(i + 1, entry)}
                aria-current={i === current ? "step" : undefined}
                data-state={entry.answered ? "answered" : "unanswered"}
                data-marked={entry.marked ? "true" : undefined}
                className={`relative flex h-11 w-full items-center justify-center rounded-md border text-sm font-semibold tabular-nums ${tone} ${
                  i === current ? "ring-2 ring-stone-900 ring-offset-2 ring-offset-white dark:ring-stone-100 dark:ring-offset-stone-950" : ""
                }`}
              >
                {i + 1}
                {entry.marked && (
                  <span aria-hidden="true" className="absolute -right-1 -top-1 h-3.5 w-3.5 rounded-full border-2 border-white bg-amber-500 dark:border-stone-950" />
                )}
              </button>
            </li>
          );
        })}
      </ol>
      <ul className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-xs text-stone-600 dark:text-stone-400" aria-label="Key">
        {showCorrectness ? (
          <>
            <li className="flex items-center gap-1.5">
              <span aria-hidden="true" className="h-3 w-3 rounded-sm bg-emerald-700 dark:bg-emerald-600" />
              Correct
            </li>
            <li className="flex items-center gap-1.5">
              <span aria-hidden="true" className="h-3 w-3 rounded-sm bg-red-700 dark:bg-red-600" />
              Incorrect
            </li>
          </>
        ) : (
          <li className="flex items-center gap-1.5">
            <span aria-hidden="true" className="h-3 w-3 rounded-sm bg-brand-600 dark:bg-brand-500" />
            Answered
          </li>
        )}
        <li className="flex items-center gap-1.5">
          <span aria-hidden="true" className="h-3 w-3 rounded-sm border border-stone-400 bg-white dark:bg-stone-900" />
          Unanswered
        </li>
        {!showCorrectness && (
          <li className="flex items-center gap-1.5">
            <span aria-hidden="true" className="h-3 w-3 rounded-full bg-amber-500" />
            Marked for review
          </li>
        )}
      </ul>
    </nav>
  );
}
