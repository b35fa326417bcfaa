"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { joinCohortAction } from "@/lib/cohorts/actions";

/** Join a cohort by its code; with `code` set (a join link), only the button shows. */
export function JoinForm({ code, buttonLabel = "Join cohort" }: { code?: string; buttonLabel?: string }) {
  const [result, formAction, pending] = useActionState(joinCohortAction, null);
  const error = result && !result.ok ? (result.fieldErrors?.code ?? result.error) : undefined;
  return (
    <form action={formAction} className="space-y-3" noValidate>
      {code ? (
        <>
          <input type="hidden" name="code" value={code} />
          {error && <Alert tone="error">{error}</Alert>}
        </>
      ) : (
        <Field
          label="Join code"
          name="code"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          placeholder="KM4P-7QRW"
          hint="Eight letters and digits from your instructor. Dashes, spaces and lower case are fine, and so is the whole join link."
          error={error}
          required
        />
      )}
      <Button type="submit" disabled={pending}>
        {pending ? "Joining…" : buttonLabel}
      </Button>
    </form>
  );
}
