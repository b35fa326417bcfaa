"use client";

import { useActionState, useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { TimeZoneSelect } from "@/components/ui/time-zone-select";
import { updateSettings } from "@/lib/auth/actions";

type Values = { name: string; timeZone: string; examDate: string };

export function SettingsForm({ initial, zones }: { initial: Values; zones: string[] }) {
  const [values, setValues] = useState(initial);
  const [result, formAction, pending] = useActionState(updateSettings, null);
  const [browserZone, setBrowserZone] = useState<string>();

  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    setBrowserZone(zone);
    // Accounts created without a browser zone (e.g. through OAuth) start on
    // UTC; suggest the device's zone until the learner picks one.
    if (initial.timeZone === "UTC" && zone && zone !== "UTC" && zones.includes(zone)) setValues((v) => ({ ...v, timeZone: zone }));
  }, [initial.timeZone, zones]);

  const errors = result && !result.ok ? (result.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} className="mt-4 max-w-md space-y-4" noValidate>
      {result?.ok && <Alert tone="success">{result.message}</Alert>}
      {result && !result.ok && !result.fieldErrors && <Alert tone="error">{result.error}</Alert>}
      <Field
        label="Display name"
        name="name"
        autoComplete="name"
        value={values.name}
        onChange={(e) => setValues({ ...values, name: e.target.value })}
        error={errors.name}
      />
      <TimeZoneSelect
        value={values.timeZone}
        zones={zones}
        onChange={(timeZone) => setValues({ ...values, timeZone })}
        error={errors.timeZone}
        hint={browserZone ? `This device is set to ${browserZone}. Your review day starts by this zone.` : "Your review day starts by this zone."}
      />
      <Field
        label="Exam date (optional)"
        name="examDate"
        type="date"
        value={values.examDate}
        onChange={(e) => setValues({ ...values, examDate: e.target.value })}
        error={errors.examDate}
        hint="Used for your countdown and daily pace. Leave empty if you have not booked yet."
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save settings"}
      </Button>
    </form>
  );
}
