"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { confirmNewEmail } from "@/lib/auth/actions";

/** A button rather than a confirmation on page load: mail scanners that open links must not use them up. */
export function ConfirmEmailForm({ token }: { token: string }) {
  const [result, formAction, pending] = useActionState(confirmNewEmail, null);
  if (result?.ok) return <Alert tone="success">{result.message}</Alert>;
  return (
    <form action={formAction} className="mt-6 space-y-4">
      {result && !result.ok && <Alert tone="error">{result.error}</Alert>}
      <input type="hidden" name="token" value={token} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Confirming…" : "Confirm my new email"}
      </Button>
    </form>
  );
}
