/** An explicit flashcard in the lesson: the question shows, "Show answer" reveals the answer. */
export function Card({ front, back }: { front: string; back: string }) {
  return (
    <div className="my-5 max-w-xl rounded-xl border border-slate-300 bg-white shadow-sm dark:border-slate-600 dark:bg-slate-900">
      <div className="flex items-start gap-3 px-4 pt-3 pb-2">
        <span className="mt-0.5 shrink-0 rounded bg-slate-100 px-1.5 text-[0.7rem] leading-5 font-semibold tracking-wide text-slate-700 uppercase dark:bg-slate-800 dark:text-slate-300">
          Card
        </span>
        <p className="font-medium text-slate-950 dark:text-white">{front}</p>
      </div>
      <details className="group border-t border-dashed border-slate-300 dark:border-slate-600">
        <summary className="cursor-pointer rounded-b-xl px-4 py-2 text-sm font-medium text-sky-800 select-none hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 dark:text-sky-300 dark:hover:bg-slate-800">
          <span className="group-open:hidden">Show answer</span>
          <span className="hidden group-open:inline">Hide answer</span>
        </summary>
        <p className="px-4 pb-3 text-slate-800 dark:text-slate-200">{back}</p>
      </details>
    </div>
  );
}
