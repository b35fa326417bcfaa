import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { listLessons } from "@/lib/content/lessons";
import { CURRENT_BLUEPRINT_ID, getBlueprint } from "@/lib/exam/blueprints";
import { mockSize, sampleItems, type MockKind } from "@/lib/exam/sampling";
import { itemHistory } from "@/lib/learn/answers";
import { notInRunningAttempt, parseConcepts } from "@/lib/learn/items";
import { pickPracticeItems } from "@/lib/learn/selection";
import { shuffle } from "@/lib/learn/shuffle";
import { createAttempt, seenItemIds, type CreateAttemptResult } from "./attempts";
import { describePracticeSpec, type PracticeSpec } from "./practice-spec";

export type { PracticeSpec } from "./practice-spec";

type BankItem = { id: string; domain: number; lessonSlug: string; concepts: string[] };

/**
 * Live items of the shared bank that a new practice session of this learner
 * may draw: none from one of their running attempts, whose keys a practice
 * report or tutor feedback would otherwise reveal.
 */
async function bankItems(userId: string): Promise<BankItem[]> {
  const rows = await db.item.findMany({
    where: { retiredAt: null, ownerId: null, ...notInRunningAttempt(userId) },
    select: { id: true, domain: true, lessonSlug: true, concepts: true },
    orderBy: { id: "asc" },
  });
  return rows.map((r) => ({ ...r, concepts: safeConcepts(r.concepts) }));
}

function safeConcepts(json: string): string[] {
  try {
    return parseConcepts(json);
  } catch {
    return [];
  }
}

/** Ids of the items the learner's most recent answer got wrong. */
function missedIds(history: Awaited<ReturnType<typeof itemHistory>>): Set<string> {
  return new Set([...history].filter(([, h]) => h.lastCorrect === false).map(([id]) => id));
}

export interface PracticeOptions {
  domains: { id: number; name: string; count: number }[];
  lessons: { slug: string; title: string; count: number }[];
  concepts: { slug: string; label: string; count: number }[];
  counts: { all: number; unseen: number; missed: number; flagged: number };
}

/** What the session builder can offer this learner, with the number of items behind each choice. */
export async function practiceOptions(userId: string): Promise<PracticeOptions> {
  const [items, lessons, flags] = await Promise.all([
    bankItems(userId),
    listLessons(),
    db.itemFlag.findMany({ where: { userId, item: { retiredAt: null, ownerId: null } }, select: { itemId: true } }),
  ]);
  const history = await itemHistory(userId, items.map((i) => i.id));
  const blueprint = getBlueprint();
  const count = (predicate: (item: BankItem) => boolean) => items.filter(predicate).length;
  const conceptCounts = new Map<string, number>();
  for (const item of items) for (const c of item.concepts) conceptCounts.set(c, (conceptCounts.get(c) ?? 0) + 1);
  return {
    domains: blueprint.domains.map((d) => ({ id: d.id, name: d.name, count: count((i) => i.domain === d.id) })),
    lessons: lessons.map((l) => ({ slug: l.slug, title: l.frontmatter.title, count: count((i) => i.lessonSlug === l.slug) })).filter((l) => l.count > 0),
    concepts: [...conceptCounts]
      .map(([slug, n]) => ({ slug, label: slug.replaceAll("-", " "), count: n }))
      .sort((a, b) => a.label.localeCompare(b.label)),
    counts: {
      all: items.length,
      unseen: count((i) => !history.has(i.id)),
      missed: missedIds(history).size,
      flagged: flags.length,
    },
  };
}

export type BuildResult = { ok: true; itemIds: string[] } | { ok: false; reason: "empty" };

/**
 * The items of a practice session: the bank filtered by the chosen source,
 * then up to `length` of them with unseen and missed items first (as in a
 * lesson's tutor round), in a shuffled order so domains interleave.
 */
export async function buildPracticeSet(userId: string, spec: PracticeSpec, random: () => number = Math.random): Promise<BuildResult> {
  const items = await bankItems(userId);
  const history = await itemHistory(userId, items.map((i) => i.id));
  let candidates: BankItem[];
  switch (spec.source) {
    case "domain":
      candidates = items.filter((i) => i.domain === spec.domain);
      break;
    case "lesson":
      candidates = items.filter((i) => i.lessonSlug === spec.lesson);
      break;
    case "concept":
      candidates = items.filter((i) => spec.concept !== undefined && i.concepts.includes(spec.concept));
      break;
    case "missed": {
      const missed = missedIds(history);
      candidates = items.filter((i) => missed.has(i.id));
      break;
    }
    case "flagged": {
      const flagged = new Set((await db.itemFlag.findMany({ where: { userId }, select: { itemId: true } })).map((f) => f.itemId));
      candidates = items.filter((i) => flagged.has(i.id));
      break;
    }
    case "unseen":
      candidates = items.filter((i) => !history.has(i.id));
      break;
    default:
      candidates = items;
  }
  if (candidates.length === 0) return { ok: false, reason: "empty" };
  const chosen = pickPracticeItems(
    candidates.map((i) => i.id),
    history,
    spec.length,
    random,
  );
  return { ok: true, itemIds: shuffle(chosen, random) };
}

export type StartResult = CreateAttemptResult | { ok: false; reason: "empty" };

/** Builds and starts an untimed practice session (tutor or quiz mode). */
export async function startPractice(userId: string, spec: PracticeSpec, now = new Date(), random: () => number = Math.random): Promise<StartResult> {
  const built = await buildPracticeSet(userId, spec, random);
  if (!built.ok) return built;
  const options = await labelsFor(spec);
  return createAttempt(
    userId,
    {
      kind: "practice",
      mode: spec.mode,
      itemIds: built.itemIds,
      timeLimitSec: null,
      spec: { ...spec, label: describePracticeSpec(spec, options) },
    },
    now,
  );
}

async function labelsFor(spec: PracticeSpec): Promise<{ lessonTitle?: string }> {
  if (spec.source !== "lesson") return {};
  const lesson = (await listLessons()).find((l) => l.slug === spec.lesson);
  return { lessonTitle: lesson?.frontmatter.title };
}

export const mockKindSchema = z.enum(["full", "short"]);

/** Length and time of each mock for the current bank, for the practice home. */
export async function mockOffers(): Promise<Record<MockKind, { items: number; minutes: number }>> {
  const blueprint = getBlueprint();
  const pool = await db.item.findMany({ where: { retiredAt: null, ownerId: null }, select: { domain: true } });
  return { full: mockSize("full", blueprint, pool), short: mockSize("short", blueprint, pool) };
}

/**
 * Starts a mock exam: items drawn from the bank to the blueprint's domain
 * proportions, preferring items the learner has not met before, timed at
 * the exam's pace of 80 seconds per item.
 */
export async function startMock(userId: string, kind: MockKind, now = new Date(), random: () => number = Math.random): Promise<CreateAttemptResult> {
  const blueprint = getBlueprint(CURRENT_BLUEPRINT_ID);
  const [pool, seen] = await Promise.all([
    db.item.findMany({ where: { retiredAt: null, ownerId: null, ...notInRunningAttempt(userId) }, select: { id: true, domain: true }, orderBy: { id: "asc" } }),
    seenItemIds(userId),
  ]);
  const size = mockSize(kind, blueprint, pool);
  if (size.items === 0) return { ok: false, reason: "empty" };
  const itemIds = sampleItems({ blueprint, n: size.items, pool, seen, random });
  return createAttempt(
    userId,
    {
      kind: kind === "full" ? "mock-full" : "mock-short",
      mode: "timed",
      itemIds,
      timeLimitSec: size.minutes * 60,
      blueprintId: blueprint.id,
      spec: { label: kind === "full" ? "Full mock exam" : "Short mock exam", items: size.items, minutes: size.minutes },
    },
    now,
  );
}
