"use client";

import MiniSearch from "minisearch";
import Link from "next/link";
import { useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import type { SearchDocument } from "@/lib/content/search-index";

const KIND_LABEL = { lesson: "Lesson", item: "Question", card: "Flashcard" } as const;

/**
 * Filters lessons, questions and flashcards as the learner types. The index
 * (a static JSON file) is fetched the first time the box gets focus.
 */
export function ContentSearch() {
  const [documents, setDocuments] = useState<SearchDocument[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [query, setQuery] = useState("");
  const deferred = useDeferredValue(query);
  const requested = useRef(false);

  function load() {
    if (requested.current) return;
    requested.current = true;
    fetch("/api/search-index")
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))))
      .then((docs: SearchDocument[]) => setDocuments(docs))
      .catch(() => {
        requested.current = false;
        setFailed(true);
      });
  }

  useEffect(() => {
    if (query) load();
  }, [query]);

  const index = useMemo(() => {
    if (!documents) return null;
    const search = new MiniSearch<SearchDocument>({
      fields: ["title", "text"],
      storeFields: ["kind", "title", "text", "href"],
      searchOptions: { boost: { title: 3 }, prefix: true, fuzzy: 0.15, combineWith: "AND" },
    });
    search.addAll(documents);
    return search;
  }, [documents]);

  const results = useMemo(() => {
    const q = deferred.trim();
    if (!index || q.length < 2) return [];
    return index.search(q).slice(0, 12) as unknown as (SearchDocument & { score: number })[];
  }, [index, deferred]);

  return (
    <div className="relative">
      <label htmlFor="content-search" className="sr-only">
        Search lessons, questions and flashcards
      </label>
      <input
        id="content-search"
        type="search"
        value={query}
        onFocus={load}
        onChange={(e) => setQuery(e.target.value)}
        placeholder="Search lessons, questions and flashcards…"
        autoComplete="off"
        className="block min-h-12 w-full rounded-xl border border-stone-300 bg-white px-4 text-base shadow-sm dark:border-stone-700 dark:bg-stone-900"
        aria-describedby="content-search-status"
      />
      <p id="content-search-status" className="sr-only" aria-live="polite">
        {deferred.trim().length >= 2 && index ? `${results.length} results` : ""}
      </p>
      {failed && <p className="mt-2 text-sm text-red-700 dark:text-red-400">Search is unavailable right now. Check your connection.</p>}
      {query.trim().length >= 2 && (
        <div className="mt-2 rounded-xl border border-stone-200 bg-white shadow-lg dark:border-stone-800 dark:bg-stone-900">
          {!index ? (
            <p className="p-4 text-sm text-stone-600 dark:text-stone-400">Loading the search index…</p>
          ) : results.length === 0 ? (
            <p className="p-4 text-sm text-stone-600 dark:text-stone-400">No matches for “{deferred.trim()}”.</p>
          ) : (
            <ul aria-label="Search results" className="divide-y divide-stone-200 dark:divide-stone-800">
              {results.map((r) => (
                <li key={r.id}>
                  <Link href={r.href} className="block px-4 py-3 hover:bg-stone-50 dark:hover:bg-stone-800/60">
                    <span className="text-xs font-semibold uppercase tracking-wider text-brand-700 dark:text-brand-300">{KIND_LABEL[r.kind]}</span>
                    <span className="block font-medium">{r.title}</span>
                    <span className="line-clamp-2 block text-sm text-stone-600 dark:text-stone-400">{r.text}</span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
