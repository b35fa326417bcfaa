"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions";

type Variant = "primary" | "secondary" | "danger" | "ghost";

/**
 * A button that runs one server action with a fixed input. With `confirm`,
 * the first press asks for a second, explicit press (no browser dialogs),
 * and Cancel puts things back. The outcome is announced next to it.
 */
export function ActionButton<I extends Record<string, unknown>>({
  action,
  input,
  label,
  pendingLabel,
  confirm,
  variant = "secondary",
  className = "",
}: {
  action: (previous: null, input: I) => Promise<ActionResult<unknown>>;
  input: I;
  label: string;
  pendingLabel?: string;
  /** The question asked before acting, e.g. "Remove Dana from this cohort?" */
  confirm?: string;
  variant?: Variant;
  className?: string;
}) {
  const router = useRouter();
  const [asking, setAsking] = useState(false);
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);

  function run() {
    setAsking(false);
    startTransition(async () => {
      const result = await action(null, input).catch(() => null);
      if (!result) return setOutcome({ ok: false, text: "That did not go through. Check your connection and try again." });
      if (!result.ok) return setOutcome({ ok: false, text: result.error });
      setOutcome(result.message ? { ok: true, text: result.message } : null);
      router.refresh();
    });
  }

  return (
    <span className={`inline-flex flex-wrap items-center gap-2 ${className}`}>
      {asking ? (
        <span role="group" aria-label={confirm} className="inline-flex flex-wrap items-center gap-2">
          <span className="text-sm font-medium">{confirm}</span>
          <Button type="button" variant={variant === "danger" ? "danger" : "primary"} onClick={run} autoFocus>
            Yes, {label.toLowerCase()}
          </Button>
          <Button type="button" variant="ghost" onClick={() => setAsking(false)}>
            Cancel
          </Button>
        </span>
      ) : (
        <Button type="button" variant={variant} disabled={pending} onClick={() => (confirm ? setAsking(true) : run())}>
          {pending ? (pendingLabel ?? "Working…") : label}
        </Button>
      )}
      <span aria-live="polite" className={`text-sm ${outcome?.ok ? "text-emerald-800 dark:text-emerald-300" : "text-red-700 dark:text-red-400"}`}>
        {outcome?.text}
      </span>
    </span>
  );
}
