/**
 * A learner's own data export on a real database: every part is there, the
 * secrets are not, another learner's rows never appear, and each CSV part
 * reads back with the same rows.
 */
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { DATA_EXPORT_PARTS, learnerData, learnerDataCsv } from "@/lib/account/data-export";

const run = Math.random().toString(36).slice(2, 8);
const itemId = `dx${run}-1`;
let me = "";
let other = "";

async function learner(label: string) {
  const user = await db.user.create({ data: { email: `${label}-${run}@example.test`, name: `=HYPERLINK("x") ${label}`, passwordHash: "secret-hash", timeZone: "Europe/Berlin" } });
  await db.answer.create({ data: { userId: user.id, itemId, chosen: 2, correct: false, timeMs: 4200, mode: "tutor", answeredAt: new Date("2026-11-30T10:00:00Z") } });
  const card = await db.reviewCard.create({
    data: { userId: user.id, kind: "item", itemId, due: new Date("2026-12-01T10:00:00Z"), stability: 1.5, difficulty: 5, elapsedDays: 0, scheduledDays: 1, learningSteps: 0, reps: 1, lapses: 0, state: 1 },
  });
  await db.reviewLog.create({ data: { userId: user.id, clientId: `c-${label}-${run}`, cardId: card.id, rating: 3, state: 0, reviewedAt: new Date("2026-11-30T10:01:00Z"), durationMs: 5000, source: "review", before: "{}", after: "{}" } });
  await db.srsSettings.create({ data: { userId: user.id, desiredRetention: 0.85, parameters: JSON.stringify([0.4, 1.2]) } });
  return user.id;
}

beforeAll(async () => {
  await db.item.create({
    data: {
      id: itemId,
      lessonSlug: `dx-${run}`,
      section: "s",
      domain: 1,
      concepts: "[]",
      difficulty: 1,
      stem: "A stem long enough for the test.",
      leadIn: "What now?",
      options: JSON.stringify([0, 1, 2, 3].map((i) => ({ text: `o${i}`, rationale: "r" }))),
      keyIndex: 0,
      author: "t",
      writtenOn: "2026-12-01",
      blueprint: "amftrb-2020",
      contentHash: "h",
    },
  });
  me = await learner("me");
  other = await learner("other");
});

afterAll(async () => {
  await db.user.deleteMany({ where: { id: { in: [me, other] } } });
  await db.item.deleteMany({ where: { id: itemId } });
});

describe("a learner's data export", () => {
  it("holds the account, answers, review log and cards, and settings, without secrets or anyone else's rows", async () => {
    const data = await learnerData(me, new Date("2026-12-02T12:00:00Z"));
    expect(data).toMatchObject({ format: "systemic-learner-data", version: 1, exportedAt: "2026-12-02T12:00:00.000Z" });
    expect(data.account).toMatchObject({ email: `me-${run}@example.test`, timeZone: "Europe/Berlin", signInProviders: [] });
    expect(data.answers).toEqual([{ itemId, chosen: 2, correct: false, timeMs: 4200, mode: "tutor", answeredAt: "2026-11-30T10:00:00.000Z" }]);
    expect(data.reviewLog).toHaveLength(1);
    expect(data.reviewLog[0]).toMatchObject({ rating: 3, state: 0, reviewedAt: "2026-11-30T10:01:00.000Z", kind: "item", itemId });
    expect(data.reviewCards).toHaveLength(1);
    expect(data.settings).toMatchObject({ desiredRetention: 0.85, parameters: [0.4, 1.2] });
    const text = JSON.stringify(data);
    expect(text).not.toContain("secret-hash");
    expect(text).not.toContain(`other-${run}`);
  });

  it("writes each part as CSV that reads back to the same rows, with formulas guarded", async () => {
    const data = await learnerData(me);
    for (const part of DATA_EXPORT_PARTS) {
      const rows = Papa.parse<string[]>(learnerDataCsv(data, part), { skipEmptyLines: true }).data;
      const expected = { account: 1, answers: 1, "review-log": 1, "review-cards": 1, settings: 10, attempts: 0 }[part];
      expect(rows.length - 1, part).toBe(expected);
    }
    const account = Papa.parse<string[]>(learnerDataCsv(data, "account")).data;
    expect(account[1]![1]).toBe(`'=HYPERLINK("x") me`);
  });
});
