/**
 * Teach behaviour on a real database: joining and leaving, join codes,
 * assignment windows in the cohort's zone, attempts allowed, notifications,
 * results and item analysis from real attempts, CSV exports, and importing
 * items all-or-nothing or valid rows only.
 */
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createAssignment, getMemberAssignment, listMemberAssignments, startAssignmentAttempt } from "@/lib/cohorts/assignments";
import { addCoInstructor, createCohort, getTeachingCohort, regenerateJoinCode } from "@/lib/cohorts/cohorts";
import { parseGift, parseItemsCsv } from "@/lib/cohorts/formats";
import { importInstructorItems } from "@/lib/cohorts/instructor-items";
import { formatJoinCode } from "@/lib/cohorts/join-code";
import { cohortByJoinCode, joinCohort, leaveCohort, listMembers, removeMember } from "@/lib/cohorts/members";
import { listNotifications, markReadByHref, unreadNotificationCount } from "@/lib/cohorts/notifications";
import { createQuestionSet, deleteQuestionSet, pickByBlueprint, setExport } from "@/lib/cohorts/question-sets";
import { assignmentItemsCsv, assignmentResults, cohortOverview, cohortResultsCsv } from "@/lib/cohorts/results";
import { saveAnswer, submitAttempt } from "@/lib/exam/attempts";
import { filterItems } from "@/lib/cohorts/item-filters";
import { utcToZonedLocal, zonedLocalToUtc } from "@/lib/cohorts/time";
import { seededRandom } from "@/lib/srs/random";

const run = Math.random().toString(36).slice(2, 8);
const lesson = `teach-${run}`;
const users: string[] = [];

/** Four items keyed A, B, C, A (domains 1–4). */
const KEYS = [0, 1, 2, 0];
const itemId = (n: number) => `tt${run}-${n}`;
const ITEMS = KEYS.map((_, i) => itemId(i + 1));

function bankItem(n: number) {
  return {
    id: itemId(n),
    lessonSlug: lesson,
    section: "how-the-exam-tests-this",
    domain: n,
    concepts: JSON.stringify(["joining"]),
    difficulty: 2,
    stem: `Teach test vignette ${n}: a family of four comes to therapy after the eldest child stops attending school.`,
    leadIn: "What should the therapist do first?",
    options: JSON.stringify(["A", "B", "C", "D"].map((l, i) => ({ text: `Option ${l} of item ${n}`, rationale: `${i === KEYS[n - 1] ? "Correct" : "Incorrect"}. Because ${l}.` }))),
    keyIndex: KEYS[n - 1]!,
    author: "test",
    writtenOn: "2026-11-22",
    blueprint: "amftrb-2020",
    contentHash: `h${n}`,
  };
}

async function user(name: string, role: "candidate" | "instructor" = "candidate", timeZone = "America/Chicago") {
  const row = await db.user.create({ data: { email: `${name}-${run}@example.test`, name: `${name} ${run}`, role, timeZone } });
  users.push(row.id);
  return row.id;
}

let instructor = "";
let instructorName = "";

async function cohort(timeZone = "America/Chicago", now = new Date()) {
  return createCohort(instructor, { name: `Cohort ${run} ${Math.random().toString(36).slice(2, 5)}`, description: "Tuesday group", examDate: "2031-09-01", timeZone }, now);
}

async function set(itemIds = ITEMS) {
  const result = await createQuestionSet(instructor, { title: `Set ${run}`, description: null, itemIds }, new Date());
  if (!result.ok) throw new Error("set failed");
  return result.setId;
}

async function assign(cohortId: string, setId: string, input: { opensAt: string; dueAt: string; attemptsAllowed?: number; mode?: "quiz" | "tutor" | "timed"; timeLimitMin?: number | null; title?: string }, now: Date) {
  const result = await createAssignment(
    instructor,
    { cohortId, setId, title: input.title ?? "Week 1", mode: input.mode ?? "quiz", timeLimitMin: input.timeLimitMin ?? null, attemptsAllowed: input.attemptsAllowed ?? 1, ...input },
    now,
  );
  if (!result.ok) throw new Error(`assign failed: ${result.reason}`);
  return result;
}

/** Starts, answers (choices per item; null skips) and submits one attempt. */
async function complete(userId: string, assignmentId: string, choices: (number | null)[], now: Date) {
  const started = await startAssignmentAttempt(userId, assignmentId, now);
  if (!started.ok) throw new Error(`start failed: ${started.reason}`);
  for (const [i, chosen] of choices.entries()) if (chosen !== null) await saveAnswer(userId, started.attemptId, { itemId: ITEMS[i]!, chosen, timeMs: 1000 }, now);
  await submitAttempt(userId, started.attemptId, now);
  return started.attemptId;
}

const at = (iso: string) => new Date(iso);

beforeAll(async () => {
  instructor = await user("teacher", "instructor");
  instructorName = `teacher ${run}`;
  await db.item.createMany({ data: KEYS.map((_, i) => bankItem(i + 1)) });
});

afterAll(async () => {
  await db.user.deleteMany({ where: { id: { in: users } } });
  await db.item.deleteMany({ where: { OR: [{ lessonSlug: lesson }, { ownerId: { in: users } }] } });
  await db.$disconnect();
});

describe("joining, codes and leaving", () => {
  it("joins with the code in any spelling, once, and not as one of the cohort's instructors", async () => {
    const c = await cohort();
    const dana = await user("dana");
    expect(c.joinCode).toMatch(/^[ACDEFGHJKMNPQRTUVWXY34679]{8}$/);
    const typed = formatJoinCode(c.joinCode).toLowerCase().replace("-", " - ");
    const first = await joinCohort(dana, typed);
    expect(first).toMatchObject({ ok: true, cohortId: c.id, alreadyMember: false });
    expect(await joinCohort(dana, `https://systemic.example.org/join/${c.joinCode}`)).toMatchObject({ ok: true, alreadyMember: true });
    expect(await db.cohortMember.count({ where: { cohortId: c.id } })).toBe(1);
    expect(await joinCohort(instructor, c.joinCode)).toEqual({ ok: false, reason: "instructor" });
    expect(await joinCohort(dana, "O0O0-1I1I")).toEqual({ ok: false, reason: "invalid-code" });
    expect(await addCoInstructor(instructor, c.id, `teacher-${run}@example.test`)).toEqual({ ok: false, reason: "already" });
  });

  it("regenerating the code invalidates the old code and link at once", async () => {
    const c = await cohort();
    const eli = await user("eli");
    const fresh = await regenerateJoinCode(instructor, c.id);
    expect(fresh).not.toBeNull();
    expect(fresh).not.toBe(c.joinCode);
    expect(await cohortByJoinCode(c.joinCode)).toBeNull();
    expect(await joinCohort(eli, c.joinCode)).toEqual({ ok: false, reason: "unknown-code" });
    const preview = await cohortByJoinCode(fresh!, eli);
    expect(preview).toMatchObject({ id: c.id, isMember: false, isInstructor: false });
    expect(await joinCohort(eli, fresh!)).toMatchObject({ ok: true, cohortId: c.id });
    expect(await cohortByJoinCode(fresh!, eli)).toMatchObject({ isMember: true });
  });

  it("a member leaves; an instructor removes a member; neither touches the other's row", async () => {
    const c = await cohort();
    const [fay, gus] = [await user("fay"), await user("gus")];
    await joinCohort(fay, c.joinCode);
    await joinCohort(gus, c.joinCode);
    expect(await leaveCohort(fay, c.id)).toBe(true);
    expect(await leaveCohort(fay, c.id)).toBe(false);
    expect(await removeMember(instructor, c.id, gus)).toBe(true);
    expect(await db.cohortMember.count({ where: { cohortId: c.id } })).toBe(0);
    // Leaving does not lock anyone out: the current code lets them back in.
    expect(await joinCohort(fay, c.joinCode)).toMatchObject({ ok: true, alreadyMember: false });
  });
});

describe("assignment windows in the cohort's time zone", () => {
  it("stores local dates as UTC instants in the cohort's zone, across daylight saving", async () => {
    const now = at("2031-01-01T00:00:00Z");
    const chicago = await cohort("America/Chicago", now);
    const tokyo = await cohort("Asia/Tokyo", now);
    const setId = await set();
    const window = { opensAt: "2031-01-15T09:00", dueAt: "2031-07-15T17:00" };
    const a = await assign(chicago.id, setId, window, now);
    const b = await assign(tokyo.id, setId, window, now);
    const rowA = await db.assignment.findUniqueOrThrow({ where: { id: a.assignmentId } });
    const rowB = await db.assignment.findUniqueOrThrow({ where: { id: b.assignmentId } });
    // Chicago: CST (UTC−6) in January, CDT (UTC−5) in July. Tokyo: UTC+9 all year.
    expect(rowA.opensAt.toISOString()).toBe("2031-01-15T15:00:00.000Z");
    expect(rowA.dueAt.toISOString()).toBe("2031-07-15T22:00:00.000Z");
    expect(rowB.opensAt.toISOString()).toBe("2031-01-15T00:00:00.000Z");
    expect(rowB.dueAt.toISOString()).toBe("2031-07-15T08:00:00.000Z");
  });

  it("opens at the instant in the cohort's zone, accepts late work and refuses a due date already past", async () => {
    const now = at("2031-01-01T00:00:00Z");
    const c = await cohort("America/Chicago", now);
    const hal = await user("hal", "candidate", "Europe/London");
    await joinCohort(hal, c.joinCode, now);
    const setId = await set();
    const { assignmentId } = await assign(c.id, setId, { opensAt: "2031-01-15T09:00", dueAt: "2031-01-20T17:00" }, now);

    expect(await startAssignmentAttempt(hal, assignmentId, at("2031-01-15T14:59:00Z"))).toEqual({ ok: false, reason: "not-open" });
    const upcoming = await listMemberAssignments(hal, at("2031-01-15T14:59:00Z"));
    expect(upcoming.find((x) => x.id === assignmentId)?.state).toBe("upcoming");
    const overdue = await listMemberAssignments(hal, at("2031-01-21T00:00:00Z"));
    expect(overdue.find((x) => x.id === assignmentId)?.state).toBe("overdue");
    // Late work is accepted and shown to the instructor as late.
    await complete(hal, assignmentId, [0, 1, 2, 0], at("2031-01-21T00:00:00Z"));
    const grid = await cohortOverview(instructor, c.id, at("2031-01-22T00:00:00Z"));
    expect(grid?.members[0]?.cells[0]).toMatchObject({ status: "done-late", bestPercent: 100 });

    const past = await createAssignment(
      instructor,
      { cohortId: c.id, setId, title: "Past", opensAt: "2030-12-01T09:00", dueAt: "2030-12-31T17:00", mode: "quiz", timeLimitMin: null, attemptsAllowed: 1 },
      now,
    );
    expect(past).toEqual({ ok: false, reason: "due-in-past" });
  });
});

describe("local date-times (pure)", () => {
  it("handles daylight saving gaps and repeats the way clocks do", () => {
    // 02:30 does not exist in Chicago on 2031-03-09: clocks jump to 03:30 CDT.
    expect(zonedLocalToUtc("2031-03-09T02:30", "America/Chicago")?.toISOString()).toBe("2031-03-09T08:30:00.000Z");
    // 01:30 happens twice on 2031-11-02: the first (CDT) is taken.
    expect(zonedLocalToUtc("2031-11-02T01:30", "America/Chicago")?.toISOString()).toBe("2031-11-02T06:30:00.000Z");
    expect(zonedLocalToUtc("2031-07-01T00:00", "Asia/Kolkata")?.toISOString()).toBe("2031-06-30T18:30:00.000Z");
    expect(zonedLocalToUtc("2031-02-30T10:00", "UTC")).toBeNull();
    expect(zonedLocalToUtc("tomorrow", "UTC")).toBeNull();
    expect(utcToZonedLocal(new Date("2031-01-15T15:00:00Z"), "America/Chicago")).toBe("2031-01-15T09:00");
  });

  it("filters builder items by every field and by all search words", () => {
    const base = { lessonSlug: "joining", domain: 3, concepts: ["joining"], difficulty: 2, stem: "A Café owner and her son", leadIn: "What first?", own: false };
    const items = [
      { ...base, id: "joi-001" },
      { ...base, id: "joi-002", domain: 1, concepts: ["coalition"], stem: "Grandmother sides with the boy" },
      { ...base, id: "my-abc", own: true, difficulty: 3, lessonSlug: "custom" },
    ];
    expect(filterItems(items, { q: "cafe OWNER" }).map((i) => i.id)).toEqual(["joi-001", "my-abc"]);
    expect(filterItems(items, { q: "owner grandmother" })).toEqual([]);
    expect(filterItems(items, { domain: 1 }).map((i) => i.id)).toEqual(["joi-002"]);
    expect(filterItems(items, { concept: "joining", difficulty: 3 }).map((i) => i.id)).toEqual(["my-abc"]);
    expect(filterItems(items, { source: "bank", lesson: "joining" }).map((i) => i.id)).toEqual(["joi-001", "joi-002"]);
    expect(filterItems(items, { source: "mine" }).map((i) => i.id)).toEqual(["my-abc"]);
  });
});

describe("attempts allowed", () => {
  it("continues the open attempt, then allows exactly the number of attempts set", async () => {
    const now = at("2031-02-01T12:00:00Z");
    const c = await cohort("UTC", now);
    const ivy = await user("ivy");
    await joinCohort(ivy, c.joinCode, now);
    const { assignmentId } = await assign(c.id, await set(), { opensAt: "2031-02-01T00:00", dueAt: "2031-02-10T00:00", attemptsAllowed: 2 }, now);

    const first = await startAssignmentAttempt(ivy, assignmentId, now);
    const again = await startAssignmentAttempt(ivy, assignmentId, now);
    expect(first).toMatchObject({ ok: true, resumed: false });
    expect(again).toEqual({ ok: true, attemptId: first.ok ? first.attemptId : "", resumed: true });
    if (!first.ok) return;
    await saveAnswer(ivy, first.attemptId, { itemId: ITEMS[0]!, chosen: 3, timeMs: 500 }, now);
    await submitAttempt(ivy, first.attemptId, now);
    await complete(ivy, assignmentId, [0, 1, 2, 0], now);
    expect(await startAssignmentAttempt(ivy, assignmentId, now)).toEqual({ ok: false, reason: "no-attempts-left" });
    expect(await db.attempt.count({ where: { assignmentId, userId: ivy } })).toBe(2);
    const mine = await getMemberAssignment(ivy, c.id, assignmentId, now);
    expect(mine?.decision).toEqual({ kind: "refuse", reason: "no-attempts-left" });
    // The best attempt counts for the score.
    expect(mine?.cell.bestPercent).toBe(100);
    const attempt = await db.attempt.findUniqueOrThrow({ where: { id: first.attemptId } });
    expect([attempt.kind, attempt.mode, attempt.assignmentId, JSON.parse(attempt.itemIds)]).toEqual(["assignment", "quiz", assignmentId, ITEMS]);
  });

  it("serves only live items, in the set's order, with the assignment's time limit", async () => {
    const now = at("2031-02-01T12:00:00Z");
    const c = await cohort("UTC", now);
    const jo = await user("jo");
    await joinCohort(jo, c.joinCode, now);
    const retired = await db.item.create({ data: { ...bankItem(1), id: itemId(9), retiredAt: now } });
    const setId = await set([ITEMS[2]!, ITEMS[0]!]);
    await db.questionSet.update({ where: { id: setId }, data: { itemIds: JSON.stringify([ITEMS[2], retired.id, ITEMS[0]]) } });
    const { assignmentId } = await assign(c.id, setId, { opensAt: "2031-02-01T00:00", dueAt: "2031-02-10T00:00", mode: "timed", timeLimitMin: 5 }, now);
    const started = await startAssignmentAttempt(jo, assignmentId, now);
    if (!started.ok) throw new Error("start failed");
    const attempt = await db.attempt.findUniqueOrThrow({ where: { id: started.attemptId } });
    expect(JSON.parse(attempt.itemIds)).toEqual([ITEMS[2], ITEMS[0]]);
    expect(attempt.timeLimitSec).toBe(300);
    expect(attempt.deadline?.toISOString()).toBe("2031-02-01T12:05:00.000Z");
  });
});

describe("notifications", () => {
  it("notifies every member on assign, later joiners of current work only, and marks read when opened", async () => {
    const now = at("2031-03-01T12:00:00Z");
    const c = await cohort("America/Chicago", now);
    const [kim, lee, outsider] = [await user("kim", "candidate", "Asia/Tokyo"), await user("lee"), await user("nobody")];
    await joinCohort(kim, c.joinCode, now);
    await joinCohort(lee, c.joinCode, now);
    const setId = await set();
    const done = await assign(c.id, setId, { title: "Old", opensAt: "2031-03-01T00:00", dueAt: "2031-03-02T00:00" }, now);
    const current = await assign(c.id, setId, { title: "Current", opensAt: "2031-03-01T00:00", dueAt: "2031-03-20T17:00" }, now);
    expect(current.notified).toBe(2);

    const kims = await listNotifications(kim);
    expect(kims.map((n) => n.title).sort()).toEqual(["New assignment: Current", "New assignment: Old"]);
    const notice = kims.find((n) => n.title.endsWith("Current"))!;
    expect(notice.href).toBe(`/cohorts/${c.id}/assignments/${current.assignmentId}`);
    // Due 17:00 in Chicago on March 20 (CDT) is 07:00 the next day in Tokyo, the member's zone.
    expect(notice.body).toContain("Mar 21");
    expect(notice.body).toMatch(/7:00\s?AM/);
    expect(await listNotifications(outsider)).toEqual([]);

    const later = await user("later");
    await joinCohort(later, c.joinCode, at("2031-03-05T00:00:00Z"));
    expect((await listNotifications(later)).map((n) => n.title)).toEqual(["New assignment: Current"]);

    expect(await unreadNotificationCount(kim)).toBe(2);
    expect(await markReadByHref(kim, notice.href)).toBe(1);
    expect(await unreadNotificationCount(kim)).toBe(1);
    expect(await unreadNotificationCount(lee)).toBe(2);
    expect(done.notified).toBe(2);
  });
});

describe("results and item analysis from real attempts", () => {
  const now = at("2031-04-01T12:00:00Z");
  let cohortId = "";
  let assignmentId = "";
  let lateId = "";
  const members: string[] = [];

  // Ten members: three strong, three middling, four weaker. Item 4 (key A) is
  // answered B by all the strong and middling members: a miskey pattern.
  const PATTERNS: (number | null)[][] = [
    ...Array.from({ length: 3 }, () => [0, 1, 2, 1]),
    ...Array.from({ length: 3 }, () => [0, 1, 3, 1]),
    ...Array.from({ length: 3 }, () => [0, 0, 3, 0]),
    [0, 0, 3, null],
  ];

  beforeAll(async () => {
    const c = await cohort("UTC", now);
    cohortId = c.id;
    for (let i = 0; i < PATTERNS.length + 1; i++) {
      const id = await user(`m${i}`);
      members.push(id);
      await joinCohort(id, c.joinCode, now);
    }
    const setId = await set();
    ({ assignmentId } = await assign(cohortId, setId, { title: "Analysis", opensAt: "2031-04-01T00:00", dueAt: "2031-04-05T00:00", attemptsAllowed: 2 }, now));
    ({ assignmentId: lateId } = await assign(cohortId, setId, { title: "Second", opensAt: "2031-04-01T00:00", dueAt: "2031-04-03T00:00" }, now));
    for (const [i, pattern] of PATTERNS.entries()) await complete(members[i]!, assignmentId, pattern, now);
    // A second attempt by a weak member does not change the analysis (first attempts only) but lifts their best score.
    await complete(members[7]!, assignmentId, [0, 1, 2, 0], now);
    // One member starts the second assignment and leaves it; the last member never starts anything.
    await startAssignmentAttempt(members[0]!, lateId, now);
  });

  it("computes facility, option counts and flags per item from first attempts", async () => {
    const results = await assignmentResults(instructor, cohortId, assignmentId, now);
    expect(results?.submitted).toBe(10);
    const byId = new Map(results!.items.map((i) => [i.itemId, i]));
    const [i1, i2, i3, i4] = ITEMS.map((id) => byId.get(id)!);
    expect(i1!.facility).toBe(1);
    expect(i2!.facility).toBeCloseTo(0.6, 10);
    expect(i3!.facility).toBeCloseTo(0.3, 10);
    expect(i4!.facility).toBeCloseTo(0.3, 10);
    expect(i2!.optionCounts).toEqual([4, 6, 0, 0]);
    expect(i3!.optionCounts).toEqual([0, 0, 3, 7]);
    expect(i4!.optionCounts).toEqual([3, 6, 0, 0]);
    expect(i4!.omitted).toBe(1);
    // Top 27% of ten = the three strong members: all chose B on item 4, none the key A.
    expect(i4!.upperOptionCounts).toEqual([0, 3, 0, 0]);
    expect(i4!.flags).toContain("possible-miskey");
    expect(i1!.flags).toContain("too-easy");
    expect(i3!.flags).not.toContain("possible-miskey");
    // Hand-computed corrected point-biserials (item score against the rest score):
    // item 3: r = 0.3 / √(2.1 × 0.9) ≈ 0.218; item 2: r = −0.6 / √(2.4 × 2.4) = −0.25, as the weaker
    // members' key on item 4 lifts their rest scores, so item 2 does not discriminate.
    expect(i3!.pointBiserial).toBeCloseTo(0.218, 3);
    expect(i2!.pointBiserial).toBeCloseTo(-0.25, 10);
    expect(i2!.flags).toContain("non-discriminating");
    expect(i1!.options).toEqual(["Option A of item 1", "Option B of item 1", "Option C of item 1", "Option D of item 1"]);
  });

  it("fills the completion grid, means and domain mastery", async () => {
    const after = at("2031-04-04T00:00:00Z");
    const overview = await cohortOverview(instructor, cohortId, after);
    expect(overview?.assignments.map((a) => [a.title, a.done])).toEqual([
      ["Second", 0],
      ["Analysis", 10],
    ]);
    const row = (i: number) => overview!.members.find((m) => m.userId === members[i])!;
    // "Second" was due 2031-04-03: the member who started it and the rest are overdue.
    expect(row(0).cells.map((c) => c.status)).toEqual(["overdue", "done"]);
    expect(row(10).cells.map((c) => c.status)).toEqual(["overdue", "not-started"]);
    expect(row(0).cells[1]!.bestPercent).toBe(75);
    expect(row(7).cells[1]!.bestPercent).toBe(100);
    expect(row(9).cells[1]!.bestPercent).toBe(25);
    const before = await cohortOverview(instructor, cohortId, now);
    expect(before!.members.find((m) => m.userId === members[0])!.cells[0]!.status).toBe("in-progress");
    // Domain 1 holds item 1, which everyone got right (11 answers counting the second attempt).
    expect(overview?.mastery.find((d) => d.domain === 1)).toMatchObject({ answered: 11, correct: 11, percent: 100 });
    expect(overview?.mastery.find((d) => d.domain === 4)).toMatchObject({ answered: 10, correct: 4 });
    expect(overview?.mastery.find((d) => d.domain === 5)).toMatchObject({ answered: 0, percent: null });

    const list = await listMembers(instructor, cohortId, after);
    expect(list).toHaveLength(11);
    expect(list!.find((m) => m.userId === members[0])).toMatchObject({ assignmentsDone: 1, assignmentsDue: 2, overdue: 1, meanPercent: 75, readiness: "not-enough-data" });
  });

  it("exports member × assignment and member × item CSVs with the right cells", async () => {
    const cohortCsv = await cohortResultsCsv(instructor, cohortId, at("2031-04-04T00:00:00Z"));
    const table = Papa.parse<string[]>(cohortCsv!.trim(), { skipEmptyLines: true }).data;
    expect(table[0]).toEqual(["Member", "Email", "Second — status", "Second — best score %", "Analysis — status", "Analysis — best score %", "Assignments done", "Mean score %"]);
    const rowOf = (email: string) => table.find((r) => r[1] === email)!;
    expect(rowOf(`m0-${run}@example.test`)).toEqual([`m0 ${run}`, `m0-${run}@example.test`, "Overdue", "", "Done", "75", "1", "75"]);
    expect(rowOf(`m10-${run}@example.test`)).toEqual([`m10 ${run}`, `m10-${run}@example.test`, "Overdue", "", "Not started", "", "0", ""]);
    expect(table).toHaveLength(12);

    const itemsCsv = await assignmentItemsCsv(instructor, cohortId, assignmentId, now);
    const answers = Papa.parse<string[]>(itemsCsv!.trim(), { skipEmptyLines: true }).data;
    expect(answers[0]!.slice(7)).toEqual(ITEMS.map((id, i) => `${i + 1}. ${id}`));
    expect(answers[1]!.slice(0, 1).concat(answers[1]!.slice(7))).toEqual(["Answer key", "A", "B", "C", "A"]);
    const m9 = answers.find((r) => r[1] === `m9-${run}@example.test`)!;
    expect(m9.slice(2, 7)).toEqual(["1", m9[3]!, "1", "4", "25"]);
    expect(m9.slice(7)).toEqual(["A", "A", "D", ""]);
    const m7 = answers.find((r) => r[1] === `m7-${run}@example.test`)!;
    // Two attempts, but the row shows the first.
    expect(m7[2]).toBe("2");
    expect(m7.slice(7)).toEqual(["A", "A", "D", "A"]);
  });

  it("neutralises spreadsheet formulas in names", async () => {
    const evil = await db.user.create({ data: { email: `evil-${run}@example.test`, name: "=HYPERLINK(\"http://x\")", role: "candidate" } });
    users.push(evil.id);
    await db.cohortMember.create({ data: { cohortId, userId: evil.id } });
    const csv = await cohortResultsCsv(instructor, cohortId, now);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    await db.cohortMember.delete({ where: { cohortId_userId: { cohortId, userId: evil.id } } });
  });
});

describe("question sets", () => {
  it("draws random items spread by the blueprint, none already in the set", async () => {
    // Six items in every domain, so no domain runs short of its share.
    const pool = Array.from({ length: 36 }, (_, i) => ({ ...bankItem(1), id: `tp${run}-${i}`, domain: 1 + (i % 6) }));
    await db.item.createMany({ data: pool });
    const picked = await pickByBlueprint(instructor, 20, [ITEMS[0]!], seededRandom(run));
    expect(picked).toHaveLength(20);
    expect(new Set(picked).size).toBe(20);
    expect(picked).not.toContain(ITEMS[0]);
    const rows = await db.item.findMany({ where: { id: { in: picked } }, select: { domain: true, retiredAt: true, ownerId: true } });
    expect(rows.every((r) => r.retiredAt === null && (r.ownerId === null || r.ownerId === instructor))).toBe(true);
    // 20 × (0.24, 0.155, 0.245, 0.12, 0.10, 0.14) by largest remainders: 5, 3, 5, 2, 2, 3.
    expect([1, 2, 3, 4, 5, 6].map((d) => rows.filter((r) => r.domain === d).length)).toEqual([5, 3, 5, 2, 2, 3]);
  });

  it("cannot be deleted while assigned", async () => {
    const c = await cohort("UTC", at("2031-05-01T00:00:00Z"));
    const setId = await set();
    await assign(c.id, setId, { opensAt: "2031-05-01T00:00", dueAt: "2031-05-05T00:00" }, at("2031-05-01T00:00:00Z"));
    expect(await deleteQuestionSet(instructor, setId)).toEqual({ ok: false, reason: "assigned" });
    const free = await set();
    expect(await deleteQuestionSet(instructor, free)).toEqual({ ok: true });
  });
});

const CSV_HEADER = "domain,concepts,difficulty,stem,lead_in,option_a,rationale_a,option_b,rationale_b,option_c,rationale_c,option_d,rationale_d,key";
const csvRow = (n: number, overrides: Partial<Record<"domain" | "key" | "option_b", string>> = {}) =>
  [
    overrides.domain ?? "3",
    "joining;tracking",
    "2",
    `"Imported vignette ${n}: a blended family with two teenagers, seen together for the first time after months of conflict."`,
    "What should the therapist do first?",
    `Join with each family member ${n}`,
    "Correct. Joining comes first.",
    overrides.option_b ?? `Assign homework ${n}`,
    "Incorrect. Too early.",
    `Interpret the conflict ${n}`,
    "Incorrect. Premature.",
    `Refer the teenagers ${n}`,
    "Incorrect. Not indicated.",
    overrides.key ?? "A",
  ].join(",");

describe("importing items", () => {
  const me = () => ({ id: instructor, name: instructorName, email: `teacher-${run}@example.test` });

  it("imports nothing from a file with errors unless only the valid rows are confirmed", async () => {
    const text = [CSV_HEADER, csvRow(1), csvRow(2, { domain: "9" }), csvRow(3), csvRow(4, { key: "E" })].join("\n");
    const before = await db.item.count({ where: { ownerId: instructor } });

    const preview = await importInstructorItems(me(), { format: "csv", text, mode: "preview" });
    expect(preview).toMatchObject({ ok: true, preview: true, rows: 4 });
    if (!("preview" in preview)) throw new Error("expected a preview");
    expect(preview.valid.map((v) => v.line)).toEqual([2, 4]);
    expect(preview.problems.map((p) => p.line)).toEqual([3, 5]);
    expect(preview.problems[0]!.message).toMatch(/domain/);

    const refused = await importInstructorItems(me(), { format: "csv", text, mode: "all" });
    expect(refused).toMatchObject({ ok: false, reason: "problems", valid: 2 });
    expect(await db.item.count({ where: { ownerId: instructor } })).toBe(before);

    const partial = await importInstructorItems(me(), { format: "csv", text, mode: "valid-only" });
    expect(partial).toMatchObject({ ok: true, imported: 2, skipped: 2 });
    if (!("imported" in partial)) throw new Error("expected an import");
    const rows = await db.item.findMany({ where: { id: { in: partial.itemIds } } });
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.id).toMatch(/^my-[a-z0-9]{10}$/);
      expect([row.ownerId, row.lessonSlug, row.section, row.blueprint, row.author]).toEqual([instructor, "custom", "", "amftrb-2020", instructorName]);
      expect(JSON.parse(row.concepts)).toEqual(["joining", "tracking"]);
    }
  });

  it("imports a clean GIFT file whole, and refuses a file with no valid row", async () => {
    const gift = [
      "// systemic: domain=2; concepts=triangulation; difficulty=3",
      "::q1:: A mother and her adult son both phone the therapist to complain about the father between sessions, each asking to keep the call secret.\\n\\nWhat is the most likely pattern? {",
      "=Triangulation of the therapist#Correct. Both pull the therapist into the parents' conflict.",
      "~A healthy alliance#Incorrect. Secrets against a third member are not an alliance.",
      "~Enmeshment between mother and son#Incorrect. Possible, but the calls target the therapist.",
      "~Disengagement of the father#Incorrect. Nothing says the father withdraws.",
      "}",
    ].join("\n");
    const result = await importInstructorItems(me(), { format: "gift", text: gift, mode: "all" });
    expect(result).toMatchObject({ ok: true, imported: 1, skipped: 0 });
    const bad = await importInstructorItems(me(), { format: "csv", text: [CSV_HEADER, csvRow(5, { key: "Z" })].join("\n"), mode: "valid-only" });
    expect(bad).toMatchObject({ ok: false, reason: "nothing-valid" });
  });

  it("round-trips a set through CSV and GIFT without loss, and serves own items to members", async () => {
    const text = [CSV_HEADER, csvRow(6), csvRow(7)].join("\n");
    const imported = await importInstructorItems(me(), { format: "csv", text, mode: "all" });
    if (!("imported" in imported)) throw new Error("import failed");
    const setId = await set([...imported.itemIds, ITEMS[0]!]);

    for (const format of ["csv", "gift"] as const) {
      const file = await setExport(instructor, setId, format);
      const parsed = format === "csv" ? parseItemsCsv(file!.body) : parseGift(file!.body);
      expect(parsed.problems).toEqual([]);
      const rows = await db.item.findMany({ where: { id: { in: [...imported.itemIds, ITEMS[0]!] } } });
      const byId = new Map(rows.map((r) => [r.id, r]));
      expect(parsed.items.map((p) => p.item.id)).toEqual([...imported.itemIds, ITEMS[0]!]);
      for (const { item } of parsed.items) {
        const row = byId.get(item.id!)!;
        expect([item.stem, item.leadIn, item.domain, item.difficulty, item.concepts, item.key]).toEqual([
          row.stem,
          row.leadIn,
          row.domain,
          row.difficulty,
          JSON.parse(row.concepts),
          "ABCD"[row.keyIndex],
        ]);
        expect(item.options).toEqual(JSON.parse(row.options));
      }
    }
    const xml = await setExport(instructor, setId, "xml");
    expect(xml!.body).toContain('<question type="multichoice">');
    expect(xml!.body.match(/<question type="multichoice">/g)).toHaveLength(3);

    // The instructor's own items reach members of a cohort the set is assigned to.
    const now = at("2031-06-01T00:00:00Z");
    const c = await cohort("UTC", now);
    const pia = await user("pia");
    await joinCohort(pia, c.joinCode, now);
    const { assignmentId } = await assign(c.id, setId, { opensAt: "2031-06-01T00:00", dueAt: "2031-06-05T00:00" }, now);
    const started = await startAssignmentAttempt(pia, assignmentId, now);
    expect(started.ok).toBe(true);
    if (started.ok) {
      const attempt = await db.attempt.findUniqueOrThrow({ where: { id: started.attemptId } });
      expect(JSON.parse(attempt.itemIds)).toEqual([...imported.itemIds, ITEMS[0]]);
    }
    expect((await getTeachingCohort(instructor, c.id))?.isOwner).toBe(true);
  });
});
