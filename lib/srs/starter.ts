import "server-only";
import { db } from "@/lib/db";
import { listLessons } from "@/lib/content/lessons";
import { isUniqueViolation } from "./reviews";
import { newCardFields } from "./scheduler";

export type StarterOutcome =
  | { ok: true; lessonSlug: string; lessonTitle: string; added: number }
  | { ok: false; reason: "already-started"; message: string };

/**
 * A first day that works: a learner with no cards yet gets the flashcards of
 * the course's first lesson as new cards, at once, without having to read to
 * the end of the lesson first. Once only: a learner who already has cards
 * (from this deck, a lesson or a question) is told so and nothing changes.
 */
export async function addStarterCards(userId: string, now = new Date()): Promise<StarterOutcome> {
  const lesson = (await listLessons()).find((l) => l.flashcardCount > 0);
  const already: StarterOutcome = { ok: false, reason: "already-started", message: "Your review already has cards; the starter deck is for the first day." };
  if (!lesson) return already;
  const flashcards = await db.flashcard.findMany({
    where: { lessonSlug: lesson.slug, retiredAt: null },
    orderBy: { position: "asc" },
    select: { id: true },
  });
  try {
    const added = await db.$transaction(async (tx) => {
      if ((await tx.reviewCard.count({ where: { userId } })) > 0) return null;
      const fields = newCardFields(now);
      const { count } = await tx.reviewCard.createMany({ data: flashcards.map((card) => ({ userId, kind: "flashcard", flashcardId: card.id, ...fields })) });
      return count;
    });
    if (added === null) return already;
    return { ok: true, lessonSlug: lesson.slug, lessonTitle: lesson.frontmatter.title, added };
  } catch (error) {
    // Two first-day requests at once: the (learner, flashcard) unique index lets one through.
    if (isUniqueViolation(error)) return already;
    throw error;
  }
}
