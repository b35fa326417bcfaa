"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { resetPasswordWithToken } from "@/lib/auth/actions";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/validation";

export function ResetPasswordForm({ token }: { token: string }) {
  const [password, setPassword] = useState("");
  const [result, formAction, pending] = useActionState(resetPasswordWithToken, null);
  const errors = result && !result.ok ? (result.fieldErrors ?? {}) : {};
  if (result?.ok) {
    return (
      <div className="mt-6 space-y-4">
        <Alert tone="success">{result.message}</Alert>
        <Link href="/signin" className="font-semibold text-brand-700 underline underline-offset-2 dark:text-brand-300">
          Sign in
        </Link>
      </div>
    );
  }
  return (
    <form action={formAction} className="mt-6 space-y-4" noValidate>
      {result && !result.ok && !result.fieldErrors && <Alert tone="error">{result.error}</Alert>}
      <input type="hidden" name="token" value={token} />
      <Field
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN_LENGTH}
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={errors.password}
        hint={`At least ${PASSWORD_MIN_LENGTH} characters. A short sentence works well.`}
      />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Saving…" : "Set new password"}
      </Button>
    </form>
  );
}
