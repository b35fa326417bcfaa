/**
 * Copies items and flashcards from content/ into the database named by
 * DATABASE_URL. `npm run content:sync`. Refuses to sync a bank with problems.
 */
import { formatProblem } from "../lib/content/lint";
import { syncContent, type SyncCounts, type SyncResult } from "../lib/content/sync";
import { createDb } from "../lib/db/client";
import { checkContent } from "./content-check";

const describe = (c: SyncCounts) => `${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged, ${c.retired} retired`;

/** `Items: … · Flashcards: …`, the line printed after a sync. */
export const describeSync = (result: SyncResult) => `Content synced. Items: ${describe(result.items)}. Flashcards: ${describe(result.flashcards)}.`;

export class ContentProblemsError extends Error {}

/**
 * Checks content/ under `root` and syncs it into the database named by
 * DATABASE_URL; returns the summary line. Throws ContentProblemsError (its
 * message lists every problem) instead of syncing a bank with problems.
 */
export async function syncContentFromDisk(root: string = process.cwd()): Promise<string> {
  const { content, problems } = await checkContent(root);
  if (problems.length > 0) {
    const list = problems.map(formatProblem).join("\n");
    throw new ContentProblemsError(`${list}\n\nContent sync stopped: the content has ${problems.length} problem(s). Fix them (npm run content:check) and sync again.`);
  }
  const db = createDb();
  try {
    return describeSync(await syncContent(db, content));
  } finally {
    await db.$disconnect();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    console.log(await syncContentFromDisk());
  } catch (error) {
    console.error(error instanceof ContentProblemsError ? error.message : `Content sync failed: ${(error as Error).message.split("\n")[0]}`);
    process.exitCode = 1;
  }
}
