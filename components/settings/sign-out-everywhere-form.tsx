"use client";

import { signOut } from "@/lib/auth/client";
import { useActionState, useEffect } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { signOutEverywhere } from "@/lib/auth/actions";

/** Ends every session of the account (other phones, a shared computer, a copied cookie), this one included. */
export function SignOutEverywhereForm() {
  const [result, formAction, pending] = useActionState(signOutEverywhere, null);

  useEffect(() => {
    // This device keeps none of the account's data: review queue, waiting grades, kept pages.
    if (result?.ok) void import("@/lib/pwa/sign-out").then(({ clearDevice }) => clearDevice()).then(() => signOut({ callbackUrl: "/signin" }));
  }, [result]);

  return (
    <form action={formAction} className="mt-4 space-y-4">
      {result && !result.ok && <Alert tone="error">{result.error}</Alert>}
      <Button type="submit" variant="secondary" disabled={pending || result?.ok === true}>
        {pending ? "Signing out…" : "Sign out everywhere"}
      </Button>
    </form>
  );
}
