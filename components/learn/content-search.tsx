"use client";

import MiniSearch from "minisearch";
import Link from "next/link";
import { useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import { groupResults, highlight, snippet, type Segment } from "@/lib/content/search-display";
import type { SearchDocument } from "@/lib/content/search-index";

const KIND_LABEL = { lesson: "Lesson", section: "Section", item: "Question", card: "Flashcard" } as const;

type Result = SearchDocument & { score: number; terms: string[]; queryTerms: string[] };

function Marked({ segments }: { segments: Segment[] }) {
  return (
    <>
      {segments.map((s, i) =>
        s.match ? (
          <mark key={i} className="rounded bg-amber-200 px-0.5 text-inherit dark:bg-amber-700/60">
            {s.text}
          </mark>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </>
  );
}

/**
 * Filters lessons, their sections, questions and flashcards as the learner
 * types, grouped by kind with the matched words marked. The index (a static
 * JSON file) is fetched the first time the box gets focus.
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
    setFailed(false);
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
      storeFields: ["kind", "title", "text", "lesson", "href"],
      searchOptions: { boost: { title: 3 }, prefix: true, fuzzy: 0.15, combineWith: "AND" },
    });
    search.addAll(documents);
    return search;
  }, [documents]);

  const { groups, total } = useMemo(() => {
    const q = deferred.trim();
    if (!index || q.length < 2) return { groups: [], total: 0 };
    const results = index.search(q) as unknown as Result[];
    return { groups: groupResults(results), total: results.length };
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
        placeholder="Search lessons, questions, flashcards…"
        autoComplete="off"
        className="block min-h-12 w-full rounded-xl border border-stone-300 bg-white px-4 text-base shadow-sm dark:border-stone-700 dark:bg-stone-900"
        aria-describedby="content-search-status"
      />
      <p id="content-search-status" className="sr-only" aria-live="polite">
        {deferred.trim().length >= 2 && index ? `${total} results` : ""}
      </p>
      {failed && (
        <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-400">
          Search is unavailable right now. Check your connection and try again.
        </p>
      )}
      {query.trim().length >= 2 && !failed && (
        <div className="mt-2 overflow-hidden rounded-xl border border-stone-200 bg-white shadow-lg dark:border-stone-800 dark:bg-stone-900" data-testid="search-results">
          {!index ? (
            <p role="status" className="p-4 text-sm text-stone-600 dark:text-stone-400">
              Loading the search index…
            </p>
          ) : groups.length === 0 ? (
            <p className="p-4 text-sm text-stone-600 dark:text-stone-400">No matches for “{deferred.trim()}”.</p>
          ) : (
            <div aria-label="Search results" role="list" className="divide-y divide-stone-200 dark:divide-stone-800">
              {groups.map((group) => (
                <section key={group.label} role="listitem" aria-label={group.label} className="py-1">
                  <h3 className="px-4 pb-1 pt-2 text-xs font-semibold uppercase tracking-wider text-stone-500">
                    {group.label}
                    {group.more > 0 && <span className="font-normal normal-case tracking-normal"> · {group.shown.length + group.more} matches, best {group.shown.length} shown</span>}
                  </h3>
                  <ul>
                    {group.shown.map((r) => (
                      <li key={r.id}>
                        <Link href={r.href} className="block break-words px-4 py-2.5 hover:bg-stone-50 focus-visible:bg-stone-50 dark:hover:bg-stone-800/60 dark:focus-visible:bg-stone-800/60">
                          <span className="block font-medium">
                            <Marked segments={highlight(r.title, r.terms)} />
                          </span>
                          {r.kind !== "section" && r.text !== r.title && (
                            <span className="line-clamp-2 block text-sm text-stone-600 dark:text-stone-400">
                              <Marked segments={highlight(snippet(r.text, r.terms), r.terms)} />
                            </span>
                          )}
                          <span className="mt-0.5 block text-xs text-stone-500">
                            {KIND_LABEL[r.kind]}
                            {r.kind !== "lesson" && <> · {r.lesson}</>}
                          </span>
                        </Link>
                      </li>
                    ))}
                  </ul>
                </section>
              ))}
            </div>
          )}
        </div>
      )}
    </div>
  );
}
