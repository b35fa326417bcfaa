"use client";

import { useRouter } from "next/navigation";
import { useEffect, useMemo, useState, useTransition } from "react";
import { ALERT_TONES } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { randomItemsAction, saveQuestionSetAction } from "@/lib/cohorts/actions";
import { filterItems, filterOptions, type BuilderItem, type ItemFilter } from "@/lib/cohorts/item-filters";
import { MAX_SET_ITEMS } from "@/lib/cohorts/validation";

const PAGE = 25;
const DIFFICULTY = { 1: "Recall", 2: "Application", 3: "Analysis" } as const;

type Domain = { id: number; name: string; share: number };

const conceptLabel = (slug: string) => slug.replaceAll("-", " ");

/**
 * Builds a question set from the bank and the instructor's own items:
 * filter by domain, concept, lesson, difficulty and source, search, pick by
 * hand, or add N at random spread by the exam blueprint. The set's order
 * is the order shown to members; items can be moved and removed.
 */
export function SetBuilder({
  items,
  domains,
  lessonTitles,
  initial,
}: {
  items: BuilderItem[];
  domains: Domain[];
  lessonTitles: Record<string, string>;
  initial: { setId?: string; title: string; description: string; itemIds: string[] };
}) {
  const router = useRouter();
  const [title, setTitle] = useState(initial.title);
  const [description, setDescription] = useState(initial.description);
  const [selected, setSelected] = useState<string[]>(initial.itemIds);
  const [filter, setFilter] = useState<ItemFilter>({ source: "all" });
  const [shown, setShown] = useState(PAGE);
  const [randomCount, setRandomCount] = useState("10");
  const [message, setMessage] = useState<{ tone: "success" | "error" | "info"; text: string } | null>(null);
  // A confirmation clears itself after a few seconds; an error stays until it is dismissed or fixed.
  useEffect(() => {
    if (!message || message.tone === "error") return;
    const timer = setTimeout(() => setMessage(null), 6000);
    return () => clearTimeout(timer);
  }, [message]);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [saving, startSaving] = useTransition();
  const [drawing, startDrawing] = useTransition();

  const byId = useMemo(() => new Map(items.map((i) => [i.id, i])), [items]);
  const options = useMemo(() => filterOptions(items), [items]);
  const matches = useMemo(() => filterItems(items, filter), [items, filter]);
  const chosen = new Set(selected);

  const setFilterField = (patch: Partial<ItemFilter>) => {
    setFilter((f) => ({ ...f, ...patch }));
    setShown(PAGE);
  };

  function toggle(id: string) {
    setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : s.length >= MAX_SET_ITEMS ? s : [...s, id]));
  }

  function move(index: number, delta: number) {
    setSelected((s) => {
      const next = [...s];
      const target = index + delta;
      if (target < 0 || target >= next.length) return s;
      [next[index], next[target]] = [next[target]!, next[index]!];
      return next;
    });
  }

  function addAllMatches() {
    setSelected((s) => {
      const have = new Set(s);
      const extra = matches.map((m) => m.id).filter((id) => !have.has(id));
      return [...s, ...extra].slice(0, MAX_SET_ITEMS);
    });
  }

  function drawRandom() {
    setMessage(null);
    startDrawing(async () => {
      const result = await randomItemsAction(null, { count: randomCount, exclude: selected }).catch(() => null);
      if (!result) return setMessage({ tone: "error", text: "Could not draw items. Check your connection and try again." });
      if (!result.ok) return setMessage({ tone: "error", text: result.fieldErrors?.count ?? result.error });
      setSelected((s) => [...s, ...result.data.itemIds.filter((id) => !s.includes(id))].slice(0, MAX_SET_ITEMS));
      setMessage({ tone: "success", text: result.message ?? `Added ${result.data.itemIds.length} items spread over the domains by the exam blueprint.` });
    });
  }

  function save() {
    setMessage(null);
    setErrors({});
    startSaving(async () => {
      const result = await saveQuestionSetAction(null, { ...(initial.setId ? { setId: initial.setId } : {}), title, description, itemIds: selected }).catch(() => null);
      if (!result) return setMessage({ tone: "error", text: "The set was not saved. Check your connection and try again." });
      if (!result.ok) {
        setErrors(result.fieldErrors ?? {});
        return setMessage({ tone: "error", text: result.fieldErrors?.itemIds ?? result.error });
      }
      if (!initial.setId) return router.push(`/teach/sets/${result.data.setId}?saved=1`);
      setMessage({ tone: "success", text: result.message ?? "Saved." });
      router.refresh();
    });
  }

  const perDomain = domains.map((d) => ({ ...d, count: selected.filter((id) => byId.get(id)?.domain === d.id).length }));

  return (
    <div className="space-y-6">
      <div className="grid gap-4 md:grid-cols-2">
        <Field label="Title" name="title" value={title} maxLength={120} onChange={(e) => setTitle(e.target.value)} error={errors.title} />
        <Field label="Description (optional)" name="description" value={description} maxLength={500} onChange={(e) => setDescription(e.target.value)} error={errors.description} />
      </div>

      <div className="grid gap-6 lg:grid-cols-5">
        <section aria-labelledby="find-heading" className="space-y-4 lg:col-span-3">
          <h2 id="find-heading" className="text-lg font-semibold">
            Find items
          </h2>
          <div className="rounded-2xl border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900">
            <div role="search" className="grid gap-3 sm:grid-cols-2">
              <div className="sm:col-span-2">
                <label htmlFor="bank-q" className="block text-sm font-medium">
                  Search
                </label>
                <input
                  id="bank-q"
                  type="search"
                  value={filter.q ?? ""}
                  onChange={(e) => setFilterField({ q: e.target.value })}
                  placeholder="Words from the vignette, lead-in, concept or id"
                  className={`${inputClass()} mt-1.5`}
                />
              </div>
              <Select label="Domain" value={filter.domain ? String(filter.domain) : ""} onChange={(v) => setFilterField({ domain: v ? Number(v) : undefined })}>
                <option value="">All domains</option>
                {domains.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.id}. {d.name}
                  </option>
                ))}
              </Select>
              <Select label="Concept" value={filter.concept ?? ""} onChange={(v) => setFilterField({ concept: v || undefined })}>
                <option value="">All concepts</option>
                {options.concepts.map((c) => (
                  <option key={c} value={c}>
                    {conceptLabel(c)}
                  </option>
                ))}
              </Select>
              <Select label="Lesson" value={filter.lesson ?? ""} onChange={(v) => setFilterField({ lesson: v || undefined })}>
                <option value="">All lessons</option>
                {options.lessons.map((l) => (
                  <option key={l} value={l}>
                    {lessonTitles[l] ?? l}
                  </option>
                ))}
              </Select>
              <Select label="Difficulty" value={filter.difficulty ? String(filter.difficulty) : ""} onChange={(v) => setFilterField({ difficulty: v ? Number(v) : undefined })}>
                <option value="">Any difficulty</option>
                {Object.entries(DIFFICULTY).map(([k, v]) => (
                  <option key={k} value={k}>
                    {k}. {v}
                  </option>
                ))}
              </Select>
              <Select label="Source" value={filter.source ?? "all"} onChange={(v) => setFilterField({ source: v as ItemFilter["source"] })}>
                <option value="all">Bank and my items</option>
                <option value="bank">The Systemic bank</option>
                <option value="mine">My own items</option>
              </Select>
            </div>
            <div className="mt-3 flex flex-wrap items-center justify-between gap-2">
              <p className="text-sm text-stone-600 dark:text-stone-400" aria-live="polite" data-testid="match-count">
                {matches.length} {matches.length === 1 ? "item matches" : "items match"}
              </p>
              {matches.length > 0 && (
                <Button type="button" variant="ghost" onClick={addAllMatches}>
                  Add all {matches.length}
                </Button>
              )}
            </div>
          </div>

          {matches.length === 0 ? (
            <p className="rounded-2xl border border-dashed border-stone-300 px-4 py-6 text-center text-sm text-stone-600 dark:border-stone-700 dark:text-stone-400">
              No item matches these filters. Clear a filter or search for other words.
            </p>
          ) : (
            <ul className="space-y-2" aria-label="Matching items">
              {matches.slice(0, shown).map((item) => (
                <li key={item.id}>
                  <label
                    className={`flex cursor-pointer items-start gap-3 rounded-xl border p-3 ${chosen.has(item.id) ? "border-brand-500 bg-brand-50 dark:border-brand-500 dark:bg-brand-900/40" : "border-stone-200 bg-white hover:border-stone-400 dark:border-stone-800 dark:bg-stone-900"}`}
                  >
                    <input type="checkbox" checked={chosen.has(item.id)} onChange={() => toggle(item.id)} className="mt-1 h-5 w-5 shrink-0 accent-brand-600" />
                    <span className="min-w-0">
                      <span className="flex flex-wrap gap-x-2 text-xs text-stone-600 dark:text-stone-400">
                        <span className="font-mono">{item.id}</span>
                        <span>Domain {item.domain}</span>
                        <span>{DIFFICULTY[item.difficulty as 1 | 2 | 3] ?? `Difficulty ${item.difficulty}`}</span>
                        <span>{item.own ? "My item" : (lessonTitles[item.lessonSlug] ?? item.lessonSlug)}</span>
                      </span>
                      <span className="mt-0.5 block font-medium">{item.leadIn}</span>
                      <span className="mt-0.5 line-clamp-2 text-sm text-stone-600 dark:text-stone-400">{item.stem}</span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          )}
          {matches.length > shown && (
            <Button type="button" variant="secondary" onClick={() => setShown((n) => n + PAGE)}>
              Show more ({matches.length - shown} left)
            </Button>
          )}
        </section>

        <section aria-labelledby="set-heading" className="order-first space-y-4 lg:order-none lg:col-span-2">
          <h2 id="set-heading" className="text-lg font-semibold">
            In this set ({selected.length})
          </h2>
          <div className="rounded-2xl border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900">
            <h3 className="font-semibold">Random by blueprint</h3>
            <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">Adds items not yet in the set, spread over the six domains in the exam&apos;s proportions.</p>
            <div className="mt-3 flex flex-wrap items-end gap-2">
              <div className="w-28">
                <Field
                  label="How many"
                  name="count"
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={MAX_SET_ITEMS}
                  value={randomCount}
                  onChange={(e) => setRandomCount(e.target.value)}
                />
              </div>
              <Button type="button" variant="secondary" onClick={drawRandom} disabled={drawing}>
                {drawing ? "Drawing…" : "Add at random"}
              </Button>
            </div>
          </div>

          <details className="rounded-2xl border border-stone-200 bg-white p-4 text-sm dark:border-stone-800 dark:bg-stone-900">
            <summary className="cursor-pointer font-semibold">Spread over the domains</summary>
            <table className="mt-2 w-full tabular-nums">
              <caption className="sr-only">Items per domain compared with the exam blueprint</caption>
              <thead className="text-left text-stone-600 dark:text-stone-400">
                <tr>
                  <th scope="col" className="py-1 font-medium">
                    Domain
                  </th>
                  <th scope="col" className="py-1 text-right font-medium">
                    In set
                  </th>
                  <th scope="col" className="py-1 text-right font-medium">
                    Exam
                  </th>
                </tr>
              </thead>
              <tbody>
                {perDomain.map((d) => (
                  <tr key={d.id}>
                    <th scope="row" className="py-1 text-left font-normal" title={d.name}>
                      {d.id}. {d.name}
                    </th>
                    <td className="py-1 text-right">{d.count}</td>
                    <td className="py-1 text-right">{Math.round(d.share * 100)}%</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>

          {selected.length === 0 ? (
            <p className="rounded-2xl border border-dashed border-stone-300 px-4 py-6 text-center text-sm text-stone-600 dark:border-stone-700 dark:text-stone-400">
              Tick items under “Find items”, or add some at random by blueprint.
            </p>
          ) : (
            <ol className="space-y-2" aria-label="Items in this set" data-testid="set-items">
              {selected.map((id, index) => {
                const item = byId.get(id);
                return (
                  <li key={id} className="flex items-start gap-2 rounded-xl border border-stone-200 bg-white p-2.5 dark:border-stone-800 dark:bg-stone-900">
                    <span className="w-7 shrink-0 pt-1 text-right text-sm font-semibold tabular-nums text-stone-500">{index + 1}.</span>
                    <span className="min-w-0 flex-1 text-sm">
                      <span className="block font-mono text-xs text-stone-600 dark:text-stone-400">
                        {id} · Domain {item?.domain ?? "?"}
                      </span>
                      <span className="line-clamp-2">{item ? item.leadIn : "No longer available (retired); remove it before saving."}</span>
                    </span>
                    <span className="flex shrink-0 flex-col gap-1 sm:flex-row">
                      <IconButton label={`Move item ${index + 1} up`} disabled={index === 0} onClick={() => move(index, -1)} d="M12 19V5M5 12l7-7 7 7" />
                      <IconButton label={`Move item ${index + 1} down`} disabled={index === selected.length - 1} onClick={() => move(index, 1)} d="M12 5v14M19 12l-7 7-7-7" />
                      <IconButton label={`Remove item ${index + 1} (${id})`} onClick={() => toggle(id)} d="M6 6l12 12M18 6L6 18" />
                    </span>
                  </li>
                );
              })}
            </ol>
          )}
        </section>
      </div>

      {/* A slim bar within thumb reach: one row on a phone, the message clamped to two lines and dismissible. */}
      <div
        data-testid="set-bar"
        className="sticky bottom-[4.5rem] z-20 rounded-xl border border-stone-200 bg-white/95 p-2 shadow-lg backdrop-blur sm:p-3 md:bottom-4 dark:border-stone-800 dark:bg-stone-900/95"
      >
        <div className="flex items-center gap-3">
          <Button type="button" onClick={save} disabled={saving} className="shrink-0">
            {saving ? "Saving…" : initial.setId ? "Save set" : "Create set"}
          </Button>
          <span className="min-w-0 truncate text-sm text-stone-600 dark:text-stone-400">
            {selected.length} {selected.length === 1 ? "item" : "items"}
            <span className="hidden sm:inline"> (at most {MAX_SET_ITEMS})</span>
          </span>
        </div>
        {message && (
          <div
            role={message.tone === "error" ? "alert" : "status"}
            className={`mt-2 flex items-start gap-2 rounded-lg border px-2.5 py-1.5 text-sm ${ALERT_TONES[message.tone]}`}
          >
            <p className="line-clamp-2 min-w-0 flex-1">{message.text}</p>
            <button type="button" aria-label="Dismiss" onClick={() => setMessage(null)} className="-my-1 shrink-0 rounded px-1.5 text-base leading-7 opacity-70 hover:opacity-100">
              ×
            </button>
          </div>
        )}
      </div>
    </div>
  );
}

function Select({ label, value, onChange, children }: { label: string; value: string; onChange: (value: string) => void; children: React.ReactNode }) {
  const id = `filter-${label.toLowerCase()}`;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} className={`${inputClass()} mt-1.5`}>
        {children}
      </select>
    </div>
  );
}

function IconButton({ label, onClick, disabled, d }: { label: string; onClick: () => void; disabled?: boolean; d: string }) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      onClick={onClick}
      disabled={disabled}
      className="inline-flex h-9 w-9 items-center justify-center rounded-md text-stone-700 hover:bg-stone-200/70 disabled:opacity-30 dark:text-stone-300 dark:hover:bg-stone-800"
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <path d={d} />
      </svg>
    </button>
  );
}
