/**
 * The Teach access matrix: every role against every data function, server
 * action and route handler that pages and downloads use, including calls
 * with another cohort's ids. Runs on SQLite and PostgreSQL.
 *
 * Roles: the cohort's owner, its co-instructor, an instructor of another
 * cohort, a member candidate and a candidate outside the cohort.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const session = vi.hoisted(() => ({ userId: null as string | null }));

// Actions and route handlers read the session through next-auth; the test decides who is signed in.
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: async () => (session.userId ? { user: { id: session.userId } } : null),
}));
// API routes read the session cookie themselves (request-session.test.ts tests that); here the request is simply someone's.
vi.mock("@/lib/auth/request-session", () => ({
  sessionOfRequest: async () => (session.userId ? { userId: session.userId, sessionVersion: 0 } : null),
}));
// Cache revalidation needs a Next request; outside one it has nothing to do.
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

import { GET as assignmentExportRoute } from "@/app/(teach)/teach/cohorts/[cohortId]/assignments/[assignmentId]/export/route";
import { GET as cohortExportRoute } from "@/app/(teach)/teach/cohorts/[cohortId]/export/route";
import { GET as setExportRoute } from "@/app/(teach)/teach/sets/[setId]/export/route";
import { GET as assignmentApi } from "@/app/api/v1/cohorts/[cohortId]/assignments/[assignmentId]/route";
import { GET as cohortApi } from "@/app/api/v1/cohorts/[cohortId]/route";
import { GET as cohortsApi } from "@/app/api/v1/cohorts/route";
import { db } from "@/lib/db";
import * as actions from "@/lib/cohorts/actions";
import {
  createAssignment,
  deleteAssignment,
  getMemberAssignment,
  getTeachingAssignment,
  listMemberAssignments,
  memberAttemptOnAssignment,
  startAssignmentAttempt,
  updateAssignment,
} from "@/lib/cohorts/assignments";
import {
  addCoInstructor,
  createCohort,
  deleteCohort,
  getMemberCohort,
  getTeachingCohort,
  listMemberCohorts,
  listTeachingCohorts,
  regenerateJoinCode,
  removeCoInstructor,
  updateCohort,
} from "@/lib/cohorts/cohorts";
import { createInstructorItem, getInstructorItem, setInstructorItemRetired, updateInstructorItem } from "@/lib/cohorts/instructor-items";
import { leaveCohort, listMembers, removeMember } from "@/lib/cohorts/members";
import { listNotifications, markNotificationRead } from "@/lib/cohorts/notifications";
import { builderItems, createQuestionSet, deleteQuestionSet, getQuestionSet, setExport, updateQuestionSet } from "@/lib/cohorts/question-sets";
import { assignmentItemsCsv, assignmentResults, cohortOverview, cohortResultsCsv } from "@/lib/cohorts/results";
import { saveAnswer, submitAttempt } from "@/lib/exam/attempts";

const run = Math.random().toString(36).slice(2, 8);
const lesson = `access-${run}`;
const users: string[] = [];

const ROLES = ["owner", "co", "other", "member", "outsider"] as const;
type RoleName = (typeof ROLES)[number];
const ids = {} as Record<RoleName, string> & { otherMember: string; spare: string };

/** Cohort X (owner + co-instructor, member) and cohort Y (the other instructor's, with its own member). */
const x = { cohortId: "", setId: "", assignmentId: "", attemptId: "", itemId: "", notificationId: "" };
const y = { cohortId: "", setId: "", assignmentId: "" };

const bankIds = [1, 2, 3, 4].map((n) => `ac${run}-${n}`);

function bankItem(id: string, n: number) {
  return {
    id,
    lessonSlug: lesson,
    section: "how-the-exam-tests-this",
    domain: 1 + (n % 6),
    concepts: JSON.stringify(["joining"]),
    difficulty: 2,
    stem: `Access test vignette ${n}: a family arrives for a first session and the therapist notices a pattern.`,
    leadIn: "What should the therapist do first?",
    options: JSON.stringify(["A", "B", "C", "D"].map((l) => ({ text: `Option ${l} of ${n}`, rationale: `${l === "A" ? "Correct" : "Incorrect"}. Why ${l}.` }))),
    keyIndex: 0,
    author: "test",
    writtenOn: "2026-11-22",
    blueprint: "amftrb-2020",
    contentHash: `h${n}`,
  };
}

async function user(name: string, role: "candidate" | "instructor") {
  const row = await db.user.create({ data: { email: `${name}-${run}@example.test`, name: `${name} ${run}`, role, timeZone: "America/Chicago" } });
  users.push(row.id);
  return row.id;
}

const instructorItemInput = {
  domain: 3,
  concepts: ["joining"],
  difficulty: 2,
  stem: "A couple in their forties arrive after a year of escalating arguments about their teenage son's curfew and school refusal.",
  leadIn: "What should the therapist do first?",
  options: [
    { text: "Explore how each partner experiences the arguments", rationale: "Correct. Joining with both partners comes first." },
    { text: "Set a curfew for the son in the first session", rationale: "Incorrect. The therapist does not set family rules." },
    { text: "Refer the son for an individual assessment", rationale: "Incorrect. Premature before understanding the system." },
    { text: "Ask the couple to keep a conflict diary", rationale: "Incorrect. A task before joining risks dropout." },
  ],
  key: "A" as const,
};

const NOW = new Date();
const LOCAL_SOON = (days: number) => {
  const d = new Date(NOW.getTime() + days * 86_400_000);
  return d.toISOString().slice(0, 16);
};

beforeAll(async () => {
  ids.owner = await user("owner", "instructor");
  ids.co = await user("co", "instructor");
  ids.other = await user("other", "instructor");
  ids.member = await user("member", "candidate");
  ids.outsider = await user("outsider", "candidate");
  ids.otherMember = await user("othermember", "candidate");
  ids.spare = await user("spare", "candidate");
  await db.item.createMany({ data: bankIds.map((id, i) => bankItem(id, i + 1)) });

  const cx = await createCohort(ids.owner, { name: `X ${run}`, description: null, examDate: null, timeZone: "UTC" }, NOW);
  x.cohortId = cx.id;
  expect(await addCoInstructor(ids.owner, x.cohortId, `co-${run}@example.test`, NOW)).toMatchObject({ ok: true });
  await db.cohortMember.createMany({ data: [ids.member, ids.spare].map((userId) => ({ cohortId: x.cohortId, userId })) });
  const ownItem = await createInstructorItem({ id: ids.owner, name: "Owner", email: `owner-${run}@example.test` }, instructorItemInput, NOW);
  if (!ownItem.ok) throw new Error(`item setup failed: ${JSON.stringify(ownItem)}`);
  x.itemId = ownItem.itemId;
  const sx = await createQuestionSet(ids.owner, { title: "X set", description: null, itemIds: [...bankIds.slice(0, 2), x.itemId] }, NOW);
  if (!sx.ok) throw new Error("set setup failed");
  x.setId = sx.setId;
  const ax = await createAssignment(
    ids.owner,
    { cohortId: x.cohortId, setId: x.setId, title: "X work", opensAt: LOCAL_SOON(-1), dueAt: LOCAL_SOON(7), mode: "quiz", timeLimitMin: null, attemptsAllowed: 2 },
    NOW,
  );
  if (!ax.ok) throw new Error(`assignment setup failed: ${JSON.stringify(ax)}`);
  x.assignmentId = ax.assignmentId;
  const started = await startAssignmentAttempt(ids.member, x.assignmentId, NOW);
  if (!started.ok) throw new Error("attempt setup failed");
  x.attemptId = started.attemptId;
  await saveAnswer(ids.member, x.attemptId, { itemId: bankIds[0]!, chosen: 0, timeMs: 1000 }, NOW);
  await submitAttempt(ids.member, x.attemptId, NOW);
  x.notificationId = (await listNotifications(ids.member))[0]!.id;

  const cy = await createCohort(ids.other, { name: `Y ${run}`, description: null, examDate: null, timeZone: "UTC" }, NOW);
  y.cohortId = cy.id;
  await db.cohortMember.create({ data: { cohortId: y.cohortId, userId: ids.otherMember } });
  const sy = await createQuestionSet(ids.other, { title: "Y set", description: null, itemIds: bankIds.slice(2) }, NOW);
  if (!sy.ok) throw new Error("set setup failed");
  y.setId = sy.setId;
  const ay = await createAssignment(
    ids.other,
    { cohortId: y.cohortId, setId: y.setId, title: "Y work", opensAt: LOCAL_SOON(-1), dueAt: LOCAL_SOON(7), mode: "quiz", timeLimitMin: null, attemptsAllowed: 1 },
    NOW,
  );
  if (!ay.ok) throw new Error("assignment setup failed");
  y.assignmentId = ay.assignmentId;
});

afterAll(async () => {
  await db.user.deleteMany({ where: { id: { in: users } } });
  await db.item.deleteMany({ where: { OR: [{ lessonSlug: lesson }, { ownerId: { in: users } }] } });
  await db.$disconnect();
});

/** For each role, whether a read succeeds; every other role must get nothing. */
type Check = { name: string; allowed: RoleName[]; probe: (userId: string) => Promise<boolean> };

const readChecks: Check[] = [
  { name: "getTeachingCohort", allowed: ["owner", "co"], probe: async (u) => (await getTeachingCohort(u, x.cohortId)) !== null },
  { name: "listTeachingCohorts", allowed: ["owner", "co"], probe: async (u) => (await listTeachingCohorts(u)).some((c) => c.id === x.cohortId) },
  { name: "cohortOverview", allowed: ["owner", "co"], probe: async (u) => (await cohortOverview(u, x.cohortId, NOW)) !== null },
  { name: "listMembers", allowed: ["owner", "co"], probe: async (u) => (await listMembers(u, x.cohortId, NOW)) !== null },
  { name: "getTeachingAssignment", allowed: ["owner", "co"], probe: async (u) => (await getTeachingAssignment(u, x.cohortId, x.assignmentId)) !== null },
  { name: "assignmentResults", allowed: ["owner", "co"], probe: async (u) => (await assignmentResults(u, x.cohortId, x.assignmentId, NOW)) !== null },
  { name: "cohortResultsCsv", allowed: ["owner", "co"], probe: async (u) => (await cohortResultsCsv(u, x.cohortId, NOW)) !== null },
  { name: "assignmentItemsCsv", allowed: ["owner", "co"], probe: async (u) => (await assignmentItemsCsv(u, x.cohortId, x.assignmentId, NOW)) !== null },
  { name: "getQuestionSet", allowed: ["owner"], probe: async (u) => (await getQuestionSet(u, x.setId)) !== null },
  { name: "setExport", allowed: ["owner"], probe: async (u) => (await setExport(u, x.setId, "csv")) !== null },
  { name: "getInstructorItem", allowed: ["owner"], probe: async (u) => (await getInstructorItem(u, x.itemId)) !== null },
  { name: "builderItems (own item)", allowed: ["owner"], probe: async (u) => (await builderItems(u)).some((i) => i.id === x.itemId) },
  { name: "getMemberCohort", allowed: ["member"], probe: async (u) => (await getMemberCohort(u, x.cohortId)) !== null },
  { name: "listMemberCohorts", allowed: ["member"], probe: async (u) => (await listMemberCohorts(u)).some((c) => c.id === x.cohortId) },
  { name: "listMemberAssignments", allowed: ["member"], probe: async (u) => (await listMemberAssignments(u, NOW)).some((a) => a.id === x.assignmentId) },
  { name: "getMemberAssignment", allowed: ["member"], probe: async (u) => (await getMemberAssignment(u, x.cohortId, x.assignmentId, NOW)) !== null },
  { name: "memberAttemptOnAssignment", allowed: ["member"], probe: async (u) => (await memberAttemptOnAssignment(u, x.cohortId, x.assignmentId, x.attemptId)) !== null },
  { name: "listNotifications (assignment notice)", allowed: ["member"], probe: async (u) => (await listNotifications(u)).some((n) => n.href.includes(x.assignmentId)) },
];

describe("reads: each role sees only what it may", () => {
  it.each(readChecks)("$name", async ({ allowed, probe }) => {
    const seen = Object.fromEntries(await Promise.all(ROLES.map(async (role) => [role, await probe(ids[role])] as const)));
    expect(seen).toEqual(Object.fromEntries(ROLES.map((role) => [role, allowed.includes(role)])));
  });
});

describe("another cohort's ids", () => {
  it("an assignment id only resolves under its own cohort, for anyone", async () => {
    for (const role of ROLES) {
      expect(await getTeachingAssignment(ids[role], y.cohortId, x.assignmentId)).toBeNull();
      expect(await assignmentResults(ids[role], y.cohortId, x.assignmentId, NOW)).toBeNull();
      expect(await assignmentItemsCsv(ids[role], y.cohortId, x.assignmentId, NOW)).toBeNull();
      expect(await getMemberAssignment(ids[role], y.cohortId, x.assignmentId, NOW)).toBeNull();
    }
    // The other instructor with their own cohort's id and X's assignment, and the reverse.
    expect(await getTeachingAssignment(ids.other, y.cohortId, y.assignmentId)).not.toBeNull();
    expect(await getTeachingAssignment(ids.owner, x.cohortId, y.assignmentId)).toBeNull();
    expect(await memberAttemptOnAssignment(ids.member, y.cohortId, x.assignmentId, x.attemptId)).toBeNull();
  });

  it("nobody sees another cohort's members", async () => {
    const overview = await cohortOverview(ids.other, y.cohortId, NOW);
    expect(overview?.members.map((m) => m.userId)).toEqual([ids.otherMember]);
    expect(await listMembers(ids.other, x.cohortId, NOW)).toBeNull();
    const mine = await listMembers(ids.owner, x.cohortId, NOW);
    expect(mine?.map((m) => m.userId).sort()).toEqual([ids.member, ids.spare].sort());
    // A member's view of their cohort carries no member list beyond themselves.
    const asMember = await getMemberCohort(ids.member, x.cohortId);
    expect(asMember?.members).toHaveLength(1);
  });

  it("an instructor cannot assign someone else's set, or into someone else's cohort", async () => {
    const input = { title: "t", opensAt: LOCAL_SOON(-1), dueAt: LOCAL_SOON(3), mode: "quiz" as const, timeLimitMin: null, attemptsAllowed: 1 };
    expect(await createAssignment(ids.owner, { ...input, cohortId: x.cohortId, setId: y.setId }, NOW)).toEqual({ ok: false, reason: "set-not-found" });
    expect(await createAssignment(ids.co, { ...input, cohortId: x.cohortId, setId: x.setId }, NOW)).toEqual({ ok: false, reason: "set-not-found" });
    expect(await createAssignment(ids.other, { ...input, cohortId: x.cohortId, setId: y.setId }, NOW)).toEqual({ ok: false, reason: "not-found" });
    expect(await createAssignment(ids.member, { ...input, cohortId: x.cohortId, setId: x.setId }, NOW)).toEqual({ ok: false, reason: "not-found" });
    expect(await db.assignment.count({ where: { cohortId: x.cohortId } })).toBe(1);
  });

  it("an instructor's own item cannot go into another instructor's set", async () => {
    const result = await createQuestionSet(ids.other, { title: "steal", description: null, itemIds: [x.itemId] }, NOW);
    expect(result).toEqual({ ok: false, reason: "unknown-items", unknown: [x.itemId] });
  });
});

describe("writes: refused without access, leaving rows untouched", () => {
  const details = { name: "Renamed", description: null, examDate: null, timeZone: "UTC" };

  it("cohort details and join code: instructors of the cohort only", async () => {
    for (const role of ["other", "member", "outsider"] as const) {
      expect(await updateCohort(ids[role], x.cohortId, details)).toBe(false);
      expect(await regenerateJoinCode(ids[role], x.cohortId)).toBeNull();
    }
    expect((await db.cohort.findUniqueOrThrow({ where: { id: x.cohortId } })).name).toBe(`X ${run}`);
    const before = (await db.cohort.findUniqueOrThrow({ where: { id: x.cohortId } })).joinCode;
    const fresh = await regenerateJoinCode(ids.co, x.cohortId);
    expect(fresh).not.toBeNull();
    expect(fresh).not.toBe(before);
  });

  it("co-instructors and deletion: the owner only", async () => {
    expect(await addCoInstructor(ids.co, x.cohortId, `other-${run}@example.test`, NOW)).toEqual({ ok: false, reason: "not-found" });
    expect(await addCoInstructor(ids.other, x.cohortId, `other-${run}@example.test`, NOW)).toEqual({ ok: false, reason: "not-found" });
    expect(await removeCoInstructor(ids.co, x.cohortId, ids.co)).toBe(false);
    expect(await removeCoInstructor(ids.other, x.cohortId, ids.co)).toBe(false);
    for (const role of ["co", "other", "member", "outsider"] as const) expect(await deleteCohort(ids[role], x.cohortId)).toBe(false);
    expect(await db.cohort.count({ where: { id: x.cohortId } })).toBe(1);
    expect(await db.cohortInstructor.count({ where: { cohortId: x.cohortId } })).toBe(2);
  });

  it("members: removed by the cohort's instructors only; a candidate leaves only their own membership", async () => {
    expect(await removeMember(ids.other, x.cohortId, ids.spare)).toBe(false);
    expect(await removeMember(ids.member, x.cohortId, ids.spare)).toBe(false);
    expect(await removeMember(ids.owner, y.cohortId, ids.otherMember)).toBe(false);
    expect(await leaveCohort(ids.outsider, x.cohortId)).toBe(false);
    expect(await db.cohortMember.count({ where: { cohortId: { in: [x.cohortId, y.cohortId] } } })).toBe(3);
  });

  it("assignments: edited and deleted by the cohort's instructors only", async () => {
    const update = { assignmentId: x.assignmentId, title: "Hijacked", opensAt: LOCAL_SOON(-1), dueAt: LOCAL_SOON(9), attemptsAllowed: 9 };
    for (const role of ["other", "member", "outsider"] as const) {
      expect(await updateAssignment(ids[role], update)).toBe(false);
      expect(await deleteAssignment(ids[role], x.assignmentId)).toBeNull();
    }
    expect((await db.assignment.findUniqueOrThrow({ where: { id: x.assignmentId } })).title).toBe("X work");
  });

  it("attempts: only members start one, and only on their cohort's assignments", async () => {
    expect(await startAssignmentAttempt(ids.outsider, x.assignmentId, NOW)).toEqual({ ok: false, reason: "not-found" });
    expect(await startAssignmentAttempt(ids.owner, x.assignmentId, NOW)).toEqual({ ok: false, reason: "not-found" });
    expect(await startAssignmentAttempt(ids.member, y.assignmentId, NOW)).toEqual({ ok: false, reason: "not-found" });
    expect(await db.attempt.count({ where: { assignmentId: { in: [x.assignmentId, y.assignmentId] } } })).toBe(1);
  });

  it("sets and items: their author only", async () => {
    const input = { title: "Hijacked", description: null, itemIds: bankIds.slice(0, 1) };
    expect(await updateQuestionSet(ids.co, x.setId, input)).toEqual({ ok: false, reason: "not-found" });
    expect(await updateQuestionSet(ids.other, x.setId, input)).toEqual({ ok: false, reason: "not-found" });
    expect(await deleteQuestionSet(ids.other, x.setId)).toEqual({ ok: false, reason: "not-found" });
    expect(await updateInstructorItem(ids.other, x.itemId, instructorItemInput, NOW)).toEqual({ ok: false, notFound: true });
    expect(await setInstructorItemRetired(ids.co, x.itemId, true, NOW)).toBe(false);
    expect((await db.questionSet.findUniqueOrThrow({ where: { id: x.setId } })).title).toBe("X set");
    expect((await db.item.findUniqueOrThrow({ where: { id: x.itemId } })).retiredAt).toBeNull();
  });

  it("notifications: their recipient only", async () => {
    expect(await markNotificationRead(ids.outsider, x.notificationId, NOW)).toBe(false);
    expect(await markNotificationRead(ids.owner, x.notificationId, NOW)).toBe(false);
    expect((await db.notification.findUniqueOrThrow({ where: { id: x.notificationId } })).readAt).toBeNull();
  });
});

describe("server actions with a session", () => {
  const as = (role: RoleName | null) => {
    session.userId = role ? ids[role] : null;
  };

  it("refuses signed-out callers and candidates on every instructor action", async () => {
    as(null);
    expect(await actions.regenerateJoinCodeAction(null, { cohortId: x.cohortId })).toMatchObject({ ok: false, error: expect.stringMatching(/session has ended/) });
    for (const role of ["member", "outsider"] as const) {
      as(role);
      const calls = [
        actions.regenerateJoinCodeAction(null, { cohortId: x.cohortId }),
        actions.updateCohortAction(null, { cohortId: x.cohortId, name: "n", timeZone: "UTC" }),
        actions.removeMemberAction(null, { cohortId: x.cohortId, userId: ids.spare }),
        actions.addCoInstructorAction(null, { cohortId: x.cohortId, email: `other-${run}@example.test` }),
        actions.saveQuestionSetAction(null, { title: "t", itemIds: bankIds.slice(0, 1) }),
        actions.randomItemsAction(null, { count: 3 }),
        actions.importItemsAction(null, { format: "csv", text: "x", mode: "preview" }),
        actions.deleteAssignmentAction(null, { assignmentId: x.assignmentId, confirm: "delete" }),
      ];
      for (const result of await Promise.all(calls)) expect(result).toEqual({ ok: false, error: "Only instructors can do this." });
    }
    expect(await db.questionSet.count({ where: { ownerId: { in: [ids.member, ids.outsider] } } })).toBe(0);
  });

  it("gives another instructor a not-found for cohort X's ids", async () => {
    as("other");
    expect(await actions.regenerateJoinCodeAction(null, { cohortId: x.cohortId })).toMatchObject({ ok: false });
    expect(await actions.removeMemberAction(null, { cohortId: x.cohortId, userId: ids.member })).toMatchObject({ ok: false });
    expect(await actions.updateAssignmentAction(null, { assignmentId: x.assignmentId, title: "t", opensAt: LOCAL_SOON(-1), dueAt: LOCAL_SOON(2), attemptsAllowed: 1 })).toMatchObject({
      ok: false,
    });
    expect(await actions.retireInstructorItemAction(null, { itemId: x.itemId, retired: "true" })).toMatchObject({ ok: false });
    await expect(actions.createAssignmentAction(null, { cohortId: x.cohortId, setId: y.setId, title: "t", opensAt: LOCAL_SOON(-1), dueAt: LOCAL_SOON(2), mode: "quiz", attemptsAllowed: 1 })).resolves.toMatchObject({ ok: false });
    expect(await db.cohortMember.count({ where: { cohortId: x.cohortId, userId: ids.member } })).toBe(1);
  });

  it("lets a candidate outside the cohort neither leave it nor start its work", async () => {
    as("outsider");
    expect(await actions.leaveCohortAction(null, { cohortId: x.cohortId })).toMatchObject({ ok: false });
    expect(await actions.startAssignmentAction(null, { cohortId: x.cohortId, assignmentId: x.assignmentId })).toMatchObject({ ok: false });
    expect(await actions.markNotificationReadAction(null, { notificationId: x.notificationId })).toEqual({ ok: false, error: "No such notification." });
    expect((await db.notification.findUniqueOrThrow({ where: { id: x.notificationId } })).readAt).toBeNull();
  });

  it("lets the member start their assignment (redirecting to the exam screen)", async () => {
    as("member");
    await expect(actions.startAssignmentAction(null, { cohortId: x.cohortId, assignmentId: x.assignmentId })).rejects.toMatchObject({
      digest: expect.stringMatching(/^NEXT_REDIRECT;.*\/practice\/attempts\//),
    });
  });
});

describe("route handlers with a session", () => {
  const call = async <P>(handler: (r: Request, c: { params: Promise<P> }) => Promise<Response>, params: P, url = "http://test.local/x") => {
    return handler(new Request(url), { params: Promise.resolve(params) });
  };

  it("serves the cohort results CSV to its instructors and 401/403/404 to everyone else", async () => {
    const statuses: Record<string, number> = {};
    session.userId = null;
    statuses.signedOut = (await call(cohortExportRoute, { cohortId: x.cohortId })).status;
    for (const role of ROLES) {
      session.userId = ids[role];
      statuses[role] = (await call(cohortExportRoute, { cohortId: x.cohortId })).status;
    }
    expect(statuses).toEqual({ signedOut: 401, owner: 200, co: 200, other: 404, member: 403, outsider: 403 });
    session.userId = ids.owner;
    const response = await call(cohortExportRoute, { cohortId: x.cohortId });
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename=".+\.csv"$/);
    expect(response.headers.get("content-type")).toMatch(/^text\/csv/);
  });

  it("serves an assignment's answers only under its own cohort", async () => {
    session.userId = ids.owner;
    expect((await call(assignmentExportRoute, { cohortId: x.cohortId, assignmentId: x.assignmentId })).status).toBe(200);
    expect((await call(assignmentExportRoute, { cohortId: y.cohortId, assignmentId: x.assignmentId })).status).toBe(404);
    session.userId = ids.other;
    expect((await call(assignmentExportRoute, { cohortId: x.cohortId, assignmentId: x.assignmentId })).status).toBe(404);
    expect((await call(assignmentExportRoute, { cohortId: y.cohortId, assignmentId: x.assignmentId })).status).toBe(404);
    session.userId = ids.member;
    expect((await call(assignmentExportRoute, { cohortId: x.cohortId, assignmentId: x.assignmentId })).status).toBe(403);
  });

  it("exports a set for its author only", async () => {
    session.userId = ids.owner;
    const ok = await call(setExportRoute, { setId: x.setId }, "http://test.local/x?format=gift");
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain("::");
    expect((await call(setExportRoute, { setId: x.setId }, "http://test.local/x?format=pdf")).status).toBe(400);
    for (const role of ["co", "other"] as const) {
      session.userId = ids[role];
      expect((await call(setExportRoute, { setId: x.setId }, "http://test.local/x?format=csv")).status).toBe(404);
    }
  });

  it("answers the JSON API by role: instructors get the grid, the member their own work, others 404", async () => {
    const get = async (role: RoleName) => {
      session.userId = ids[role];
      const response = await call(cohortApi, { cohortId: x.cohortId });
      return { status: response.status, body: (await response.json()) as { role?: string; members?: unknown[] } };
    };
    const owner = await get("owner");
    expect(owner.status).toBe(200);
    expect(owner.body.role).toBe("owner");
    expect(owner.body.members).toHaveLength(2);
    expect((await get("co")).body.role).toBe("co-instructor");
    const member = await get("member");
    expect(member.status).toBe(200);
    expect(member.body.role).toBe("member");
    expect(member.body).not.toHaveProperty("members");
    expect((await get("other")).status).toBe(404);
    expect((await get("outsider")).status).toBe(404);

    session.userId = ids.other;
    expect((await call(assignmentApi, { cohortId: x.cohortId, assignmentId: x.assignmentId })).status).toBe(404);
    session.userId = ids.member;
    expect((await call(assignmentApi, { cohortId: x.cohortId, assignmentId: x.assignmentId })).status).toBe(404);
    session.userId = ids.co;
    expect((await call(assignmentApi, { cohortId: x.cohortId, assignmentId: x.assignmentId })).status).toBe(200);

    session.userId = ids.outsider;
    const list = (await (await cohortsApi(new Request("http://test.local/api/v1/cohorts"), undefined as never)).json()) as { member: { id: string }[]; teaching: unknown[] };
    expect(list.member.map((c) => c.id)).not.toContain(x.cohortId);
    expect(list.teaching).toEqual([]);
  });
});
