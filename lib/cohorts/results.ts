import "server-only";
import { db } from "@/lib/db";
import { domainName, getBlueprint } from "@/lib/exam/blueprints";
import { submitAttempt } from "@/lib/exam/attempts";
import { parseOptions } from "@/lib/learn/items";
import { OPTION_LETTERS } from "@/lib/content/schema";
import { cohortForInstructor, teachingWhere } from "./access";
import { toCsv } from "./formats";
import { analyseItems } from "./item-analysis";
import { ATTEMPT_FACT_SELECT, CELL_LABELS, completionByAssignment, completionGrid, percentOf, summariseRow, type Cell } from "./progress";
import type { AssignmentMode } from "./validation";

/** The network grace the exam engine allows after a deadline, so answers in flight still count. */
const GRACE_MS = 2_000;

const parseIds = (json: string): string[] => {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
};

const asMode = (mode: string): AssignmentMode => (mode === "tutor" || mode === "timed" ? mode : "quiz");

/**
 * Timed attempts whose clock ran out while the member was away count as
 * submitted at their deadline; finishing them here means instructors see
 * them as done, with their score, without waiting for the member to return.
 */
async function finishExpiredInCohort(instructorId: string, cohortId: string, now: Date, assignmentId?: string): Promise<void> {
  const stale = await db.attempt.findMany({
    where: {
      assignment: { cohortId, cohort: teachingWhere(instructorId), ...(assignmentId ? { id: assignmentId } : {}) },
      OR: [{ submittedAt: null, deadline: { lt: new Date(now.getTime() - GRACE_MS) } }, { submittedAt: { not: null }, correct: null }],
    },
    select: { id: true, userId: true },
  });
  for (const attempt of stale) await submitAttempt(attempt.userId, attempt.id, now);
}

export type OverviewAssignment = {
  id: string;
  title: string;
  opensAt: Date;
  dueAt: Date;
  mode: AssignmentMode;
  timeLimitMin: number | null;
  attemptsAllowed: number;
  itemCount: number;
  done: number;
  meanPercent: number | null;
};

export type OverviewMember = { userId: string; name: string; email: string; cells: Cell[]; done: number; overdue: number; meanPercent: number | null };

export type DomainMastery = { domain: number; name: string; answered: number; correct: number; percent: number | null };

export type CohortOverview = {
  assignments: OverviewAssignment[];
  members: OverviewMember[];
  meanPercent: number | null;
  mastery: DomainMastery[];
};

/**
 * The cohort dashboard: the completion grid (members × assignments), each
 * assignment's completion and mean, the cohort's mean score and its
 * mastery per blueprint domain from submitted assignment work. Null when
 * `instructorId` does not teach the cohort. A fixed handful of queries.
 */
export async function cohortOverview(instructorId: string, cohortId: string, now = new Date()): Promise<CohortOverview | null> {
  const cohort = await db.cohort.findFirst({
    where: cohortForInstructor(cohortId, instructorId),
    select: {
      members: { orderBy: { joinedAt: "asc" }, select: { userId: true, user: { select: { name: true, email: true } } } },
      assignments: {
        orderBy: [{ dueAt: "asc" }, { createdAt: "asc" }],
        select: { id: true, title: true, opensAt: true, dueAt: true, mode: true, timeLimitMin: true, attemptsAllowed: true, set: { select: { itemIds: true } } },
      },
    },
  });
  if (!cohort) return null;
  await finishExpiredInCohort(instructorId, cohortId, now);
  const memberIds = cohort.members.map((m) => m.userId);
  const inCohort = { userId: { in: memberIds }, assignment: { cohortId, cohort: teachingWhere(instructorId) } };
  const [attempts, answers] = await Promise.all([
    db.attempt.findMany({ where: inCohort, select: ATTEMPT_FACT_SELECT }),
    db.attemptAnswer.findMany({
      where: { chosen: { not: null }, attempt: { ...inCohort, submittedAt: { not: null } } },
      select: { correct: true, item: { select: { domain: true } } },
    }),
  ]);

  const grid = completionGrid(memberIds, cohort.assignments, attempts, now);
  const byAssignment = completionByAssignment(grid, cohort.assignments.map((a) => a.id));
  const members = cohort.members.map((m): OverviewMember => {
    const row = grid.get(m.userId) ?? new Map<string, Cell>();
    const summary = summariseRow(row);
    return {
      userId: m.userId,
      name: m.user.name ?? m.user.email,
      email: m.user.email,
      cells: cohort.assignments.map((a) => row.get(a.id)!),
      done: summary.done,
      overdue: summary.overdue,
      meanPercent: summary.meanPercent,
    };
  });

  const best = members.flatMap((m) => m.cells.map((c) => c.bestPercent).filter((p): p is number => p !== null));
  const blueprint = getBlueprint();
  const tally = new Map<number, { answered: number; correct: number }>(blueprint.domains.map((d) => [d.id, { answered: 0, correct: 0 }]));
  for (const a of answers) {
    const row = tally.get(a.item.domain) ?? { answered: 0, correct: 0 };
    row.answered++;
    if (a.correct) row.correct++;
    tally.set(a.item.domain, row);
  }

  return {
    assignments: cohort.assignments.map((a) => ({
      id: a.id,
      title: a.title,
      opensAt: a.opensAt,
      dueAt: a.dueAt,
      mode: asMode(a.mode),
      timeLimitMin: a.timeLimitMin,
      attemptsAllowed: a.attemptsAllowed,
      itemCount: parseIds(a.set.itemIds).length,
      done: byAssignment.get(a.id)?.done ?? 0,
      meanPercent: byAssignment.get(a.id)?.meanPercent ?? null,
    })),
    members,
    meanPercent: best.length ? Math.round((best.reduce((x, y) => x + y, 0) / best.length) * 10) / 10 : null,
    mastery: [...tally.entries()]
      .sort(([x], [y]) => x - y)
      .map(([domain, t]) => ({
        domain,
        name: domainName(domain, blueprint),
        answered: t.answered,
        correct: t.correct,
        percent: t.answered ? Math.round((t.correct / t.answered) * 1000) / 10 : null,
      })),
  };
}

type AnalysisRow = ReturnType<typeof analyseItems>[number];

export type AnalysedItem = AnalysisRow & {
  position: number;
  domain: number;
  domainName: string;
  stem: string;
  leadIn: string;
  options: string[];
  keyIndex: number;
};

export type AssignmentResults = {
  members: { userId: string; name: string; email: string; attempts: number; first: { submittedAt: Date; correct: number | null; total: number; answers: Map<string, number | null> } | null }[];
  items: AnalysedItem[];
  submitted: number;
};

/**
 * Item analysis of one assignment from each current member's first
 * submitted attempt (later attempts follow feedback, so they would flatter
 * the items): facility, discrimination, option counts and flags per item,
 * in the order the items were set. Null without access.
 */
export async function assignmentResults(instructorId: string, cohortId: string, assignmentId: string, now = new Date()): Promise<AssignmentResults | null> {
  const assignment = await db.assignment.findFirst({
    where: { id: assignmentId, cohortId, cohort: teachingWhere(instructorId) },
    select: { id: true, set: { select: { itemIds: true } }, cohort: { select: { members: { orderBy: { joinedAt: "asc" }, select: { userId: true, user: { select: { name: true, email: true } } } } } } },
  });
  if (!assignment) return null;
  await finishExpiredInCohort(instructorId, cohortId, now, assignmentId);
  const memberIds = assignment.cohort.members.map((m) => m.userId);
  const attempts = await db.attempt.findMany({
    where: { assignmentId, userId: { in: memberIds }, assignment: { cohortId, cohort: teachingWhere(instructorId) } },
    orderBy: [{ submittedAt: "asc" }, { startedAt: "asc" }],
    select: { id: true, userId: true, submittedAt: true, correct: true, total: true, answers: { select: { itemId: true, chosen: true, position: true } } },
  });

  const firstBy = new Map<string, (typeof attempts)[number]>();
  const countBy = new Map<string, number>();
  for (const a of attempts) {
    countBy.set(a.userId, (countBy.get(a.userId) ?? 0) + 1);
    if (a.submittedAt && !firstBy.has(a.userId)) firstBy.set(a.userId, a);
  }

  // Items in the set's order first, then any an older version of the set had.
  const order = parseIds(assignment.set.itemIds);
  for (const a of firstBy.values()) for (const row of [...a.answers].sort((x, y) => x.position - y.position)) if (!order.includes(row.itemId)) order.push(row.itemId);
  const itemRows = await db.item.findMany({
    where: { id: { in: order } },
    select: { id: true, domain: true, stem: true, leadIn: true, options: true, keyIndex: true },
  });
  const itemById = new Map(itemRows.map((i) => [i.id, i]));
  const items = order.flatMap((id) => {
    const item = itemById.get(id);
    return item ? [item] : [];
  });

  const responses = [...firstBy.values()].flatMap((a) =>
    a.answers
      .filter((row) => itemById.has(row.itemId))
      .map((row) => ({ memberId: a.userId, itemId: row.itemId, chosen: row.chosen, correct: row.chosen !== null && row.chosen === itemById.get(row.itemId)!.keyIndex })),
  );
  const analysis = new Map(analyseItems(responses, items.map((i) => ({ id: i.id, keyIndex: i.keyIndex }))).map((row) => [row.itemId, row]));
  const blueprint = getBlueprint();

  return {
    submitted: firstBy.size,
    members: assignment.cohort.members.map((m) => {
      const first = firstBy.get(m.userId);
      return {
        userId: m.userId,
        name: m.user.name ?? m.user.email,
        email: m.user.email,
        attempts: countBy.get(m.userId) ?? 0,
        first: first
          ? { submittedAt: first.submittedAt!, correct: first.correct, total: first.total, answers: new Map(first.answers.map((r) => [r.itemId, r.chosen])) }
          : null,
      };
    }),
    items: items.flatMap((item, index): AnalysedItem[] => {
      const row = analysis.get(item.id);
      if (!row) return [];
      return [
        {
          ...row,
          position: index + 1,
          domain: item.domain,
          domainName: domainName(item.domain, blueprint),
          stem: item.stem,
          leadIn: item.leadIn,
          options: parseOptions(item.options).map((o) => o.text),
          keyIndex: item.keyIndex,
        },
      ];
    }),
  };
}

const letter = (index: number | null | undefined) => (index === null || index === undefined ? "" : (OPTION_LETTERS[index] ?? ""));
const isoOrBlank = (date: Date | null | undefined) => (date ? date.toISOString() : "");

/**
 * Member × assignment CSV: for each assignment the member's status and best
 * score (percent), then assignments done and the mean. Null without access.
 */
export async function cohortResultsCsv(instructorId: string, cohortId: string, now = new Date()): Promise<string | null> {
  const overview = await cohortOverview(instructorId, cohortId, now);
  if (!overview) return null;
  const header = [
    "Member",
    "Email",
    ...overview.assignments.flatMap((a) => [`${a.title} — status`, `${a.title} — best score %`]),
    "Assignments done",
    "Mean score %",
  ];
  const rows = overview.members.map((m) => [
    m.name,
    m.email,
    ...m.cells.flatMap((c) => [CELL_LABELS[c.status], c.bestPercent]),
    m.done,
    m.meanPercent,
  ]);
  return toCsv(header, rows);
}

/**
 * Member × item CSV of one assignment: the option each member chose (A–D,
 * blank when unanswered) on their first submitted attempt, under a first row
 * with the key. Null without access.
 */
export async function assignmentItemsCsv(instructorId: string, cohortId: string, assignmentId: string, now = new Date()): Promise<string | null> {
  const results = await assignmentResults(instructorId, cohortId, assignmentId, now);
  if (!results) return null;
  const header = ["Member", "Email", "Attempts", "First submitted at (UTC)", "Correct", "Items", "Score %", ...results.items.map((i) => `${i.position}. ${i.itemId}`)];
  const keyRow = ["Answer key", "", "", "", "", "", "", ...results.items.map((i) => letter(i.keyIndex))];
  const rows = results.members.map((m) => {
    const first = m.first;
    return [
      m.name,
      m.email,
      m.attempts,
      isoOrBlank(first?.submittedAt),
      first ? first.correct : null,
      first ? first.total : null,
      first && first.correct !== null ? percentOf(first.correct, first.total) : null,
      ...results.items.map((i) => (first ? letter(first.answers.get(i.itemId)) : "")),
    ];
  });
  return toCsv(header, [keyRow, ...rows]);
}
