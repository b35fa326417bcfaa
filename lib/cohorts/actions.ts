"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { authedAction, type ActionResult } from "@/lib/actions";
import { canTeach } from "@/lib/auth/roles";
import type { CurrentUser } from "@/lib/auth/users";
import { deleteAssignment, createAssignment, startAssignmentAttempt, updateAssignment } from "./assignments";
import { addCoInstructor, createCohort, deleteCohort, leaveTeaching, regenerateJoinCode, removeCoInstructor, updateCohort } from "./cohorts";
import { bulkMetadataSchema, deleteDraft, draftItemSchema, importDrafts, publishDraft, setDraftsMetadata, updateDraft, type DraftImportOutcome } from "./drafts";
import type { DraftItem } from "./formats/draft";
import { createInstructorItem, importInstructorItems, setInstructorItemRetired, updateInstructorItem, type ImportOutcome } from "./instructor-items";
import { joinCohort, leaveCohort, removeMember } from "./members";
import { markAllNotificationsRead, markNotificationRead } from "./notifications";
import { createQuestionSet, deleteQuestionSet, pickByBlueprint, updateQuestionSet } from "./question-sets";
import {
  assignmentIdSchema,
  assignmentSchema,
  assignmentUpdateSchema,
  coInstructorSchema,
  draftImportSchema,
  cohortIdSchema,
  cohortSchema,
  cohortUpdateSchema,
  importSchema,
  itemId,
  joinSchema,
  memberSchema,
  notificationIdSchema,
  questionSetSchema,
  randomSetSchema,
  recordId,
} from "./validation";
import type { InstructorItemInput } from "./formats/schema";

const NOT_FOUND = "We could not find that, or you do not have access to it.";
const INSTRUCTORS_ONLY = "Only instructors can do this.";

/** An action for instructors and admins; others get an error value, never the data. */
function teachAction<S extends z.ZodType, T>(schema: S, fn: (input: z.infer<S>, user: CurrentUser) => Promise<ActionResult<T>>) {
  return authedAction(schema, async (input, user) => {
    if (!canTeach(user.role)) return { ok: false, error: INSTRUCTORS_ONLY };
    return fn(input, user);
  });
}

const refreshTeach = () => revalidatePath("/teach", "layout");
const refreshCohorts = () => {
  revalidatePath("/cohorts", "layout");
  revalidatePath("/dashboard");
  revalidatePath("/notifications");
};

// ───────────── Cohorts (instructors) ─────────────

export const createCohortAction = teachAction(cohortSchema, async (input, user) => {
  const cohort = await createCohort(user.id, input);
  refreshTeach();
  redirect(`/teach/cohorts/${cohort.id}?created=1`);
});

export const updateCohortAction = teachAction(cohortUpdateSchema, async ({ cohortId, ...input }, user) => {
  if (!(await updateCohort(user.id, cohortId, input))) return { ok: false, error: NOT_FOUND };
  refreshTeach();
  return { ok: true, data: undefined, message: "Cohort details saved." };
});

export const regenerateJoinCodeAction = teachAction(cohortIdSchema, async ({ cohortId }, user) => {
  const code = await regenerateJoinCode(user.id, cohortId);
  if (!code) return { ok: false, error: NOT_FOUND };
  refreshTeach();
  return { ok: true, data: { code }, message: "New join code ready. The old code and link no longer work." };
});

export const deleteCohortAction = teachAction(cohortIdSchema.extend({ confirm: z.literal("delete", { message: "Type delete to confirm" }) }), async ({ cohortId }, user) => {
  if (!(await deleteCohort(user.id, cohortId))) return { ok: false, error: "Only the cohort's owner can delete it." };
  refreshTeach();
  redirect("/teach?deleted=1");
});

export const addCoInstructorAction = teachAction(coInstructorSchema, async ({ cohortId, email }, user) => {
  const result = await addCoInstructor(user.id, cohortId, email);
  if (!result.ok) {
    const error = {
      "not-found": "Only the cohort's owner can add co-instructors.",
      "no-such-instructor": "There is no instructor account with that email. Ask an administrator to make their account an instructor account first.",
      already: "That instructor already teaches this cohort.",
    }[result.reason];
    return { ok: false, error, fieldErrors: result.reason === "not-found" ? undefined : { email: error } };
  }
  refreshTeach();
  return { ok: true, data: undefined, message: `${result.name ?? result.email} can now see and manage this cohort.` };
});

export const removeCoInstructorAction = teachAction(memberSchema, async ({ cohortId, userId }, user) => {
  if (!(await removeCoInstructor(user.id, cohortId, userId))) return { ok: false, error: "Only the cohort's owner can remove co-instructors." };
  refreshTeach();
  return { ok: true, data: undefined, message: "Co-instructor removed." };
});

export const leaveTeachingAction = teachAction(cohortIdSchema, async ({ cohortId }, user) => {
  if (!(await leaveTeaching(user.id, cohortId))) return { ok: false, error: NOT_FOUND };
  refreshTeach();
  redirect("/teach");
});

export const removeMemberAction = teachAction(memberSchema, async ({ cohortId, userId }, user) => {
  if (!(await removeMember(user.id, cohortId, userId))) return { ok: false, error: NOT_FOUND };
  refreshTeach();
  return { ok: true, data: undefined, message: "Member removed from the cohort." };
});

// ───────────── Assignments (instructors) ─────────────

export const createAssignmentAction = teachAction(assignmentSchema, async (input, user) => {
  const result = await createAssignment(user.id, input);
  if (!result.ok) {
    if (result.reason === "due-in-past") return { ok: false, error: "The due date has already passed.", fieldErrors: { dueAt: "Choose a due date in the future" } };
    if (result.reason === "set-empty") return { ok: false, error: "That set has no items left to serve (all are retired).", fieldErrors: { setId: "Choose a set with live items" } };
    if (result.reason === "set-not-found") return { ok: false, error: "Choose one of your question sets.", fieldErrors: { setId: "Choose one of your question sets" } };
    return { ok: false, error: NOT_FOUND };
  }
  refreshTeach();
  refreshCohorts();
  redirect(`/teach/cohorts/${input.cohortId}?assigned=${result.notified}`);
});

export const updateAssignmentAction = teachAction(assignmentUpdateSchema, async (input, user) => {
  if (!(await updateAssignment(user.id, input))) return { ok: false, error: NOT_FOUND };
  refreshTeach();
  refreshCohorts();
  return { ok: true, data: undefined, message: "Assignment saved." };
});

export const deleteAssignmentAction = teachAction(assignmentIdSchema.extend({ confirm: z.literal("delete", { message: "Type delete to confirm" }) }), async ({ assignmentId }, user) => {
  const deleted = await deleteAssignment(user.id, assignmentId);
  if (!deleted) return { ok: false, error: NOT_FOUND };
  refreshTeach();
  refreshCohorts();
  redirect(`/teach/cohorts/${deleted.cohortId}`);
});

// ───────────── Question sets and items (instructors) ─────────────

export const saveQuestionSetAction = teachAction(questionSetSchema.extend({ setId: recordId.optional() }), async ({ setId, ...input }, user) => {
  const result = setId ? await updateQuestionSet(user.id, setId, input) : await createQuestionSet(user.id, input);
  if (!result.ok) {
    if (result.reason === "unknown-items")
      return { ok: false, error: `Some items are no longer available (${result.unknown.slice(0, 5).join(", ")}${result.unknown.length > 5 ? "…" : ""}). Remove them and save again.` };
    return { ok: false, error: NOT_FOUND };
  }
  refreshTeach();
  return { ok: true, data: { setId: result.setId }, message: "Question set saved." };
});

export const deleteQuestionSetAction = teachAction(z.object({ setId: recordId }), async ({ setId }, user) => {
  const result = await deleteQuestionSet(user.id, setId);
  if (!result.ok)
    return { ok: false, error: result.reason === "assigned" ? "This set is assigned to a cohort; delete those assignments first (that deletes their results)." : NOT_FOUND };
  refreshTeach();
  redirect("/teach/sets");
});

export const randomItemsAction = teachAction(randomSetSchema, async ({ count, exclude }, user) => {
  const ids = await pickByBlueprint(user.id, count, exclude);
  if (ids.length === 0) return { ok: false, error: "No more items are available to add." };
  return { ok: true, data: { itemIds: ids }, message: ids.length < count ? `Only ${ids.length} more items were available.` : undefined };
});

export const saveInstructorItemAction = teachAction(z.object({ itemId: itemId.optional(), item: z.looseObject({}) }), async ({ itemId, item }, user) => {
  const input = item as InstructorItemInput;
  const result = itemId ? await updateInstructorItem(user.id, itemId, input) : await createInstructorItem(user, input);
  if (!result.ok) {
    if ("notFound" in result) return { ok: false, error: NOT_FOUND };
    return { ok: false, error: result.problems.length === 1 ? `Please fix this: ${result.problems[0]}` : `Please fix these: ${result.problems.join("; ")}`, fieldErrors: result.fieldErrors };
  }
  refreshTeach();
  return { ok: true, data: { itemId: result.itemId }, message: "Item saved. It passed the same checks as the bank's items." };
});

export const retireInstructorItemAction = teachAction(z.object({ itemId, retired: z.coerce.boolean() }), async ({ itemId, retired }, user) => {
  if (!(await setInstructorItemRetired(user.id, itemId, retired))) return { ok: false, error: NOT_FOUND };
  refreshTeach();
  return { ok: true, data: undefined, message: retired ? "Item retired: it will not be served in new attempts." : "Item restored." };
});

export const importItemsAction = teachAction(importSchema, async (input, user): Promise<ActionResult<ImportOutcome>> => {
  const outcome = await importInstructorItems(user, input);
  if (!outcome.ok && outcome.reason === "nothing-valid") return { ok: false, error: "No row of this file is a valid item, so nothing was imported." };
  if (!outcome.ok && outcome.reason === "unreadable") return { ok: false, error: outcome.message };
  if ("imported" in outcome) refreshTeach();
  return { ok: true, data: outcome };
});

// ───────────── Drafts (imported questions) ─────────────

export const importDraftsAction = teachAction(draftImportSchema, async (input, user): Promise<ActionResult<DraftImportOutcome>> => {
  const outcome = await importDrafts(user.id, input);
  if (!outcome.ok && outcome.reason !== "nothing") return { ok: false, error: outcome.message };
  if (outcome.ok && "imported" in outcome) refreshTeach();
  return { ok: true, data: outcome };
});

export const updateDraftAction = teachAction(z.object({ draftId: recordId, draft: draftItemSchema }), async ({ draftId, draft }, user) => {
  const saved = await updateDraft(user.id, draftId, draft as DraftItem);
  if (!saved.ok) return { ok: false, error: saved.error === "not-found" ? NOT_FOUND : saved.error };
  refreshTeach();
  return { ok: true, data: { warnings: saved.warnings }, message: saved.warnings.length === 0 ? "Draft saved. It passes the instructors' checks." : `Draft saved with ${saved.warnings.length} warning${saved.warnings.length === 1 ? "" : "s"}.` };
});

export const bulkDraftMetadataAction = teachAction(bulkMetadataSchema.extend({ draftIds: z.array(recordId).min(1, "Choose at least one draft").max(5_000) }), async ({ draftIds, ...metadata }, user) => {
  const changed = await setDraftsMetadata(user.id, draftIds, metadata);
  refreshTeach();
  return { ok: true, data: { changed }, message: `Updated ${changed} draft${changed === 1 ? "" : "s"}.` };
});

export const publishDraftAction = teachAction(z.object({ draftId: recordId, asIs: z.boolean() }), async ({ draftId, asIs }, user) => {
  const result = await publishDraft(user, draftId, asIs);
  if (!result.ok) return { ok: false, error: result.reason === "not-found" ? NOT_FOUND : `${result.reason === "blocked" ? "This draft cannot become an item yet" : "This draft has warnings"}: ${result.problems.join("; ")}` };
  refreshTeach();
  return { ok: true, data: result, message: "Published: the item can now be put in sets and assigned." };
});

export const deleteDraftAction = teachAction(z.object({ draftId: recordId }), async ({ draftId }, user) => {
  if (!(await deleteDraft(user.id, draftId))) return { ok: false, error: NOT_FOUND };
  refreshTeach();
  return { ok: true, data: undefined, message: "Draft deleted." };
});

// ───────────── Candidates ─────────────

export const joinCohortAction = authedAction(joinSchema, async ({ code }, user) => {
  const result = await joinCohort(user.id, code);
  if (!result.ok) {
    const error = {
      "invalid-code": "A join code has 8 letters and digits, like KM4P-7QRW.",
      "unknown-code": "No cohort has this code. It may have been replaced: ask your instructor for the current one.",
      instructor: "You teach this cohort, so you cannot join it as a member.",
    }[result.reason];
    return { ok: false, error, fieldErrors: { code: error } };
  }
  refreshCohorts();
  redirect(`/cohorts/${result.cohortId}${result.alreadyMember ? "" : "?joined=1"}`);
});

export const leaveCohortAction = authedAction(cohortIdSchema, async ({ cohortId }, user) => {
  if (!(await leaveCohort(user.id, cohortId))) return { ok: false, error: NOT_FOUND };
  refreshCohorts();
  redirect("/cohorts?left=1");
});

export const startAssignmentAction = authedAction(assignmentIdSchema.extend({ cohortId: recordId }), async ({ assignmentId }, user) => {
  const result = await startAssignmentAttempt(user.id, assignmentId);
  if (!result.ok) {
    const error = {
      "not-found": NOT_FOUND,
      "not-open": "This assignment has not opened yet.",
      "no-attempts-left": "You have used all the attempts this assignment allows.",
      empty: "This assignment has no questions to serve. Let your instructor know.",
    }[result.reason];
    return { ok: false, error };
  }
  refreshCohorts();
  // The attempt runs on the exam engine's full-screen route; its report is reachable from the assignment.
  redirect(`/practice/attempts/${result.attemptId}`);
});

export const markNotificationReadAction = authedAction(notificationIdSchema, async ({ notificationId }, user) => {
  if (!(await markNotificationRead(user.id, notificationId))) return { ok: false, error: "No such notification." };
  revalidatePath("/notifications");
  return { ok: true, data: undefined };
});

export const markAllNotificationsReadAction = authedAction(z.object({}), async (_input, user) => {
  const count = await markAllNotificationsRead(user.id);
  revalidatePath("/notifications");
  return { ok: true, data: undefined, message: count ? `Marked ${count} as read.` : "Nothing unread." };
});
