"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { bulkDraftMetadataAction } from "@/lib/cohorts/actions";

export interface DraftRow {
  id: string;
  category: string;
  line: number;
  leadIn: string;
  warnings: string[];
  blockers: string[];
}

const status = (d: DraftRow) =>
  d.warnings.length === 0 ? "ready to publish" : d.blockers.length === 0 ? `${d.warnings.length} ${d.warnings.length === 1 ? "warning" : "warnings"}; can be published as is` : `${d.warnings.length} ${d.warnings.length === 1 ? "warning" : "warnings"}`;

/** The instructor's drafts by category, with a form that sets domain, concepts and difficulty on the ticked ones. */
export function DraftList({ drafts }: { drafts: DraftRow[] }) {
  const router = useRouter();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [domain, setDomain] = useState("");
  const [concepts, setConcepts] = useState("");
  const [difficulty, setDifficulty] = useState("");
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const toggle = (id: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  function apply() {
    setMessage(null);
    startTransition(async () => {
      const input = {
        draftIds: [...selected],
        ...(domain ? { domain: Number(domain) } : {}),
        ...(difficulty ? { difficulty: Number(difficulty) } : {}),
        ...(concepts.trim() ? { concepts: concepts.split(/[;,]/).map((c) => c.trim()).filter(Boolean) } : {}),
      };
      const result = await bulkDraftMetadataAction(null, input).catch(() => null);
      if (!result) return setMessage({ tone: "error", text: "Could not reach the server. Try again." });
      if (!result.ok) return setMessage({ tone: "error", text: result.error });
      setMessage({ tone: "success", text: result.message ?? "Updated." });
      router.refresh();
    });
  }

  const categories = [...new Set(drafts.map((d) => d.category))];
  return (
    <div className="space-y-6">
      <section aria-labelledby="bulk-heading" className="space-y-3 rounded-2xl border border-stone-200 bg-white p-5 dark:border-stone-800 dark:bg-stone-900">
        <h2 id="bulk-heading" className="text-lg font-semibold">
          Set for the ticked drafts
        </h2>
        <div className="grid gap-3 sm:grid-cols-3">
          <label className="block text-sm font-medium">
            Domain
            <select value={domain} onChange={(e) => setDomain(e.target.value)} className={`${inputClass()} mt-1`}>
              <option value="">(unchanged)</option>
              {[1, 2, 3, 4, 5, 6].map((d) => (
                <option key={d} value={d}>
                  {d}
                </option>
              ))}
            </select>
          </label>
          <label className="block text-sm font-medium">
            Concepts
            <input value={concepts} onChange={(e) => setConcepts(e.target.value)} placeholder="joining; boundaries" className={`${inputClass()} mt-1`} />
          </label>
          <label className="block text-sm font-medium">
            Difficulty
            <select value={difficulty} onChange={(e) => setDifficulty(e.target.value)} className={`${inputClass()} mt-1`}>
              <option value="">(unchanged)</option>
              <option value="1">1 (recall)</option>
              <option value="2">2 (application)</option>
              <option value="3">3 (analysis)</option>
            </select>
          </label>
        </div>
        <div className="flex flex-wrap gap-2">
          <Button type="button" variant="secondary" onClick={() => setSelected(new Set(drafts.map((d) => d.id)))}>
            Tick all {drafts.length}
          </Button>
          <Button type="button" onClick={apply} disabled={pending || selected.size === 0 || (!domain && !difficulty && !concepts.trim())}>
            {pending ? "Saving…" : `Apply to ${selected.size} ${selected.size === 1 ? "draft" : "drafts"}`}
          </Button>
        </div>
        {message && <Alert tone={message.tone}>{message.text}</Alert>}
      </section>

      {categories.map((category) => (
        <section key={category || "(none)"} aria-label={category || "No category"} className="space-y-2">
          <h2 className="text-lg font-semibold break-words">{category || "No category"}</h2>
          <ul className="divide-y divide-stone-200 overflow-hidden rounded-2xl border border-stone-200 bg-white dark:divide-stone-800 dark:border-stone-800 dark:bg-stone-900" data-testid="drafts">
            {drafts
              .filter((d) => d.category === category)
              .map((d) => (
                <li key={d.id} className="flex items-start gap-3 px-4 py-3">
                  <input
                    type="checkbox"
                    aria-label={`Tick the draft from line ${d.line}`}
                    checked={selected.has(d.id)}
                    onChange={(e) => toggle(d.id, e.target.checked)}
                    className="mt-1 h-5 w-5 shrink-0 accent-brand-600"
                  />
                  <Link href={`/teach/items/drafts/${d.id}`} className="min-w-0 flex-1">
                    <span className="block text-xs text-stone-600 dark:text-stone-400">
                      line {d.line} · {status(d)}
                    </span>
                    <span className="block font-medium break-words">{d.leadIn}</span>
                  </Link>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
