import "server-only";
import { createUser } from "@/lib/auth/users";
import { createAssignment, startAssignmentAttempt } from "@/lib/cohorts/assignments";
import { createCohort } from "@/lib/cohorts/cohorts";
import { joinCohort } from "@/lib/cohorts/members";
import { createQuestionSet, pickByBlueprint } from "@/lib/cohorts/question-sets";
import { utcToZonedLocal, zonedLocalToUtc } from "@/lib/cohorts/time";
import { listLessons } from "@/lib/content/lessons";
import { db } from "@/lib/db";
import { createAttempt, saveAnswer, submitAttempt } from "@/lib/exam/attempts";
import { recordAnswer } from "@/lib/learn/answers";
import { markLessonRead } from "@/lib/learn/progress";
import { seededRandom } from "@/lib/srs/random";
import { submitGrade } from "@/lib/srs/reviews";
import { getReviewSession } from "@/lib/srs/session";
import { DEMO_ACCOUNTS, DEMO_MEMBERS } from "./accounts";

const DAY = 86_400_000;
const ZONE = "America/New_York";

/**
 * A demo worth looking at: the demo candidate gets a month of study (lessons
 * read, practice answered, daily reviews graded through the real scheduler,
 * one short mock exam), and the demo instructor a cohort of six with two
 * assignments: one past due that most members finished, one due this week
 * that some have started. Every record is made through the app's own
 * functions, at the time it would have happened, so every page agrees with
 * every other. Runs once: a candidate who already has reviews, or an
 * instructor who already has a cohort, is left alone. Deterministic.
 */
export async function seedDemoHistory(now = new Date()): Promise<string | null> {
  const [candidate, instructor] = await Promise.all(
    DEMO_ACCOUNTS.map((a) => db.user.findUnique({ where: { email: a.email }, select: { id: true } })),
  );
  if (!candidate || !instructor) return null;
  const [reviews, cohorts] = await Promise.all([
    db.reviewLog.count({ where: { userId: candidate.id } }),
    db.cohort.count({ where: { ownerId: instructor.id } }),
  ]);
  if (reviews > 0 || cohorts > 0) return null;
  const lessons = await listLessons();
  if ((await db.item.count({ where: { ownerId: null, retiredAt: null } })) === 0 || lessons.length === 0) return null;

  const random = seededRandom("systemic-demo");
  // `hour` o'clock, New York time, `daysAgo` days before now.
  const at = (daysAgo: number, hour: number) => {
    const date = utcToZonedLocal(new Date(now.getTime() - daysAgo * DAY), ZONE).slice(0, 10);
    return zonedLocalToUtc(`${date}T${String(hour).padStart(2, "0")}:00`, ZONE)!;
  };

  await db.user.update({ where: { id: candidate.id }, data: { examDate: new Date(Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth() + 3, 15)) } });
  const members = await ensureMembers();
  const keys = new Map((await db.item.findMany({ where: { ownerId: null, retiredAt: null }, select: { id: true, keyIndex: true } })).map((i) => [i.id, i.keyIndex]));
  const answerFor = (itemId: string, skill: number) => {
    const key = keys.get(itemId) ?? 0;
    return random() < skill ? key : (key + 1 + Math.floor(random() * 3)) % 4;
  };

  // The instructor's cohort: six members, two assignments (the other members' work done here, the candidate's in their month).
  const candidateWork = new Map<number, { assignmentId: string; itemIds: readonly string[] }>();
  const cohort = await createCohort(instructor.id, { name: "Spring exam cohort", description: "Weekly question sets ahead of the spring sitting.", examDate: null, timeZone: ZONE }, at(25, 9));
  const learners = [{ id: candidate.id, skill: 0.62 }, ...members];
  for (const [n, learner] of learners.entries()) await joinCohort(learner.id, cohort.joinCode, at(24 - n, 12));

  const structural = lessons.slice(0, 8).map((l) => l.slug);
  const weekOneItems = (await db.item.findMany({ where: { lessonSlug: { in: structural }, ownerId: null, retiredAt: null }, select: { id: true }, orderBy: { id: "asc" } }))
    .filter(() => random() < 0.2)
    .slice(0, 15)
    .map((i) => i.id);
  const mixedItems = await pickByBlueprint(instructor.id, 20, weekOneItems, random);
  const sets = [];
  for (const [title, itemIds] of [
    ["Week 1: structure, alliances and coalitions", weekOneItems],
    ["Week 3: mixed domains", mixedItems],
  ] as const) {
    const set = await createQuestionSet(instructor.id, { title, description: null, itemIds: [...itemIds] }, at(22, 9));
    if (set.ok) sets.push({ id: set.setId, title, itemIds });
  }
  const local = (date: Date) => utcToZonedLocal(date, ZONE);
  const plans = [
    { set: sets[0], opens: 21, due: 14, created: 21, done: [0, 1, 2, 3, 5] },
    { set: sets[1], opens: 6, due: -5, created: 6, done: [1, 3] },
  ];
  for (const plan of plans) {
    if (!plan.set) continue;
    const assignment = await createAssignment(
      instructor.id,
      { cohortId: cohort.id, setId: plan.set.id, title: plan.set.title, opensAt: local(at(plan.opens, 8)), dueAt: local(at(plan.due, 21)), mode: "quiz", timeLimitMin: null, attemptsAllowed: 2 },
      at(plan.created, 7),
    );
    if (!assignment.ok) continue;
    for (const index of plan.done) {
      const learner = learners[index];
      if (!learner) continue;
      const daysAgo = plan.opens - 1 - (index % 3);
      // The candidate's own attempt happens inside their month below, so its missed items join that day's review.
      if (learner.id === candidate.id) candidateWork.set(daysAgo, { assignmentId: assignment.assignmentId, itemIds: plan.set.itemIds });
      else {
        const when = at(daysAgo, 19);
        const started = await startAssignmentAttempt(learner.id, assignment.assignmentId, when);
        if (started.ok) await answerAttempt(learner.id, started.attemptId, plan.set.itemIds, learner.skill, when);
      }
    }
  }

  // The candidate's month: a lesson every few days with its practice round, and review on most days.
  const reading = lessons.slice(0, 7);
  let grades = 0;
  for (let daysAgo = 30; daysAgo >= 1; daysAgo--) {
    const lesson = reading[Math.floor((30 - daysAgo) / 4)];
    if (lesson && (30 - daysAgo) % 4 === 0) {
      const start = at(daysAgo, 18);
      await markLessonRead(candidate.id, lesson.slug, start);
      const items = await db.item.findMany({ where: { lessonSlug: lesson.slug, ownerId: null, retiredAt: null }, select: { id: true }, orderBy: { id: "asc" }, take: 8 });
      for (const [n, item] of items.entries()) {
        await recordAnswer(candidate.id, { itemId: item.id, lessonSlug: lesson.slug, chosen: answerFor(item.id, 0.55 + 0.02 * (30 - daysAgo) / 4), timeMs: 40_000 + Math.floor(random() * 60_000), mode: "tutor" }, new Date(start.getTime() + n * 90_000));
      }
    }
    // A short mock exam twelve days ago, and the cohort's assignment on the day it was done; their missed items join the evening's review.
    if (daysAgo === 12) {
      const mockAt = at(12, 10);
      const mockItems = await pickByBlueprint(candidate.id, 50, [], random);
      const mock = await createAttempt(candidate.id, { kind: "mock-short", mode: "timed", itemIds: mockItems, timeLimitSec: 67 * 60, spec: { label: "Short mock exam" } }, mockAt);
      if (mock.ok) await answerAttempt(candidate.id, mock.attempt.id, mockItems, 0.62, mockAt);
    }
    const work = candidateWork.get(daysAgo);
    if (work) {
      const when = at(daysAgo, 17);
      const started = await startAssignmentAttempt(candidate.id, work.assignmentId, when);
      if (started.ok) await answerAttempt(candidate.id, started.attemptId, work.itemIds, 0.62, when);
    }
    // A few missed days, but the last week unbroken (a streak to keep).
    if (daysAgo > 7 && daysAgo !== 12 && !work && random() < 0.2) continue;
    const sessionAt = at(daysAgo, 20);
    const session = await getReviewSession(candidate.id, ZONE, sessionAt);
    // Yesterday was a short session: what it left, and the lesson read after it, is today's queue.
    for (const [n, card] of session.cards.slice(0, daysAgo === 1 ? 12 : 60).entries()) {
      const r = random();
      const rating = r < 0.12 ? 1 : r < 0.22 ? 2 : r < 0.92 ? 3 : 4;
      const outcome = await submitGrade(candidate.id, { id: `demo-${daysAgo}-${n}`, cardId: card.cardId, rating, durationMs: 3_000 + Math.floor(random() * 12_000) }, new Date(sessionAt.getTime() + n * 9_000));
      if (outcome.status === "applied") grades += 1;
    }
  }

  const next = lessons[reading.length];
  if (next) await markLessonRead(candidate.id, next.slug, at(1, 21));

  return `Seeded the demo: ${grades} reviews over 30 days and a mock exam for the candidate; a cohort of ${learners.length} with ${plans.length} assignments for the instructor.`;

  async function answerAttempt(userId: string, attemptId: string, itemIds: readonly string[], skill: number, start: Date) {
    let t = start.getTime();
    for (const itemId of itemIds) {
      const timeMs = 45_000 + Math.floor(random() * 50_000);
      t += timeMs;
      await saveAnswer(userId, attemptId, { itemId, chosen: answerFor(itemId, skill), marked: false, timeMs }, new Date(t));
    }
    await submitAttempt(userId, attemptId, new Date(t + 30_000));
  }
}

/** The cohort's other members: demo accounts that cannot be signed in to (their passwords are random and never shown). */
async function ensureMembers(): Promise<{ id: string; skill: number }[]> {
  const out: { id: string; skill: number }[] = [];
  for (const member of DEMO_MEMBERS) {
    const existing = await db.user.findUnique({ where: { email: member.email }, select: { id: true } });
    if (existing) {
      out.push({ id: existing.id, skill: member.skill });
      continue;
    }
    const created = await createUser({ name: member.name, email: member.email, password: `${crypto.randomUUID()}-${crypto.randomUUID()}`, timeZone: ZONE });
    if (created.ok) out.push({ id: created.user.id, skill: member.skill });
  }
  return out;
}
