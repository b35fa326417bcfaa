"use client";

import { useActionState } from "react";
import { ActionButton } from "@/components/cohorts/action-button";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { addCoInstructorAction, removeCoInstructorAction } from "@/lib/cohorts/actions";

type Instructor = { userId: string; role: string; name: string | null; email: string };

/** Who teaches the cohort; the owner can add and remove co-instructors. */
export function CoInstructors({ cohortId, instructors, isOwner }: { cohortId: string; instructors: Instructor[]; isOwner: boolean }) {
  const [result, formAction, pending] = useActionState(addCoInstructorAction, null);
  return (
    <div className="space-y-4">
      <ul className="divide-y divide-stone-200 rounded-2xl border border-stone-200 bg-white dark:divide-stone-800 dark:border-stone-800 dark:bg-stone-900">
        {instructors.map((i) => (
          <li key={i.userId} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
            <span className="min-w-0">
              <span className="block font-medium">{i.name ?? i.email}</span>
              <span className="block break-all text-sm text-stone-600 dark:text-stone-400">
                {i.email} · {i.role === "owner" ? "Owner" : "Co-instructor"}
              </span>
            </span>
            {isOwner && i.role !== "owner" && (
              <ActionButton
                action={removeCoInstructorAction}
                input={{ cohortId, userId: i.userId }}
                label="Remove"
                pendingLabel="Removing…"
                confirm={`Remove ${i.name ?? i.email} as co-instructor?`}
                variant="ghost"
              />
            )}
          </li>
        ))}
      </ul>
      {isOwner ? (
        <form action={formAction} className="max-w-md space-y-3" noValidate>
          <input type="hidden" name="cohortId" value={cohortId} />
          {result?.ok && <Alert tone="success">{result.message}</Alert>}
          {result && !result.ok && !result.fieldErrors && <Alert tone="error">{result.error}</Alert>}
          <Field
            label="Add a co-instructor by email"
            name="email"
            type="email"
            autoComplete="off"
            error={result && !result.ok ? result.fieldErrors?.email : undefined}
            hint="They need an instructor account. Co-instructors see the cohort's members and results and can assign work, but cannot add instructors or delete the cohort."
          />
          <Button type="submit" variant="secondary" disabled={pending}>
            {pending ? "Adding…" : "Add co-instructor"}
          </Button>
        </form>
      ) : (
        <p className="text-sm text-stone-600 dark:text-stone-400">Only the owner can add or remove co-instructors.</p>
      )}
    </div>
  );
}
