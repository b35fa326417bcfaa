"use client";

import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { changeOwnEmail } from "@/lib/auth/actions";

/** The email changes only when the link sent to the new address is opened. */
export function ChangeEmailForm() {
  const [values, setValues] = useState({ newEmail: "", currentPassword: "" });
  const [result, formAction, pending] = useActionState(changeOwnEmail, null);
  const errors = result && !result.ok ? (result.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} className="mt-4 max-w-md space-y-4" noValidate>
      {result?.ok && <Alert tone="success">{result.message}</Alert>}
      {result && !result.ok && !result.fieldErrors && <Alert tone="error">{result.error}</Alert>}
      <Field
        label="New email"
        name="newEmail"
        type="email"
        autoComplete="email"
        value={values.newEmail}
        onChange={(e) => setValues({ ...values, newEmail: e.target.value })}
        error={errors.newEmail}
      />
      <Field
        label="Current password"
        id="field-email-currentPassword"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        value={values.currentPassword}
        onChange={(e) => setValues({ ...values, currentPassword: e.target.value })}
        error={errors.currentPassword}
      />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Sending…" : "Send confirmation link"}
      </Button>
    </form>
  );
}
