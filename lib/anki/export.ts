import "server-only";
import { listLessons } from "@/lib/content/lessons";
import { OPTION_LETTERS } from "@/lib/content/schema";
import { db } from "@/lib/db";
import { notInRunningAttempt, parseOptions } from "@/lib/learn/items";
import { buildApkg, noteGuid, type AnkiDeck, type AnkiNote } from "./collection";
import { escapeHtml, textToFieldHtml } from "./fields";

export const ANKI_DECKS = {
  parent: { id: 1_767_225_600_001, name: "Systemic", description: "Cards from Systemic, for the AMFTRB national MFT exam." },
  flashcards: { id: 1_767_225_600_002, name: "Systemic::Flashcards", description: "The lesson flashcards you study in Systemic." },
  missed: { id: 1_767_225_600_003, name: "Systemic::Missed questions", description: "Every question you have answered wrong in Systemic, with the key and why." },
} as const satisfies Record<string, AnkiDeck>;

export interface AnkiExport {
  apkg: Uint8Array;
  flashcards: number;
  missedItems: number;
}

/** Lesson titles and course order by slug; empty when content cannot be read (the slug stands in). */
async function lessonInfo(): Promise<Map<string, { title: string; order: number }>> {
  try {
    return new Map((await listLessons()).map((l) => [l.slug, { title: l.frontmatter.title, order: l.frontmatter.order }]));
  } catch (error) {
    console.error("[anki-export] lesson titles unavailable", error);
    return new Map();
  }
}

/** The absolute address of a lesson section on this site. */
export function lessonUrl(siteUrl: string, lessonSlug: string, section: string): string {
  const url = new URL(`/learn/${encodeURIComponent(lessonSlug)}`, siteUrl);
  if (section) url.hash = encodeURIComponent(section);
  return url.toString();
}

function lessonField(siteUrl: string, lessonSlug: string, section: string, title: string | undefined): string {
  return `<a href="${escapeHtml(lessonUrl(siteUrl, lessonSlug, section))}">${escapeHtml(`Lesson: ${title ?? lessonSlug}`)}</a>`;
}

const flashcardsOf = (userId: string) => ({ userId, kind: "flashcard", flashcard: { retiredAt: null } });
const missedItemsOf = (userId: string) => ({ retiredAt: null, ownerId: null, answers: { some: { userId, correct: false } }, ...notInRunningAttempt(userId) });

/** How many flashcards and missed questions {@link learnerAnkiExport} would put in the deck. */
export async function ankiDeckCounts(userId: string): Promise<{ flashcards: number; missedItems: number }> {
  const [flashcards, missedItems] = await Promise.all([db.reviewCard.count({ where: flashcardsOf(userId) }), db.item.count({ where: missedItemsOf(userId) })]);
  return { flashcards, missedItems };
}

/**
 * The learner's own cards as an Anki deck: the lesson flashcards they
 * study (their review cards of kind flashcard) and every bank item they
 * have answered wrong at least once, each with a link to its lesson
 * section on `siteUrl`. Retired content is left out, and so are items in
 * one of the learner's running mock exams or assignments, whose keys must
 * not show while it runs.
 */
export async function learnerAnkiExport(userId: string, siteUrl: string, now = new Date()): Promise<AnkiExport> {
  const [cards, items, lessons] = await Promise.all([
    db.reviewCard.findMany({
      where: flashcardsOf(userId),
      select: { flashcard: { select: { id: true, lessonSlug: true, section: true, front: true, back: true, position: true } } },
    }),
    db.item.findMany({
      where: missedItemsOf(userId),
      select: { id: true, lessonSlug: true, section: true, stem: true, leadIn: true, options: true, keyIndex: true },
    }),
    lessonInfo(),
  ]);
  const courseOrder = (slug: string) => lessons.get(slug)?.order ?? Number.MAX_SAFE_INTEGER;
  const byCourse = <T extends { lessonSlug: string }>(a: T, b: T, tie: number) =>
    courseOrder(a.lessonSlug) - courseOrder(b.lessonSlug) || a.lessonSlug.localeCompare(b.lessonSlug) || tie;

  const flashcards = cards
    .flatMap((c) => (c.flashcard ? [c.flashcard] : []))
    .sort((a, b) => byCourse(a, b, a.position - b.position || a.id.localeCompare(b.id)));
  const missed = [...items].sort((a, b) => byCourse(a, b, a.id.localeCompare(b.id)));

  const notes: AnkiNote[] = [
    ...flashcards.map(
      (card): AnkiNote => ({
        guid: noteGuid(`systemic/flashcard/${card.id}`),
        fields: [textToFieldHtml(card.front), textToFieldHtml(card.back), lessonField(siteUrl, card.lessonSlug, card.section, lessons.get(card.lessonSlug)?.title)],
        tags: ["Systemic", "Systemic::flashcard", `lesson::${card.lessonSlug}`],
        deckId: ANKI_DECKS.flashcards.id,
      }),
    ),
    ...missed.map((item): AnkiNote => {
      const options = parseOptions(item.options);
      const key = options[item.keyIndex];
      const letter = OPTION_LETTERS[item.keyIndex] ?? "?";
      const front = [
        item.stem.trim() ? `<div class="stem">${textToFieldHtml(item.stem)}</div>` : "",
        `<div class="lead-in">${textToFieldHtml(item.leadIn)}</div>`,
        ...options.map((o, i) => `<div class="option"><b>${OPTION_LETTERS[i]}.</b> ${textToFieldHtml(o.text)}</div>`),
      ].join("");
      const back = `<p><b>${letter}.</b> ${textToFieldHtml(key?.text ?? "")}</p><div class="rationale">${textToFieldHtml(key?.rationale ?? "")}</div>`;
      return {
        guid: noteGuid(`systemic/item/${item.id}`),
        fields: [front, back, lessonField(siteUrl, item.lessonSlug, item.section, lessons.get(item.lessonSlug)?.title)],
        tags: ["Systemic", "Systemic::missed-question", `lesson::${item.lessonSlug}`],
        deckId: ANKI_DECKS.missed.id,
      };
    }),
  ];
  const apkg = buildApkg(notes, [ANKI_DECKS.parent, ANKI_DECKS.flashcards, ANKI_DECKS.missed], now);
  return { apkg, flashcards: flashcards.length, missedItems: missed.length };
}
