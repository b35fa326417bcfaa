/**
 * Validates content/ (lessons, items, flashcards, blueprints).
 * `npm run content:check` prints each problem as `file:line: message [rule]`;
 * `npm run content:check -- --json` prints the bank's counts as JSON (and the
 * problems to stderr). Exits 1 when there is any problem. `--root <dir>`
 * checks another project root (the tests use it on fixture banks).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { contentProblems, formatProblem, partitionPending, sortProblems } from "../lib/content/lint";
import { loadContent, type ContentProblem, type LoadedContent } from "../lib/content/load";
import { findCompileProblems } from "../lib/content/mdx";
import { contentStats } from "../lib/content/stats";

/** Item files listed in content/cue-rewrites-pending.yaml (`files: [content/items/x.yaml, …]`); none when the file is absent. */
export function pendingRewriteFiles(root: string): Set<string> {
  let text: string;
  try {
    text = readFileSync(path.join(root, "content/cue-rewrites-pending.yaml"), "utf8");
  } catch {
    return new Set();
  }
  const files = (parseYaml(text) as { files?: unknown } | null)?.files;
  return new Set(Array.isArray(files) ? files.filter((f): f is string => typeof f === "string") : []);
}

/**
 * Every problem in the content under `root`, including lessons that do not
 * compile; cue findings in files awaiting their rewrite come back as warnings.
 */
export async function checkContent(root: string = process.cwd()): Promise<{ content: LoadedContent; problems: ContentProblem[]; warnings: ContentProblem[] }> {
  const content = await loadContent(root);
  const found = contentProblems(content);
  const all = sortProblems([...found, ...(await findCompileProblems(content.lessons, found))]);
  return { content, ...partitionPending(all, pendingRewriteFiles(root)) };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export async function main(argv: string[] = process.argv.slice(2)): Promise<number> {
  const json = argv.includes("--json");
  const rootAt = argv.indexOf("--root");
  const root = rootAt !== -1 && argv[rootAt + 1] ? argv[rootAt + 1]! : process.cwd();
  const { content, problems, warnings } = await checkContent(root);
  const stats = contentStats(content);
  const report = json ? console.error : console.log;
  for (const warning of warnings) report(`warning: ${formatProblem(warning)}`);
  if (warnings.length > 0)
    report(`\n${plural(warnings.length, "cue warning")} in ${plural(new Set(warnings.map((w) => w.file)).size, "file")} awaiting rewrite (content/cue-rewrites-pending.yaml); they do not fail the check.\n`);
  for (const problem of problems) report(formatProblem(problem));
  if (json) console.log(JSON.stringify({ ...stats, problems: problems.length, pendingCueWarnings: warnings.length }, null, 2));
  const files = new Set(problems.map((p) => p.file)).size;
  if (problems.length > 0) report(`\n${plural(problems.length, "problem")} in ${plural(files, "file")}.`);
  else if (!json) report(`Content OK: ${plural(stats.lessons, "lesson")}, ${plural(stats.items, "item")}, ${plural(stats.flashcards, "flashcard")}.`);
  return problems.length > 0 ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await main();
}
