"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { deleteDraftAction, publishDraftAction, updateDraftAction } from "@/lib/cohorts/actions";
import type { DraftItem } from "@/lib/cohorts/formats/draft";

const LETTERS = ["A", "B", "C", "D", "E", "F"];

/**
 * Edits one draft: every field of an item, with 2–6 options. Saving
 * recomputes the warnings; publishing makes it an item (strictly, or as is
 * when only the bank's lint and cue warnings remain).
 */
export function DraftEditor({ draftId, initial, warnings: initialWarnings, blockers }: { draftId: string; initial: DraftItem; warnings: string[]; blockers: string[] }) {
  const router = useRouter();
  const [draft, setDraft] = useState<DraftItem>(initial);
  const [concepts, setConcepts] = useState(initial.concepts.join("; "));
  const [warnings, setWarnings] = useState(initialWarnings);
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [dirty, setDirty] = useState(false);
  const [pending, startTransition] = useTransition();
  const edit = (patch: Partial<DraftItem>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setDirty(true);
  };
  const setOption = (i: number, patch: Partial<DraftItem["options"][number]>) => edit({ options: draft.options.map((o, j) => (j === i ? { ...o, ...patch } : o)) });
  const number = (value: string) => (value === "" ? undefined : Number(value));

  function save() {
    setMessage(null);
    startTransition(async () => {
      const body: DraftItem = { ...draft, concepts: concepts.split(/[;,]/).map((c) => c.trim()).filter(Boolean) };
      const result = await updateDraftAction(null, { draftId, draft: body }).catch(() => null);
      if (!result) return setMessage({ tone: "error", text: "Could not reach the server. Your changes are still here; try again." });
      if (!result.ok) return setMessage({ tone: "error", text: result.error });
      setWarnings(result.data.warnings);
      setDirty(false);
      setMessage({ tone: "success", text: result.message ?? "Saved." });
      router.refresh();
    });
  }

  function publish(asIs: boolean) {
    setMessage(null);
    startTransition(async () => {
      const result = await publishDraftAction(null, { draftId, asIs }).catch(() => null);
      if (!result) return setMessage({ tone: "error", text: "Could not reach the server. Try again." });
      if (!result.ok) return setMessage({ tone: "error", text: result.error });
      router.push(result.data.setId ? `/teach/sets/${result.data.setId}` : `/teach/items/${result.data.itemId}`);
    });
  }

  function remove() {
    startTransition(async () => {
      const result = await deleteDraftAction(null, { draftId }).catch(() => null);
      if (result?.ok) router.push("/teach/items/drafts");
      else setMessage({ tone: "error", text: result && !result.ok ? result.error : "Could not reach the server. Try again." });
    });
  }

  return (
    <div className="space-y-6">
      <section aria-labelledby="warnings-heading" className="space-y-2 rounded-2xl border border-amber-300 bg-amber-50 p-4 dark:border-amber-800 dark:bg-amber-950/40">
        <h2 id="warnings-heading" className="font-semibold">
          {warnings.length === 0 ? "No warnings: this draft passes the instructors' checks" : `${warnings.length} ${warnings.length === 1 ? "warning" : "warnings"}`}
        </h2>
        {warnings.length > 0 && (
          <ul className="list-disc space-y-1 pl-5 text-sm break-words" data-testid="draft-warnings">
            {warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        )}
      </section>

      <div className="space-y-4 rounded-2xl border border-stone-200 bg-white p-5 dark:border-stone-800 dark:bg-stone-900">
        <div className="grid gap-3 sm:grid-cols-3">
          <label className="block text-sm font-medium">
            Domain
            <select value={draft.domain ?? ""} onChange={(e) => edit({ domain: number(e.target.value) })} className={`${inputClass()} mt-1`}>
              <option value="">(not set)</option>
              {[1, 2, 3, 4, 5, 6].map((d) => (
                <option key={d} value={d}>
                  {d}
                </option>
              ))}
            </select>
          </label>
          <label className="block text-sm font-medium">
            Concepts
            <input
              value={concepts}
              onChange={(e) => {
                setConcepts(e.target.value);
                setDirty(true);
              }}
              className={`${inputClass()} mt-1`}
            />
          </label>
          <label className="block text-sm font-medium">
            Difficulty
            <select value={draft.difficulty ?? ""} onChange={(e) => edit({ difficulty: number(e.target.value) })} className={`${inputClass()} mt-1`}>
              <option value="">(not set)</option>
              <option value="1">1 (recall)</option>
              <option value="2">2 (application)</option>
              <option value="3">3 (analysis)</option>
            </select>
          </label>
        </div>
        <label className="block text-sm font-medium">
          Stem (the vignette)
          <textarea rows={5} value={draft.stem} onChange={(e) => edit({ stem: e.target.value })} className={`${inputClass()} mt-1`} />
        </label>
        <label className="block text-sm font-medium">
          Lead-in (the question)
          <input value={draft.leadIn} onChange={(e) => edit({ leadIn: e.target.value })} className={`${inputClass()} mt-1`} />
        </label>
        <fieldset className="space-y-3">
          <legend className="text-sm font-medium">Options (the key is the one ticked)</legend>
          {draft.options.map((o, i) => (
            <div key={i} className="space-y-2 rounded-xl border border-stone-200 p-3 dark:border-stone-800">
              <div className="flex flex-wrap items-center gap-3">
                <label className="inline-flex min-h-11 items-center gap-2 text-sm font-semibold">
                  <input type="radio" name="key" checked={draft.keyIndex === i} onChange={() => edit({ keyIndex: i })} className="h-5 w-5 accent-brand-600" />
                  Key is {LETTERS[i]}
                </label>
                {draft.options.length > 2 && (
                  <Button
                    type="button"
                    variant="secondary"
                    onClick={() => edit({ options: draft.options.filter((_, j) => j !== i), keyIndex: draft.keyIndex > i ? draft.keyIndex - 1 : draft.keyIndex === i ? 0 : draft.keyIndex })}
                  >
                    Remove option {LETTERS[i]}
                  </Button>
                )}
              </div>
              <label className="block text-sm">
                Option {LETTERS[i]}
                <input value={o.text} onChange={(e) => setOption(i, { text: e.target.value })} className={`${inputClass()} mt-1`} />
              </label>
              <label className="block text-sm">
                Rationale for option {LETTERS[i]}
                <textarea rows={2} value={o.rationale} onChange={(e) => setOption(i, { rationale: e.target.value })} className={`${inputClass()} mt-1`} />
              </label>
            </div>
          ))}
          {draft.options.length < 6 && (
            <Button type="button" variant="secondary" onClick={() => edit({ options: [...draft.options, { text: "", rationale: "" }] })}>
              Add an option
            </Button>
          )}
        </fieldset>
        {draft.generalFeedback && (
          <p className="text-sm break-words text-stone-700 dark:text-stone-300">
            General feedback from the file: <q>{draft.generalFeedback}</q>
          </p>
        )}
        <div className="flex flex-wrap gap-2">
          <Button type="button" onClick={save} disabled={pending}>
            {pending ? "Saving…" : "Save draft"}
          </Button>
          <Button type="button" variant="secondary" onClick={() => publish(false)} disabled={pending || dirty || warnings.length > 0}>
            Publish
          </Button>
          <Button type="button" variant="secondary" onClick={() => publish(true)} disabled={pending || dirty || blockers.length > 0 || warnings.length === 0}>
            Publish as is
          </Button>
          <Button type="button" variant="secondary" onClick={remove} disabled={pending}>
            Delete draft
          </Button>
        </div>
        {dirty && <p className="text-xs text-stone-600 dark:text-stone-400">Save the draft before publishing it.</p>}
        {!dirty && blockers.length > 0 && (
          <p className="text-xs text-stone-600 dark:text-stone-400" data-testid="draft-blockers">
            To publish, the draft still needs: {blockers.join("; ")}.
          </p>
        )}
        {message && <Alert tone={message.tone}>{message.text}</Alert>}
      </div>
    </div>
  );
}
