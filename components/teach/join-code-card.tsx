"use client";

import { useEffect, useState } from "react";
import { ActionButton } from "@/components/cohorts/action-button";
import { Button } from "@/components/ui/button";
import { regenerateJoinCodeAction } from "@/lib/cohorts/actions";

function CopyButton({ text, label }: { text: string; label: string }) {
  const [copied, setCopied] = useState<boolean | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      setCopied(false);
    }
    setTimeout(() => setCopied(null), 2500);
  }
  return (
    <>
      <Button type="button" variant="secondary" onClick={() => void copy()}>
        {label}
      </Button>
      <span aria-live="polite" className="sr-only">
        {copied === true ? "Copied" : copied === false ? "Could not copy; select the text instead" : ""}
      </span>
      {copied !== null && (
        <span aria-hidden="true" className="text-sm text-stone-600 dark:text-stone-400">
          {copied ? "Copied" : "Select and copy the text instead"}
        </span>
      )}
    </>
  );
}

/**
 * The cohort's join code and link, ready to share, with a way to replace
 * them when they have leaked (the old ones stop working at once).
 */
export function JoinCodeCard({ cohortId, code, displayCode }: { cohortId: string; code: string; displayCode: string }) {
  const path = `/join/${code}`;
  const [link, setLink] = useState(path);
  useEffect(() => setLink(`${window.location.origin}${path}`), [path]);
  return (
    <section aria-labelledby="join-code-heading" className="h-fit self-start rounded-2xl border border-stone-200 bg-white p-5 dark:border-stone-800 dark:bg-stone-900">
      <h2 id="join-code-heading" className="text-lg font-semibold">
        Invite candidates
      </h2>
      <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">Candidates join with the code (under Cohorts) or by opening the link.</p>
      <p className="mt-3 font-mono text-3xl font-bold tracking-widest" data-testid="join-code">
        {displayCode}
      </p>
      <p className="mt-2 break-all rounded-lg bg-stone-100 px-3 py-2 font-mono text-sm dark:bg-stone-800" data-testid="join-link">
        {link}
      </p>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <CopyButton text={displayCode} label="Copy code" />
        <CopyButton text={link} label="Copy link" />
      </div>
      <div className="mt-4 border-t border-stone-200 pt-4 dark:border-stone-800">
        <ActionButton
          action={regenerateJoinCodeAction}
          input={{ cohortId }}
          label="New code"
          pendingLabel="Making a new code…"
          confirm="Replace the code? The current code and link will stop working."
          variant="ghost"
        />
      </div>
    </section>
  );
}
