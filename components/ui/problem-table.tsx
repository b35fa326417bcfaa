/** A problem found at a line of an uploaded file. */
export type LineProblem = { line: number; message: string };

/**
 * The problems of an uploaded file, one row per line number: imports of
 * instructors' banks and of learners' review histories show them the same way.
 */
export function ProblemTable({
  problems,
  caption,
  testId,
  hideCaption = false,
  column = "Reason",
}: {
  problems: readonly LineProblem[];
  caption: string;
  testId: string;
  /** Keep the caption for screen readers only, where a heading above already says it. */
  hideCaption?: boolean;
  column?: string;
}) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid={testId}>
        <caption className={hideCaption ? "sr-only" : "py-1 text-left font-medium"}>{caption}</caption>
        <thead className="text-stone-600 dark:text-stone-400">
          <tr className="border-b border-stone-200 dark:border-stone-800">
            <th scope="col" className="w-16 py-1.5 pr-3 font-medium">
              Line
            </th>
            <th scope="col" className="py-1.5 font-medium">
              {column}
            </th>
          </tr>
        </thead>
        <tbody>
          {problems.map((p, i) => (
            <tr key={`${p.line}-${i}`} className="border-b border-stone-100 last:border-0 dark:border-stone-800/70">
              <td className="py-1.5 pr-3 align-top font-mono tabular-nums">{p.line}</td>
              <td className="py-1.5 break-words">{p.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
