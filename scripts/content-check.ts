/**
 * Validates content/ (lessons, items, flashcards, blueprints).
 * `npm run content:check` prints each problem as `file:line: message [rule]`;
 * `npm run content:check -- --json` prints the bank's counts as JSON (and the
 * problems to stderr). Exits 1 when there is any problem. `--root <dir>`
 * checks another project root (the tests use it on fixture banks).
 */
import { contentProblems, formatProblem, sortProblems } from "../lib/content/lint";
import { loadContent, type ContentProblem, type LoadedContent } from "../lib/content/load";
import { findCompileProblems } from "../lib/content/mdx";
import { contentStats } from "../lib/content/stats";

/** Every problem in the content under `root`, including lessons that do not compile. */
export async function checkContent(root: string = process.cwd()): Promise<{ content: LoadedContent; problems: ContentProblem[] }> {
  const content = await loadContent(root);
  const found = contentProblems(content);
  const problems = sortProblems([...found, ...(await findCompileProblems(content.lessons, found))]);
  return { content, problems };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export async function main(argv: string[] = process.argv.slice(2)): Promise<number> {
  const json = argv.includes("--json");
  const rootAt = argv.indexOf("--root");
  const root = rootAt !== -1 && argv[rootAt + 1] ? argv[rootAt + 1]! : process.cwd();
  const { content, problems } = await checkContent(root);
  const stats = contentStats(content);
  const report = json ? console.error : console.log;
  for (const problem of problems) report(formatProblem(problem));
  if (json) console.log(JSON.stringify({ ...stats, problems: problems.length }, null, 2));
  const files = new Set(problems.map((p) => p.file)).size;
  if (problems.length > 0) report(`\n${plural(problems.length, "problem")} in ${plural(files, "file")}.`);
  else if (!json) report(`Content OK: ${plural(stats.lessons, "lesson")}, ${plural(stats.items, "item")}, ${plural(stats.flashcards, "flashcard")}.`);
  return problems.length > 0 ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await main();
}
