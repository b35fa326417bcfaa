"use client";

import { signOut } from "@/lib/auth/client";
import { useActionState, useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { deleteAccount } from "@/lib/auth/actions";

export function DeleteAccountForm({ email }: { email: string }) {
  const [confirm, setConfirm] = useState("");
  const [result, formAction, pending] = useActionState(deleteAccount, null);

  useEffect(() => {
    // This device keeps none of the account's data: review queue, waiting grades, kept pages.
    if (result?.ok) void import("@/lib/pwa/sign-out").then(({ clearDevice }) => clearDevice()).then(() => signOut({ callbackUrl: "/?deleted=1" }));
  }, [result]);

  const errors = result && !result.ok ? (result.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} className="mt-4 max-w-md space-y-4" noValidate>
      {result?.ok && <Alert tone="success">{result.message}</Alert>}
      {result && !result.ok && !result.fieldErrors && <Alert tone="error">{result.error}</Alert>}
      <Field
        label={`Type ${email} to confirm`}
        name="confirmEmail"
        autoComplete="off"
        value={confirm}
        onChange={(e) => setConfirm(e.target.value)}
        error={errors.confirmEmail}
      />
      <Button type="submit" variant="danger" disabled={pending || confirm.trim().toLowerCase() !== email}>
        {pending ? "Deleting…" : "Delete my account"}
      </Button>
    </form>
  );
}
