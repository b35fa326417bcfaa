/**
 * The mechanical rules of docs/content-format.md and the item-writing guide,
 * as small pure functions over loaded content. Each returns the problems it
 * finds; lintContent runs them all.
 */
import type { Root } from "mdast";
import type {} from "remark-mdx";
import { visit } from "unist-util-visit";
import type { FlashcardRecord } from "./flashcards";
import { ITEM_RULES, itemLine } from "./item-rules";
import { fileSlug, type ContentProblem, type ContentRule, type ItemRecord, type LessonSource, type LoadedContent } from "./load";
import { cueFindings, nearDuplicateStems } from "./cues";
import { FAMILY_MAP_LANG, parseFamilyMap } from "./remark-family-map";
import { OPTION_LETTERS, type Blueprint } from "./schema";

export const EXAM_SECTION = "How the exam tests this";
export const SELF_CHECK_SECTION = "Self-check";
/** Key spread is only judged on lessons with at least this many items… */
export const KEY_SPREAD_MIN_ITEMS = 8;
/** …and fails when the most and least used key letters differ by more than this. */
export const KEY_SPREAD_MAX_GAP = 2;

type LessonsBySlug = ReadonlyMap<string, Pick<LessonSource, "anchors">>;

const problemAt = (file: string, line: number, rule: ContentRule, message: string): ContentProblem => ({ file, line, message, rule });
const itemProblem = (item: ItemRecord, field: string, rule: ContentRule, message: string) =>
  problemAt(item.file, itemLine(item, field), rule, `${item.id}: ${message}`);


// ── Lessons ─────────────────────────────────────────────────

export function checkLessonSlug(lesson: LessonSource): ContentProblem[] {
  const expected = fileSlug(lesson.file);
  if (lesson.slug === expected) return [];
  return [problemAt(lesson.file, lesson.frontmatterLines.slug ?? 1, "lesson-slug", `slug "${lesson.slug}" must equal the file name "${expected}"`)];
}

export function checkLessonOrder(lessons: readonly LessonSource[]): ContentProblem[] {
  const first = new Map<number, LessonSource>();
  const problems: ContentProblem[] = [];
  for (const lesson of lessons) {
    const other = first.get(lesson.frontmatter.order);
    if (other === undefined) first.set(lesson.frontmatter.order, lesson);
    else
      problems.push(
        problemAt(lesson.file, lesson.frontmatterLines.order ?? 1, "lesson-order", `order ${lesson.frontmatter.order} is already used by ${other.file}; each lesson has its own position`),
      );
  }
  return problems;
}

const hasJsx = (tree: Root, name: string) => {
  let found = false;
  visit(tree, (node) => {
    if ((node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement") && node.name === name) found = true;
  });
  return found;
};

/** The required parts of every lesson: the exam section, the self-check and a worked vignette. */
export function checkLessonStructure(lesson: LessonSource): ContentProblem[] {
  if (lesson.tree === null) return [];
  const problems: ContentProblem[] = [];
  const hasSection = (text: string) => lesson.headings.some((h) => h.depth === 2 && h.text.trim() === text);
  if (!hasSection(EXAM_SECTION))
    problems.push(problemAt(lesson.file, 1, "lesson-exam-section", `a lesson needs a section headed exactly "## ${EXAM_SECTION}"`));
  if (!hasSection(SELF_CHECK_SECTION))
    problems.push(problemAt(lesson.file, 1, "lesson-self-check", `a lesson needs a section headed exactly "## ${SELF_CHECK_SECTION}"`));
  if (!hasJsx(lesson.tree, "Vignette"))
    problems.push(problemAt(lesson.file, 1, "lesson-vignette", "a lesson needs at least one <Vignette> (a worked clinical example)"));
  return problems;
}

export function checkFamilyMaps(lesson: LessonSource): ContentProblem[] {
  if (lesson.tree === null) return [];
  const problems: ContentProblem[] = [];
  visit(lesson.tree, "code", (node) => {
    if (node.lang !== FAMILY_MAP_LANG) return;
    const result = parseFamilyMap(node.value);
    if (result.ok) return;
    const fenceLine = node.position?.start.line ?? 1;
    for (const p of result.problems) problems.push(problemAt(lesson.file, fenceLine + p.line, "family-map", p.message));
  });
  return problems;
}

export interface LessonLink {
  slug: string;
  /** Decoded anchor, without "#"; undefined when the link has none. */
  anchor?: string;
}

/**
 * Which lesson (and anchor) a link URL points at, or null when it is not a
 * lesson link (external, another app route, a non-lesson file). Understands
 * `/learn/<slug>#<anchor>`, `#<anchor>` and relative links such as
 * `./<slug>`, `<slug>.mdx#<anchor>` or `../lessons/<slug>.mdx`.
 */
export function resolveLessonLink(url: string, currentSlug: string): LessonLink | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith("//")) return null;
  const hashAt = url.indexOf("#");
  const pathPart = (hashAt === -1 ? url : url.slice(0, hashAt)).split("?")[0] ?? "";
  const rawAnchor = hashAt === -1 ? undefined : url.slice(hashAt + 1);
  let anchor: string | undefined;
  try {
    anchor = rawAnchor === undefined ? undefined : decodeURIComponent(rawAnchor);
  } catch {
    anchor = rawAnchor;
  }
  if (pathPart === "") return { slug: currentSlug, anchor };
  if (pathPart.startsWith("/")) {
    const match = /^\/learn\/([^/]+)\/?$/.exec(pathPart);
    return match?.[1] ? { slug: match[1], anchor } : null;
  }
  const base = pathPart.replace(/\/$/, "").split("/").pop() ?? "";
  if (base === "" || base === "." || base === "..") return null;
  if (/\.[a-z0-9]+$/i.test(base) && !base.endsWith(".mdx")) return null;
  return { slug: base.replace(/\.mdx$/, ""), anchor };
}

export function checkLessonLinks(lesson: LessonSource, lessons: LessonsBySlug): ContentProblem[] {
  if (lesson.tree === null) return [];
  const problems: ContentProblem[] = [];
  visit(lesson.tree, (node) => {
    if (node.type !== "link" && node.type !== "definition") return;
    const target = resolveLessonLink(node.url, lesson.slug);
    if (target === null) return;
    const line = node.position?.start.line ?? 1;
    const linked = lessons.get(target.slug);
    if (linked === undefined) {
      problems.push(problemAt(lesson.file, line, "broken-link", `link "${node.url}" points to lesson "${target.slug}", which does not exist`));
    } else if (target.anchor !== undefined && target.anchor !== "" && !linked.anchors.includes(target.anchor)) {
      problems.push(problemAt(lesson.file, line, "broken-link", `link "${node.url}" points to #${target.anchor}, which is not a heading anchor of lesson "${target.slug}"`));
    }
  });
  return problems;
}

// ── Flashcards ──────────────────────────────────────────────

export function checkFlashcardIds(flashcards: readonly FlashcardRecord[]): ContentProblem[] {
  const first = new Map<string, FlashcardRecord>();
  const problems: ContentProblem[] = [];
  for (const card of flashcards) {
    const other = first.get(card.id);
    if (other === undefined) first.set(card.id, card);
    else
      problems.push(
        problemAt(card.file, card.line, "flashcard-duplicate-id", `duplicate flashcard id "${card.id}" (first at ${other.file}:${other.line}); each KeyTerm term and Card front must be distinct`),
      );
  }
  return problems;
}

/** The term a card defines: a KeyTerm's term, or X in a Card asking "What is (a/an/the) X?". */
function definedTerm(card: FlashcardRecord): string | null {
  if (card.term) return card.term.toLowerCase().trim();
  const asked = /^what (?:is|are) (?:an? |the )?(.+?)\?$/i.exec(card.front.trim());
  return asked ? asked[1]!.toLowerCase().replace(/["“”]/g, "").trim() : null;
}

/**
 * One definition per term across the course: two cards that define the same
 * term (in one lesson or two) teach two wordings to memorise, and a learner
 * cannot tell which one the exam means.
 */
export function checkDuplicateDefinitions(flashcards: readonly FlashcardRecord[]): ContentProblem[] {
  const first = new Map<string, FlashcardRecord>();
  const problems: ContentProblem[] = [];
  for (const card of flashcards) {
    const term = definedTerm(card);
    if (term === null) continue;
    const other = first.get(term);
    if (other === undefined) first.set(term, card);
    // The same id is already reported as a duplicate card.
    else if (other.id !== card.id)
      problems.push(
        problemAt(
          card.file,
          card.line,
          "flashcard-duplicate-definition",
          `"${term}" is already defined by a flashcard at ${other.file}:${other.line}; keep one definition and make this card ask something else about it`,
        ),
      );
  }
  return problems;
}

// ── Items ───────────────────────────────────────────────────

export {
  checkAllNoneAbove,
  checkDuplicateOptions,
  checkKeyLength,
  checkLeadInQuestion,
  checkNegativeLeadIn,
  checkRationalePrefixes,
  ITEM_RULES,
  KEY_LENGTH_RATIO,
  keyStandsOutByLength,
} from "./item-rules";

export function checkItemReferences(item: ItemRecord, lessons: LessonsBySlug, blueprints: readonly Pick<Blueprint, "id">[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const lesson = lessons.get(item.lesson);
  if (lesson === undefined) {
    problems.push(itemProblem(item, "lesson", "item-lesson", `lesson "${item.lesson}" does not exist (no valid content/lessons/${item.lesson}.mdx)`));
  } else if (!lesson.anchors.includes(item.section)) {
    problems.push(itemProblem(item, "section", "item-section", `section "${item.section}" is not a heading anchor of lesson "${item.lesson}"`));
  }
  if (!blueprints.some((b) => b.id === item.blueprint)) {
    problems.push(itemProblem(item, "blueprint", "item-blueprint", `blueprint "${item.blueprint}" does not exist in content/blueprints`));
  }
  return problems;
}

export function checkDuplicateItemIds(items: readonly ItemRecord[]): ContentProblem[] {
  const first = new Map<string, ItemRecord>();
  const problems: ContentProblem[] = [];
  for (const item of items) {
    const other = first.get(item.id);
    if (other === undefined) first.set(item.id, item);
    else problems.push(itemProblem(item, "id", "item-duplicate-id", `duplicate item id (first at ${other.file}:${other.line}); ids are unique across the bank`));
  }
  return problems;
}

export type KeyCounts = Record<(typeof OPTION_LETTERS)[number], number>;

export function keyCounts(items: readonly Pick<ItemRecord, "key">[]): KeyCounts {
  const counts: KeyCounts = { A: 0, B: 0, C: 0, D: 0 };
  for (const item of items) counts[item.key] += 1;
  return counts;
}

/**
 * Keys of a lesson's items should be spread over A–D. Small lessons cannot
 * be balanced meaningfully, so only lessons with ≥ 8 items whose most and
 * least used letters differ by more than 2 fail.
 */
export function checkKeySpread(items: readonly ItemRecord[]): ContentProblem[] {
  const byLesson = new Map<string, ItemRecord[]>();
  for (const item of items) byLesson.set(item.lesson, [...(byLesson.get(item.lesson) ?? []), item]);
  const problems: ContentProblem[] = [];
  for (const [lesson, lessonItems] of byLesson) {
    if (lessonItems.length < KEY_SPREAD_MIN_ITEMS) continue;
    const counts = keyCounts(lessonItems);
    const values = Object.values(counts);
    if (Math.max(...values) - Math.min(...values) <= KEY_SPREAD_MAX_GAP) continue;
    const first = lessonItems[0]!;
    const summary = OPTION_LETTERS.map((l) => `${l} ${counts[l]}`).join(", ");
    problems.push(
      problemAt(first.file, first.line, "item-key-spread", `the keys of lesson "${lesson}" are not spread across A–D (${summary}); move keys so the counts differ by at most 1`),
    );
  }
  return problems;
}

/** The cue checks of lib/content/cues.ts as bank problems at the field they point to. */
export function checkCues(item: ItemRecord): ContentProblem[] {
  return cueFindings(item).map((f) => itemProblem(item, f.field, f.rule, f.message));
}

/** Near-duplicate stems across the bank, reported at the later item of each pair. */
export function checkNearDuplicateStems(items: readonly ItemRecord[]): ContentProblem[] {
  return nearDuplicateStems(items).map(({ a, b, similarity }) =>
    itemProblem(b, "stem", "item-near-duplicate-stem", `the stem is a near-duplicate of ${a.id} (${a.file}:${a.line}; ${Math.round(similarity * 100)}% of content words shared); write a distinct situation`),
  );
}

// ── Everything ──────────────────────────────────────────────

export function sortProblems(problems: readonly ContentProblem[]): ContentProblem[] {
  return [...problems].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.rule.localeCompare(b.rule) || a.message.localeCompare(b.message));
}

/** `content/items/x.yaml:42: message [rule]` */
export const formatProblem = (p: ContentProblem) => `${p.file}:${p.line}: ${p.message} [${p.rule}]`;

/** The cross-file and per-file rules over loaded content (not the problems found while loading). */
export function lintContent(content: LoadedContent): ContentProblem[] {
  const lessons = new Map(content.lessons.map((l) => [l.slug, l] as const));
  return sortProblems([
    ...checkLessonOrder(content.lessons),
    ...content.lessons.flatMap((lesson) => [...checkLessonSlug(lesson), ...checkLessonStructure(lesson), ...checkFamilyMaps(lesson), ...checkLessonLinks(lesson, lessons)]),
    ...checkFlashcardIds(content.flashcards),
    ...checkDuplicateDefinitions(content.flashcards),
    ...checkDuplicateItemIds(content.items),
    ...checkKeySpread(content.items),
    ...checkNearDuplicateStems(content.items),
    ...content.items.flatMap((item) => [...checkItemReferences(item, lessons, content.blueprints), ...ITEM_RULES.flatMap((rule) => rule(item)), ...checkCues(item)]),
  ]);
}

/** The rules that judge how an item is written (lib/content/cues.ts), as opposed to whether it is valid. */
export const CUE_RULE_NAMES: ReadonlySet<ContentRule> = new Set<ContentRule>([
  "item-option-justification",
  "item-option-length",
  "item-stem-echo",
  "item-absolute-distractor",
  "item-signal-only-key",
  "item-concept-in-lead-in",
  "item-key-citation",
  "item-near-duplicate-stem",
]);

/**
 * Splits problems into those that fail the check and warnings: cue findings
 * in item files listed in content/cue-rewrites-pending.yaml (older items
 * awaiting their rewrite to the cue standard). Every other problem, and
 * every cue finding elsewhere, still fails.
 */
export function partitionPending(problems: readonly ContentProblem[], pendingFiles: ReadonlySet<string>): { problems: ContentProblem[]; warnings: ContentProblem[] } {
  const failing: ContentProblem[] = [];
  const warnings: ContentProblem[] = [];
  for (const p of problems) (CUE_RULE_NAMES.has(p.rule) && pendingFiles.has(p.file) ? warnings : failing).push(p);
  return { problems: failing, warnings };
}

/** Problems found while loading plus those of every lint rule, sorted by file and line. */
export function contentProblems(content: LoadedContent): ContentProblem[] {
  return sortProblems([...content.problems, ...lintContent(content)]);
}
