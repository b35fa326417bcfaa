"use client";

import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { ActionResult } from "@/lib/actions";

/** A destructive action that needs the word "delete" typed first. */
export function DeleteForm({
  action,
  hidden,
  label,
}: {
  action: (previous: ActionResult<unknown> | null, input: FormData) => Promise<ActionResult<unknown>>;
  hidden: Record<string, string>;
  label: string;
}) {
  const [confirm, setConfirm] = useState("");
  const [result, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="max-w-md space-y-3" noValidate>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {result && !result.ok && <Alert tone="error">{result.error}</Alert>}
      <Field label='Type "delete" to confirm' name="confirm" autoComplete="off" value={confirm} onChange={(e) => setConfirm(e.target.value)} />
      <Button type="submit" variant="danger" disabled={pending || confirm.trim() !== "delete"}>
        {pending ? "Deleting…" : label}
      </Button>
    </form>
  );
}
