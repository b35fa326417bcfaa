/**
 * Pure bookkeeping of who has done what: the status of one member on one
 * assignment, the completion grid of a cohort, and the member's summary.
 * Time is always passed in.
 */

export type AssignmentWindow = { id: string; opensAt: Date; dueAt: Date; attemptsAllowed: number };

export type AttemptFact = {
  id: string;
  userId: string;
  assignmentId: string | null;
  startedAt: Date;
  submittedAt: Date | null;
  correct: number | null;
  total: number;
};

/** The Attempt columns an AttemptFact needs, for `select` in every query that feeds cellFor. */
export const ATTEMPT_FACT_SELECT = { id: true, userId: true, assignmentId: true, startedAt: true, submittedAt: true, correct: true, total: true } as const;

/**
 * - done / done-late: at least one submitted attempt (late when the first came after the due date)
 * - in-progress: started, not submitted, still before the due date
 * - overdue: past the due date without a submitted attempt (possibly started)
 * - not-started: open, nothing started
 * - not-open: the assignment has not opened yet
 */
export type CellStatus = "done" | "done-late" | "in-progress" | "overdue" | "not-started" | "not-open";

export type Cell = {
  status: CellStatus;
  /** Best submitted score, 0–100 rounded to one decimal; null before any submission. */
  bestPercent: number | null;
  attemptsUsed: number;
  /** The unsubmitted attempt to continue, if any. */
  openAttemptId: string | null;
  firstSubmittedAt: Date | null;
};

export const percentOf = (correct: number, total: number) => (total > 0 ? Math.round((correct / total) * 1000) / 10 : 0);

export function cellFor(assignment: AssignmentWindow, attempts: readonly AttemptFact[], now: Date): Cell {
  const submitted = attempts.filter((a) => a.submittedAt !== null);
  const open = attempts.filter((a) => a.submittedAt === null).sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime())[0] ?? null;
  // A submission still being recorded has no score yet (correct is null until it is complete).
  const scores = submitted.filter((a) => a.correct !== null).map((a) => percentOf(a.correct!, a.total));
  const firstSubmittedAt = submitted.reduce<Date | null>((first, a) => (first === null || a.submittedAt! < first ? a.submittedAt : first), null);
  let status: CellStatus;
  if (firstSubmittedAt) status = firstSubmittedAt > assignment.dueAt ? "done-late" : "done";
  else if (now < assignment.opensAt) status = "not-open";
  else if (now > assignment.dueAt) status = "overdue";
  else if (open) status = "in-progress";
  else status = "not-started";
  return {
    status,
    bestPercent: scores.length ? Math.max(...scores) : null,
    attemptsUsed: attempts.length,
    openAttemptId: open?.id ?? null,
    firstSubmittedAt,
  };
}

export const isDone = (status: CellStatus) => status === "done" || status === "done-late";

/** Cells keyed by member, then assignment, from one query's worth of attempts. */
export function completionGrid(
  memberIds: readonly string[],
  assignments: readonly AssignmentWindow[],
  attempts: readonly AttemptFact[],
  now: Date,
): Map<string, Map<string, Cell>> {
  const byKey = new Map<string, AttemptFact[]>();
  for (const a of attempts) {
    if (!a.assignmentId) continue;
    const key = `${a.userId}\u0000${a.assignmentId}`;
    const list = byKey.get(key) ?? [];
    list.push(a);
    byKey.set(key, list);
  }
  const grid = new Map<string, Map<string, Cell>>();
  for (const memberId of memberIds) {
    const row = new Map<string, Cell>();
    for (const assignment of assignments) row.set(assignment.id, cellFor(assignment, byKey.get(`${memberId}\u0000${assignment.id}`) ?? [], now));
    grid.set(memberId, row);
  }
  return grid;
}

export type MemberSummary = { done: number; due: number; overdue: number; meanPercent: number | null };

/** Assignments done, due so far and overdue, and the mean of the best scores on those done. */
export function summariseRow(row: ReadonlyMap<string, Cell>): MemberSummary {
  let done = 0;
  let due = 0;
  let overdue = 0;
  const scores: number[] = [];
  for (const cell of row.values()) {
    if (cell.status !== "not-open") due++;
    if (isDone(cell.status)) {
      done++;
      if (cell.bestPercent !== null) scores.push(cell.bestPercent);
    }
    if (cell.status === "overdue") overdue++;
  }
  return { done, due, overdue, meanPercent: scores.length ? Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10) / 10 : null };
}

/** Share of (member, assignment) pairs that are done, per assignment. */
export function completionByAssignment(grid: ReadonlyMap<string, ReadonlyMap<string, Cell>>, assignmentIds: readonly string[]) {
  const out = new Map<string, { done: number; members: number; meanPercent: number | null }>();
  for (const id of assignmentIds) {
    let done = 0;
    const scores: number[] = [];
    for (const row of grid.values()) {
      const cell = row.get(id);
      if (cell && isDone(cell.status)) {
        done++;
        if (cell.bestPercent !== null) scores.push(cell.bestPercent);
      }
    }
    out.set(id, { done, members: grid.size, meanPercent: scores.length ? Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10) / 10 : null });
  }
  return out;
}

export type MemberAssignmentState = "upcoming" | "open" | "due-soon" | "overdue" | "in-progress" | "done";

export const DUE_SOON_MS = 48 * 3_600_000;

/** How an assignment looks from the member's side, for the dashboard and cohort page. */
export function memberState(assignment: AssignmentWindow, cell: Cell, now: Date): MemberAssignmentState {
  if (isDone(cell.status)) return "done";
  if (cell.status === "not-open") return "upcoming";
  if (cell.status === "overdue") return "overdue";
  if (cell.status === "in-progress") return "in-progress";
  return assignment.dueAt.getTime() - now.getTime() <= DUE_SOON_MS ? "due-soon" : "open";
}

export type StartDecision =
  | { kind: "continue"; attemptId: string }
  | { kind: "start" }
  | { kind: "refuse"; reason: "not-open" | "no-attempts-left" };

/**
 * Whether a member may start (or must continue) an attempt: an unsubmitted
 * attempt is always continued; a new one needs the assignment to be open and
 * attempts left. Late work is accepted (and shown as late to the instructor).
 */
export function startDecision(assignment: AssignmentWindow, attempts: readonly AttemptFact[], now: Date): StartDecision {
  const open = attempts.filter((a) => a.submittedAt === null).sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime())[0];
  if (open) return { kind: "continue", attemptId: open.id };
  if (now < assignment.opensAt) return { kind: "refuse", reason: "not-open" };
  if (attempts.length >= assignment.attemptsAllowed) return { kind: "refuse", reason: "no-attempts-left" };
  return { kind: "start" };
}

export const CELL_LABELS: Record<CellStatus, string> = {
  done: "Done",
  "done-late": "Done late",
  "in-progress": "In progress",
  overdue: "Overdue",
  "not-started": "Not started",
  "not-open": "Not open yet",
};
