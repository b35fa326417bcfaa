"use client";

import Link from "next/link";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { Button, ButtonLink } from "@/components/ui/button";
import { GradeOutbox, type OutboxStatus } from "@/lib/srs/outbox";
import { remainingByKind } from "@/lib/srs/queue-counts";
import type { DeviceReview } from "@/lib/srs/device-review";
import type { GradeOutcome, GradeSubmission } from "@/lib/srs/reviews";
import type { ReviewRating } from "@/lib/srs/scheduler";
import type { ReviewCardView, ReviewSession } from "@/lib/srs/session";

type DeviceModule = typeof import("@/lib/srs/device-review");

const GRADES = [
  { rating: 1, label: "Again", key: "1", tone: "bg-red-700 hover:bg-red-800 text-white dark:bg-red-600" },
  { rating: 2, label: "Hard", key: "2", tone: "bg-amber-600 hover:bg-amber-700 text-white dark:bg-amber-500 dark:text-stone-950" },
  { rating: 3, label: "Good", key: "3", tone: "bg-emerald-700 hover:bg-emerald-800 text-white dark:bg-emerald-600" },
  { rating: 4, label: "Easy", key: "4", tone: "bg-sky-700 hover:bg-sky-800 text-white dark:bg-sky-600" },
] as const;

type Done = { cardId: string; clientId: string; rating: number; durationMs: number; card: ReviewCardView };

async function sendGrades(grades: GradeSubmission[]): Promise<GradeOutcome[]> {
  const response = await fetch("/api/v1/review/grades/batch", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ grades }),
  });
  if (response.status === 401) throw new Error("signed out");
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return ((await response.json()) as { results: GradeOutcome[] }).results;
}

/** Today's queue from the server, or null when it did not answer with one; throws when offline. */
async function fetchQueue(): Promise<ReviewSession | null> {
  const response = await fetch("/api/v1/review/queue", { cache: "no-store" });
  return response.ok ? ((await response.json()) as ReviewSession) : null;
}

function newId(): string {
  return typeof crypto.randomUUID === "function" ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

/**
 * The daily review, one card at a time. Grading never waits for the
 * network: the grade goes to an outbox kept on the device (IndexedDB) and is
 * sent in the background (retried until the server has it, by the service
 * worker's Background Sync where the browser has it), and the next card is
 * already here. Today's queue is kept on the device too, so the screen opens
 * and grades offline; see docs/offline.md.
 */
export function ReviewScreen({ initial, userId }: { initial: ReviewSession; userId: string }) {
  const [session, setSession] = useState(initial);
  const [index, setIndex] = useState(0);
  const [revealed, setRevealed] = useState(false);
  const [done, setDone] = useState<Done[]>([]);
  const [status, setStatus] = useState<OutboxStatus>({ pending: 0, sending: false, offline: false, rejected: [] });
  const [notice, setNotice] = useState<{ text: string; href?: string } | null>(null);
  const [refreshing, setRefreshing] = useState(false);
  const [undoing, setUndoing] = useState(false);
  const [online, setOnline] = useState(true);
  // Offline on a new day: how many of yesterday's cards were due by now when the screen opened.
  const [carriedOver, setCarriedOver] = useState<number | null>(null);
  // Refused while no screen was open (the service worker sent them in the background).
  const [earlierRejected, setEarlierRejected] = useState<OutboxStatus["rejected"]>([]);
  const shownAt = useRef(Date.now());
  const outbox = useRef<GradeOutbox | null>(null);
  const device = useRef<{ review: DeviceReview | null; module: DeviceModule } | null>(null);
  const [deviceReady, setDeviceReady] = useState(false);
  const lastGradedAt = useRef<string | null>(null);

  useEffect(() => {
    let box: GradeOutbox | null = null;
    let cancelled = false;
    const flush = () => void box?.flush();
    const onOnline = () => {
      setOnline(true);
      flush();
    };
    const onOffline = () => setOnline(false);
    // The service worker sent the outbox in the background: sending again answers "duplicate" and empties ours.
    const onMessage = (event: MessageEvent<{ type?: string }>) => {
      if (event.data?.type !== "review-outbox-synced") return;
      flush();
      // What the server refused in that background send is shown here, not kept for later.
      void device.current?.module
        .takeRejected(userId)
        .then((refused) => refused.length > 0 && setEarlierRejected((shown) => [...shown, ...refused]))
        .catch(() => {});
    };
    setOnline(navigator.onLine);
    window.addEventListener("online", onOnline);
    window.addEventListener("offline", onOffline);
    navigator.serviceWorker?.addEventListener("message", onMessage);
    void (async () => {
      const module = await import("@/lib/srs/device-review");
      let review: DeviceReview | null = null;
      try {
        review = await module.openDeviceReview(userId, initial);
      } catch {
        // No IndexedDB (blocked in some private modes): grades wait in localStorage, as before, and the queue is not kept.
      }
      if (cancelled) return;
      device.current = { review, module };
      if (review?.from === "device" || review?.from === "carried-over") {
        setSession(review.session);
        setIndex(0);
      }
      if (review?.from === "carried-over") setCarriedOver(review.session.cards.length);
      if (review?.rejected.length) setEarlierRejected(review.rejected);
      box = new GradeOutbox(
        review?.storage ?? window.localStorage,
        review ? "outbox" : `systemic:review-outbox:${userId}`,
        async (grades) => {
          // The browser knows it has no network: nothing is tried (the request could only fail, on some phones after a
          // long wait), and the background sync is asked for instead; coming back online sends at once.
          if (!navigator.onLine) {
            review?.requestSync();
            throw new Error("offline");
          }
          try {
            return await sendGrades(grades);
          } catch (error) {
            review?.requestSync();
            throw error;
          }
        },
        setStatus,
        (outcome) => {
          if (outcome.card.leech) setNotice({ text: "This card keeps slipping away, so it has been set aside as a leech. Reread its section, then unsuspend it from your stats page." });
        },
      );
      outbox.current = box;
      setStatus(box.status());
      setDeviceReady(true);
      void box.flush();
    })();
    return () => {
      cancelled = true;
      window.removeEventListener("online", onOnline);
      window.removeEventListener("offline", onOffline);
      navigator.serviceWorker?.removeEventListener("message", onMessage);
      box?.dispose();
    };
    // `initial` is the page's first render only; later sessions come from the device or the queue API.
  }, [userId]);

  // The device's copy of the queue follows every grade, undo and refresh.
  useEffect(() => {
    if (!deviceReady) return;
    device.current?.review?.saveQueue({ ...session, cards: session.cards.slice(index) }, lastGradedAt.current);
  }, [deviceReady, session, index]);

  const card = session.cards[index];
  const remaining = session.cards.length - index;

  // Nothing can be graded before the device's outbox is open, so a grade is never silently skipped.
  const reveal = useCallback(() => {
    if (card && !revealed && deviceReady) setRevealed(true);
  }, [card, revealed, deviceReady]);

  const grade = useCallback(
    (rating: number) => {
      if (!card || !revealed || !outbox.current || !device.current) return;
      const clientId = newId();
      const now = new Date();
      const durationMs = Math.min(now.getTime() - shownAt.current, 3_600_000);
      outbox.current.add({ id: clientId, cardId: card.cardId, rating, durationMs, recordedAt: now.toISOString() });
      // The device's own ts-fsrs step: a card in a learning step comes back today, even offline.
      const { module } = device.current;
      // A page cached by an older version has no card state; such a card just leaves the queue.
      const { again, counted } = card.fields && session.scheduler ? module.gradeOnDevice(card, rating as ReviewRating, now, session) : { again: null, counted: null };
      lastGradedAt.current = now.toISOString();
      setSession((s) => ({ ...s, cards: again ? [...s.cards, again] : s.cards, doneToday: module.countGrade(s.doneToday, counted, rating) }));
      setDone((d) => [...d, { cardId: card.cardId, clientId, rating, durationMs, card }]);
      setIndex((i) => i + 1);
      setRevealed(false);
      setNotice(null);
      shownAt.current = Date.now();
    },
    [card, revealed, session],
  );

  const undo = useCallback(async () => {
    const last = done.at(-1);
    // After a reload the grades of this page are gone, but the server's last grade of today may still be undone.
    const earlier = last ? null : session.lastGrade;
    if ((!last && !earlier) || !outbox.current || undoing) return;
    setUndoing(true);
    const clientId = last?.clientId ?? earlier!.clientId;
    let undone = last ? outbox.current.remove(last.clientId) : false;
    if (!undone) {
      // Already sent: wait for it to land, then ask the server to undo it.
      await outbox.current.flush();
      try {
        const response = await fetch("/api/v1/review/undo", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ id: clientId }),
        });
        const body = (await response.json()) as { ok: boolean; clientId?: string; message?: string };
        undone = body.ok && body.clientId === clientId;
        if (!undone) setNotice({ text: body.message ?? "That grade could not be undone." });
      } catch {
        setNotice({ text: "Undo needs a connection. Try again when you are back online." });
      }
    }
    if (undone && last) {
      setDone((d) => d.slice(0, -1));
      setSession((s) => {
        const cards = [...s.cards];
        // The card comes back in front of whatever is next.
        cards.splice(Math.min(index, cards.length), 0, last.card);
        return { ...s, lastGrade: null, doneToday: { ...s.doneToday, cards: Math.max(0, (s.doneToday.cards ?? 1) - 1) }, cards: cards.filter((c, i) => i <= index || c.cardId !== last.cardId) };
      });
      setRevealed(true);
      setNotice({ text: "Last grade undone." });
    } else if (undone && earlier) {
      // The server restored the card: today's queue, fetched again, has it; it goes first.
      try {
        const next = await fetchQueue();
        if (!next) throw new Error("no queue");
        const back = next.cards.find((c) => c.cardId === earlier.cardId);
        setSession({ ...next, lastGrade: null, cards: back ? [back, ...next.cards.filter((c) => c !== back)] : next.cards });
        setIndex(0);
        setRevealed(Boolean(back));
      } catch {
        setSession((s) => ({ ...s, lastGrade: null }));
      }
      setNotice({ text: "Last grade undone." });
    }
    setUndoing(false);
  }, [done, index, undoing, session.lastGrade]);

  // At the end of the queue: once every grade has landed, ask for what is due now (learning steps).
  const refresh = useCallback(async () => {
    if (!outbox.current) return;
    setRefreshing(true);
    await outbox.current.flush();
    if (outbox.current.status().pending > 0) {
      setRefreshing(false);
      return;
    }
    try {
      const next = await fetchQueue();
      if (next) {
        lastGradedAt.current = null;
        setSession(next);
        setIndex(0);
        shownAt.current = Date.now();
      }
    } catch {
      // Offline: the summary stays; grades are safe in the outbox.
    }
    setRefreshing(false);
  }, []);

  const canUndo = done.length > 0 || Boolean(session.lastGrade);

  // The first day: the first lesson's flashcards, added on the server, then today's queue again.
  const startFirstDay = useCallback(async (): Promise<string | null> => {
    try {
      const response = await fetch("/api/v1/review/starter", { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" });
      if (!response.ok && response.status !== 409) return "Those cards could not be added just now. Try again in a moment.";
      const queue = await fetchQueue();
      if (!queue) return "Your cards were added; reload the page to see them.";
      setSession(queue);
      setIndex(0);
      setRevealed(false);
      return null;
    } catch {
      return "Adding cards needs a connection. Try again when you are back online.";
    }
  }, []);

  const atEnd = index >= session.cards.length;
  useEffect(() => {
    if (atEnd && done.length > 0) void refresh();
  }, [atEnd, done.length, refresh]);

  // A layout effect: the listener for what is on screen is in place before the screen is painted,
  // so a key pressed the moment a question or card appears (after a server answer) is never lost.
  useLayoutEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.metaKey || event.ctrlKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target && ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName)) return;
      if ((event.key === " " || event.key === "Enter") && !revealed && card) {
        event.preventDefault();
        reveal();
      } else if (revealed && ["1", "2", "3", "4"].includes(event.key)) {
        event.preventDefault();
        grade(Number(event.key));
      } else if (event.key.toLowerCase() === "u" || event.key.toLowerCase() === "z") {
        event.preventDefault();
        void undo();
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [card, revealed, reveal, grade, undo]);

  useEffect(() => {
    shownAt.current = Date.now();
  }, [index]);

  // Counted from today's review log (the server's count, plus this page's grades), so a reload loses nothing.
  const doneCount = session.doneToday.cards ?? done.length;
  const left = remainingByKind(session.cards.slice(index));
  const total = doneCount + remaining;
  // Worked out on the device when the card is shown, from its stored state and the learner's settings.
  const intervals = useMemo(
    () =>
      card?.fields && session.scheduler && deviceReady && device.current
        ? device.current.module.deviceIntervals(card, new Date(), session.scheduler)
        : card?.intervals,
    [card, deviceReady, session.scheduler],
  );
  return (
    <div className="mx-auto max-w-2xl">
      <div className="flex items-center justify-between gap-3 text-sm">
        <p aria-live="polite" data-testid="review-counts">
          {card ? (
            <>
              <span className="font-semibold">{remaining}</span> left today · {doneCount} done
            </>
          ) : (
            <>{doneCount} reviewed today</>
          )}
        </p>
        <SyncStatus status={status} online={online} />
      </div>
      {/* Nothing at all today (a first day, or an empty one): no bar to fill. */}
      {total > 0 && (
        <div
          className="mt-2 h-2 overflow-hidden rounded-full bg-stone-200 dark:bg-stone-800"
          role="progressbar"
          aria-label="Today's reviews"
          aria-valuemin={0}
          aria-valuemax={total}
          aria-valuenow={doneCount}
        >
          <div className="h-full bg-brand-500 transition-[width]" style={{ width: `${(100 * doneCount) / total}%` }} />
        </div>
      )}
      {card && <KindCounts left={left} />}
      {carriedOver !== null && (
        <p role="status" data-testid="carried-over" className="mt-3 rounded-lg bg-sky-50 px-3 py-2 text-sm text-sky-950 dark:bg-sky-950 dark:text-sky-100">
          Yesterday&apos;s cards are here: you are offline, so today&apos;s queue arrives when you reconnect.{" "}
          {carriedOver === 1 ? "1 card was" : `${carriedOver} cards were`} due by now.
        </p>
      )}
      {earlierRejected.length + status.rejected.length > 0 && <Rejected rejected={[...earlierRejected, ...status.rejected]} />}
      {notice && (
        <p role="status" className="mt-3 rounded-lg bg-stone-200/70 px-3 py-2 text-sm dark:bg-stone-800">
          {notice.text}
        </p>
      )}
      {card ? (
        <CardView card={card} intervals={intervals ?? card.intervals} ready={deviceReady} revealed={revealed} onReveal={reveal} onGrade={grade} onUndo={canUndo ? () => void undo() : undefined} undoing={undoing} />
      ) : refreshing ? (
        <p role="status" className="mt-10 text-center text-stone-600 dark:text-stone-400">
          Checking for cards in their learning steps…
        </p>
      ) : (
        <Summary
          done={done}
          session={session}
          status={status}
          onUndo={canUndo ? () => void undo() : undefined}
          onStart={startFirstDay}
        />
      )}
    </div>
  );
}

const grades = (n: number) => `${n} ${n === 1 ? "grade" : "grades"}`;

/** New / learning / review still to show, apart, with why the learning count can stay put. */
function KindCounts({ left }: { left: { new: number; learning: number; review: number } }) {
  return (
    <div className="mt-2 text-xs text-stone-600 dark:text-stone-400">
      <p className="flex gap-3" data-testid="kind-counts">
        <span>
          <span className="font-semibold text-sky-700 dark:text-sky-300">{left.new}</span> new
        </span>
        <span>
          <span className="font-semibold text-red-700 dark:text-red-300">{left.learning}</span> learning
        </span>
        <span>
          <span className="font-semibold text-emerald-700 dark:text-emerald-300">{left.review}</span> review
        </span>
      </p>
      {left.learning > 0 && <p className="mt-0.5">Learning cards come back within minutes, so that count may not go down straight away.</p>}
    </div>
  );
}

function SyncStatus({ status, online }: { status: OutboxStatus; online: boolean }) {
  if (status.offline || !online)
    return (
      <span role="status" data-testid="sync-status" className="rounded-full bg-amber-100 px-2.5 py-1 text-xs font-semibold text-amber-900 dark:bg-amber-900 dark:text-amber-100">
        Offline — {grades(status.pending)} waiting
      </span>
    );
  if (status.pending > 0)
    return (
      <span role="status" data-testid="sync-status" className="text-xs text-stone-500">
        Sending {grades(status.pending)}…
      </span>
    );
  return (
    <span role="status" className="text-xs text-stone-500" data-testid="sync-status">
      Synced
    </span>
  );
}

/** Grades the server refused (e.g. the card was graded later on another device), in its own words. */
function Rejected({ rejected }: { rejected: OutboxStatus["rejected"] }) {
  return (
    <div role="status" className="mt-3 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-100" data-testid="rejected-grades">
      <p className="font-semibold">
        {rejected.length === 1 ? "1 grade from this device was not applied:" : `${rejected.length} grades from this device were not applied:`}
      </p>
      <ul className="mt-1 list-disc pl-5">
        {[...new Set(rejected.map((r) => r.message))].map((message) => (
          <li key={message}>{message}</li>
        ))}
      </ul>
    </div>
  );
}

function CardView({
  card,
  intervals,
  ready,
  revealed,
  onReveal,
  onGrade,
  onUndo,
  undoing,
}: {
  card: ReviewCardView;
  intervals: ReviewCardView["intervals"];
  ready: boolean;
  revealed: boolean;
  onReveal: () => void;
  onGrade: (rating: number) => void;
  onUndo?: () => void;
  undoing: boolean;
}) {
  return (
    <>
      <article
        aria-label={card.kind === "item" ? "Question card" : "Flashcard"}
        className="mt-4 min-h-[16rem] rounded-2xl border border-stone-200 bg-white p-5 shadow-sm dark:border-stone-800 dark:bg-stone-900"
      >
        <p className="text-xs font-semibold uppercase tracking-wider text-stone-500">
          {card.queue === "new" ? "New" : card.queue === "review" ? "Review" : "Learning"} · {card.kind === "item" ? "Question" : "Flashcard"}
        </p>
        <div className="mt-3 text-lg leading-relaxed" data-testid="card-front">
          <p className="whitespace-pre-line">{card.front.text}</p>
          {card.front.leadIn && <p className="mt-3 font-semibold">{card.front.leadIn}</p>}
          {card.front.options && (
            <ol className="mt-3 space-y-1 text-base">
              {card.front.options.map((o, i) => (
                <li key={i}>
                  <span className="font-semibold">{"ABCD"[i]}.</span> {o}
                </li>
              ))}
            </ol>
          )}
        </div>
        {revealed && (
          <div className="mt-5 border-t border-stone-200 pt-4 dark:border-stone-800" data-testid="card-back">
            <p className="text-lg font-semibold text-brand-800 dark:text-brand-200">{card.back.text}</p>
            {card.back.rationale && <p className="mt-2 text-stone-700 dark:text-stone-300">{card.back.rationale}</p>}
            <Link href={`/learn/${card.lessonSlug}#${card.section}`} className="mt-3 inline-block text-sm text-brand-700 underline dark:text-brand-300">
              Open the lesson section
            </Link>
          </div>
        )}
      </article>
      <div className="sticky bottom-16 z-20 mt-4 bg-stone-50/95 pb-2 pt-2 md:bottom-0 dark:bg-stone-950/95">
        {revealed ? (
          <div className="grid grid-cols-4 gap-2" role="group" aria-label="How well did you remember?">
            {GRADES.map((g) => (
              <button
                key={g.rating}
                type="button"
                onClick={() => onGrade(g.rating)}
                className={`flex min-h-16 flex-col items-center justify-center rounded-xl px-1 text-sm font-semibold ${g.tone}`}
                aria-keyshortcuts={g.key}
              >
                <span>{g.label}</span>
                <span className="text-xs font-normal opacity-90">{intervals[g.rating - 1]}</span>
              </button>
            ))}
          </div>
        ) : (
          <Button className="min-h-16 w-full text-base" onClick={onReveal} disabled={!ready} aria-keyshortcuts="Space">
            Show answer
          </Button>
        )}
        <div className="mt-2 flex items-center justify-between text-xs text-stone-500">
          <span className="hidden sm:inline">Space shows the answer · 1–4 grade · U undoes</span>
          {onUndo && (
            <button type="button" onClick={onUndo} disabled={undoing} className="rounded px-2 py-1 font-semibold text-stone-700 underline dark:text-stone-300">
              {undoing ? "Undoing…" : "Undo last"}
            </button>
          )}
        </div>
      </div>
    </>
  );
}

function Summary({
  done,
  session,
  status,
  onUndo,
  onStart,
}: {
  done: Done[];
  session: ReviewSession;
  status: OutboxStatus;
  onUndo?: () => void;
  onStart: () => Promise<string | null>;
}) {
  const missed = useMemo(() => {
    const seen = new Map<string, ReviewCardView>();
    for (const d of done) if (d.rating === 1) seen.set(`${d.card.lessonSlug}#${d.card.section}`, d.card);
    return [...seen.values()];
  }, [done]);
  const minutes = Math.max(1, Math.round(done.reduce((n, d) => n + d.durationMs, 0) / 60_000));
  const retention = session.doneToday.total > 0 ? Math.round((100 * session.doneToday.passed) / session.doneToday.total) : null;

  if (done.length === 0 && !session.hasCards) return <FirstDay onStart={onStart} />;

  if (done.length === 0)
    return (
      <section className="mt-8 rounded-2xl border border-dashed border-stone-300 p-8 text-center dark:border-stone-700">
        <h2 className="text-xl font-bold">Nothing due right now</h2>
        <p className="mt-2 text-stone-600 dark:text-stone-400">
          Read a lesson to add its flashcards, or answer practice questions: the ones you miss come back here on schedule.
        </p>
        <div className="mt-5 flex justify-center gap-3">
          <ButtonLink href="/learn">Go to lessons</ButtonLink>
          <ButtonLink href="/stats" variant="secondary">
            Your stats
          </ButtonLink>
        </div>
      </section>
    );

  return (
    <section aria-labelledby="summary-heading" className="mt-6 rounded-2xl border border-stone-200 bg-white p-5 dark:border-stone-800 dark:bg-stone-900">
      <h2 id="summary-heading" className="text-xl font-bold">
        Done for today
      </h2>
      <dl className="mt-4 grid grid-cols-2 gap-4 sm:grid-cols-4">
        <Figure label="Cards reviewed" value={String(done.length)} />
        <Figure label="Time" value={`${minutes} min`} />
        <Figure label="Retention today" value={retention === null ? "—" : `${retention}%`} />
        <Figure label="Due tomorrow" value={String(session.tomorrow)} />
      </dl>
      {status.pending > 0 && (
        <p className="mt-4 text-sm text-amber-800 dark:text-amber-300">
          {status.pending} grades are waiting for a connection. They are saved on this device and will be sent automatically.
        </p>
      )}
      {missed.length > 0 && (
        <div className="mt-5">
          <h3 className="font-semibold">Worth rereading</h3>
          <ul className="mt-2 space-y-1 text-sm">
            {missed.map((c) => (
              <li key={`${c.lessonSlug}#${c.section}`}>
                <Link className="text-brand-700 underline dark:text-brand-300" href={`/learn/${c.lessonSlug}#${c.section}`}>
                  {c.lessonSlug.replaceAll("-", " ")} — {c.section.replaceAll("-", " ")}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="mt-6 flex flex-wrap gap-3">
        <ButtonLink href="/stats">See your stats</ButtonLink>
        {onUndo && (
          <Button variant="secondary" onClick={onUndo}>
            Undo last grade
          </Button>
        )}
      </div>
    </section>
  );
}

/** A brand-new learner's review: what cards are, where they come from, and a deck to start with now. */
function FirstDay({ onStart }: { onStart: () => Promise<string | null> }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <section aria-labelledby="first-day-heading" className="mt-6 rounded-2xl border border-stone-200 bg-white p-6 dark:border-stone-800 dark:bg-stone-900">
      <h2 id="first-day-heading" className="text-xl font-bold">
        Your first cards
      </h2>
      <p className="mt-2 text-stone-700 dark:text-stone-300">Review is a few minutes a day of spaced repetition. Cards arrive in two ways:</p>
      <ul className="mt-2 list-disc space-y-1 pl-5 text-stone-700 dark:text-stone-300">
        <li>each lesson&apos;s flashcards join once you have read it to the end;</li>
        <li>every practice question you answer comes back on schedule, sooner if you missed it.</li>
      </ul>
      <p className="mt-2 text-stone-700 dark:text-stone-300">Or start now with the basics: the first lesson&apos;s flashcards, about ten cards.</p>
      {error && (
        <p role="alert" className="mt-3 text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
      <div className="mt-5 flex flex-wrap gap-3">
        <Button
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            setError(await onStart());
            setBusy(false);
          }}
        >
          {busy ? "Adding cards…" : "Start with the basics"}
        </Button>
        <ButtonLink href="/learn" variant="secondary">
          Read a lesson first
        </ButtonLink>
      </div>
    </section>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="text-xs uppercase tracking-wider text-stone-500">{label}</dt>
      <dd className="text-2xl font-bold">{value}</dd>
    </div>
  );
}
