"use client";

import { useActionState, useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { TimeZoneSelect } from "@/components/ui/time-zone-select";
import { createCohortAction, updateCohortAction } from "@/lib/cohorts/actions";

type Values = { name: string; description: string; examDate: string; timeZone: string };

/** Create a cohort, or edit one when `cohortId` is given. */
export function CohortForm({ initial, zones, cohortId }: { initial: Values; zones: string[]; cohortId?: string }) {
  const [values, setValues] = useState(initial);
  // Creating redirects to the new cohort, so only the edit form ever sees a success value.
  const [result, formAction, pending] = useActionState((cohortId ? updateCohortAction : createCohortAction) as typeof updateCohortAction, null);

  useEffect(() => {
    // A new cohort starts in the instructor's device zone when their profile still says UTC.
    if (cohortId || initial.timeZone !== "UTC") return;
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && zones.includes(zone)) setValues((v) => ({ ...v, timeZone: zone }));
  }, [cohortId, initial.timeZone, zones]);

  const errors = result && !result.ok ? (result.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} className="max-w-xl space-y-4" noValidate>
      {result?.ok && result.message && <Alert tone="success">{result.message}</Alert>}
      {result && !result.ok && !result.fieldErrors && <Alert tone="error">{result.error}</Alert>}
      {cohortId && <input type="hidden" name="cohortId" value={cohortId} />}
      <Field label="Name" name="name" value={values.name} onChange={(e) => setValues({ ...values, name: e.target.value })} error={errors.name} required maxLength={80} />
      <Field label="Description (optional)" name="description" error={errors.description} hint="What the group is for, when it meets. Members see this.">
        <textarea
          id="field-description"
          name="description"
          rows={3}
          maxLength={500}
          value={values.description}
          onChange={(e) => setValues({ ...values, description: e.target.value })}
          aria-describedby="field-description-hint"
          className={inputClass(!!errors.description)}
        />
      </Field>
      <Field
        label="Exam date (optional)"
        name="examDate"
        type="date"
        value={values.examDate}
        onChange={(e) => setValues({ ...values, examDate: e.target.value })}
        error={errors.examDate}
        hint="The testing week the group is aiming for."
      />
      <TimeZoneSelect
        value={values.timeZone}
        zones={zones}
        onChange={(timeZone) => setValues({ ...values, timeZone })}
        error={errors.timeZone}
        hint={`Assignment open and due dates are set in this zone. Members also see them in their own zone.${cohortId ? " Changing it does not move dates already set." : ""}`}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : cohortId ? "Save changes" : "Create cohort"}
      </Button>
    </form>
  );
}
