/**
 * The bank's responses from the database, for `npm run content:stats`: each
 * learner's first answer to each shared-bank item, from lesson practice,
 * quizzes, mocks and assignments alike (submitted attempts only).
 */
import type { Db } from "@/lib/db/client";
import { bankItemStats, type BankItemStats, type BankResponse } from "./item-stats";

export async function bankResponses(db: Db): Promise<{ items: { id: string; keyIndex: number }[]; responses: BankResponse[] }> {
  const items = await db.item.findMany({ where: { ownerId: null, retiredAt: null }, select: { id: true, keyIndex: true }, orderBy: { id: "asc" } });
  const ids = items.map((i) => i.id);
  const [answers, attemptAnswers] = await Promise.all([
    db.answer.findMany({ where: { itemId: { in: ids } }, select: { userId: true, itemId: true, chosen: true, correct: true, answeredAt: true } }),
    db.attemptAnswer.findMany({
      where: { itemId: { in: ids }, attempt: { submittedAt: { not: null } } },
      select: { itemId: true, chosen: true, correct: true, answeredAt: true, attempt: { select: { userId: true, submittedAt: true } } },
    }),
  ]);
  const rows = [
    ...answers.map((a) => ({ learnerId: a.userId, itemId: a.itemId, chosen: a.chosen, correct: a.correct, at: a.answeredAt.getTime() })),
    ...attemptAnswers.map((a) => ({
      learnerId: a.attempt.userId,
      itemId: a.itemId,
      chosen: a.chosen,
      correct: a.correct === true,
      at: (a.answeredAt ?? a.attempt.submittedAt ?? new Date(0)).getTime(),
    })),
  ].sort((a, b) => a.at - b.at);
  return { items, responses: rows.map(({ at: _at, ...r }) => r) };
}

export async function bankStatsFromDb(db: Db): Promise<BankItemStats[]> {
  const { items, responses } = await bankResponses(db);
  return bankItemStats(responses, items);
}
