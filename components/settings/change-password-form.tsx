"use client";

import { signIn } from "next-auth/react";
import { useActionState, useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { changeOwnPassword } from "@/lib/auth/actions";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/validation";

/**
 * Changing the password ends every session of the account (a stolen cookie
 * stops working); this browser then signs in again with the new password,
 * so only the other devices are signed out.
 */
export function ChangePasswordForm() {
  const [values, setValues] = useState({ currentPassword: "", newPassword: "" });
  const [result, formAction, pending] = useActionState(changeOwnPassword, null);
  const [status, setStatus] = useState<"idle" | "signing-in" | "done" | "signed-out">("idle");

  useEffect(() => {
    if (!result?.ok) return;
    setStatus("signing-in");
    void signIn("credentials", { email: result.data.email, password: values.newPassword, redirect: false }).then((r) => {
      setStatus(r?.ok && !r.error ? "done" : "signed-out");
      setValues({ currentPassword: "", newPassword: "" });
    });
    // Only a new result signs in again.
  }, [result]);

  const errors = result && !result.ok ? (result.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} className="mt-4 max-w-md space-y-4" noValidate>
      {status === "done" && result?.ok && <Alert tone="success">{result.message}</Alert>}
      {status === "signed-out" && <Alert tone="error">Your password was changed, but signing in again failed. Sign in with the new password.</Alert>}
      {result && !result.ok && !result.fieldErrors && <Alert tone="error">{result.error}</Alert>}
      <Field
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        value={values.currentPassword}
        onChange={(e) => setValues({ ...values, currentPassword: e.target.value })}
        error={errors.currentPassword}
      />
      <Field
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        minLength={PASSWORD_MIN_LENGTH}
        value={values.newPassword}
        onChange={(e) => setValues({ ...values, newPassword: e.target.value })}
        error={errors.newPassword}
        hint={`At least ${PASSWORD_MIN_LENGTH} characters. A short sentence works well.`}
      />
      <Button type="submit" disabled={pending || status === "signing-in"}>
        {pending || status === "signing-in" ? "Changing…" : "Change password"}
      </Button>
    </form>
  );
}
