"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { startAssignmentAction } from "@/lib/cohorts/actions";

export function StartAssignmentButton({ cohortId, assignmentId, label }: { cohortId: string; assignmentId: string; label: string }) {
  const [result, formAction, pending] = useActionState(startAssignmentAction, null);
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="cohortId" value={cohortId} />
      <input type="hidden" name="assignmentId" value={assignmentId} />
      {result && !result.ok && <Alert tone="error">{result.error}</Alert>}
      <Button type="submit" disabled={pending}>
        {pending ? "Starting…" : label}
      </Button>
    </form>
  );
}
