"use client";

import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { forgotPassword } from "@/lib/auth/actions";

export function ForgotPasswordForm() {
  const [email, setEmail] = useState("");
  const [result, formAction, pending] = useActionState(forgotPassword, null);
  const errors = result && !result.ok ? (result.fieldErrors ?? {}) : {};
  if (result?.ok) return <Alert tone="success">{result.message}</Alert>;
  return (
    <form action={formAction} className="mt-6 space-y-4" noValidate>
      {result && !result.ok && !result.fieldErrors && <Alert tone="error">{result.error}</Alert>}
      <Field label="Email" name="email" type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} error={errors.email} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Sending…" : "Send me a reset link"}
      </Button>
    </form>
  );
}
