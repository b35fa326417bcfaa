/**
 * Items as Moodle GIFT. Export writes one multiple-choice question per item;
 * import (gift-reader.ts) reads GIFT from Systemic or from Moodle.
 *
 * Conventions, so that export → import gives back the same items:
 * - The title `::…::` is the item id.
 * - GIFT has one question text; it is the stem, a blank line (`\n\n`), then
 *   the lead-in. On import the last paragraph is the lead-in; a text with no
 *   blank line is split before its last sentence, so a hand-written
 *   "Stem. Stem. What should the therapist do next?" works as expected.
 * - Answers are in A–D order, the key marked `=`, distractors `~`, each
 *   rationale as the answer's `#feedback`.
 * - What GIFT has no place for travels in a comment line before the
 *   question: `// systemic: domain=3; concepts=joining,tracking; difficulty=2`
 *   (plus `lesson=` and `section=` when the item has them). Moodle ignores it.
 * - Text is escaped with GIFT's backslash escapes (\~ \= \# \{ \} \: \\ and
 *   \n for a line break). A text that would otherwise start with something
 *   GIFT reads as syntax (`[html]`, a `%50%` weight, `//`) is preceded by the
 *   explicit default format `[moodle]`, which Moodle and the reader strip.
 *   An answer containing "->" (which would make the question a matching
 *   one) is written as `[html]` with `-&gt;`.
 */
import { OPTION_LETTERS } from "@/lib/content/schema";
import type { InstructorItem } from "./schema";
import { lastBlankLine, limitBlankLines, stripTags, trimAroundNewlines } from "@/lib/text";

export const GIFT_METADATA_EXAMPLE = "// systemic: domain=3; concepts=joining,tracking; difficulty=2";

// ── Export ──────────────────────────────────────────────────

/** GIFT's escapes for its control characters and line breaks. */
export function escapeGift(text: string): string {
  return text
    .replace(/\\/g, "\\\\")
    .replace(/[~=#{}:]/g, (c) => `\\${c}`)
    .replace(/\r\n?|\n/g, "\\n");
}

/** Escaped text, guarded when its start would be read as a format, a weight or a comment. */
function giftText(text: string): string {
  const escaped = escapeGift(text);
  return /^(?:\[|%|\/\/)/.test(escaped) ? `[moodle]${escaped}` : escaped;
}

/**
 * An answer or feedback text. Moodle (and the reader) take an answer
 * block holding "=" and "->" for a matching question, and GIFT has no escape
 * for ">", so a text with "->" is written as HTML with "-&gt;". The HTML has
 * no tags (only &amp; &lt; &gt;), which htmlToText decodes back exactly.
 */
function giftAnswerText(text: string): string {
  if (!text.includes("->")) return giftText(text);
  const html = text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return `[html]${escapeGift(html)}`;
}

function metadataLine(item: InstructorItem): string {
  const parts = [`domain=${item.domain}`, `concepts=${item.concepts.join(",")}`, `difficulty=${item.difficulty}`];
  if (item.lesson !== undefined) parts.push(`lesson=${item.lesson}`);
  if (item.section !== undefined) parts.push(`section=${item.section}`);
  return `// systemic: ${parts.join("; ")}`;
}

function itemToGift(item: InstructorItem): string {
  const keyIndex = OPTION_LETTERS.indexOf(item.key);
  const title = item.id === undefined ? "" : `::${escapeGift(item.id)}::`;
  const answers = item.options.map((option, i) => `${i === keyIndex ? "=" : "~"}${giftAnswerText(option.text)}#${giftAnswerText(option.rationale)}`);
  return [metadataLine(item), `${title}${giftText(`${item.stem}\n\n${item.leadIn}`)} {`, ...answers, "}"].join("\n");
}

/** Items as a GIFT file that Moodle imports and parseGift reads back to the same items. */
export function itemsToGift(items: readonly InstructorItem[]): string {
  const header = [
    "// Multiple-choice items exported from Systemic (GIFT format, for Moodle).",
    "// Each \"// systemic:\" line keeps an item's domain, concepts and difficulty for re-import.",
  ].join("\n");
  return `${[header, ...items.map(itemToGift)].join("\n\n")}\n`;
}

// ── Import ──────────────────────────────────────────────────

/** The named entities Moodle's editor and word processors write; numeric ones are decoded separately. */
const ENTITIES: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ",
  ndash: "–", mdash: "—", hellip: "…", lsquo: "‘", rsquo: "’", sbquo: "‚", ldquo: "“", rdquo: "”", bdquo: "„",
  laquo: "«", raquo: "»", lsaquo: "‹", rsaquo: "›", bull: "•", middot: "·", deg: "°", plusmn: "±", times: "×", divide: "÷",
  frac12: "½", frac14: "¼", frac34: "¾", le: "≤", ge: "≥", ne: "≠", minus: "−", rarr: "→", larr: "←", harr: "↔",
  copy: "©", reg: "®", trade: "™", sect: "§", para: "¶", euro: "€", pound: "£", yen: "¥", cent: "¢", shy: "\u00ad",
  iexcl: "¡", iquest: "¿", szlig: "ß", thinsp: "\u2009", ensp: "\u2002", emsp: "\u2003", zwj: "\u200d", zwnj: "\u200c",
  agrave: "à", aacute: "á", acirc: "â", atilde: "ã", auml: "ä", aring: "å", aelig: "æ", ccedil: "ç",
  egrave: "è", eacute: "é", ecirc: "ê", euml: "ë", igrave: "ì", iacute: "í", icirc: "î", iuml: "ï",
  ntilde: "ñ", ograve: "ò", oacute: "ó", ocirc: "ô", otilde: "õ", ouml: "ö", oslash: "ø",
  ugrave: "ù", uacute: "ú", ucirc: "û", uuml: "ü", yacute: "ý", yuml: "ÿ",
  Agrave: "À", Aacute: "Á", Acirc: "Â", Atilde: "Ã", Auml: "Ä", Aring: "Å", AElig: "Æ", Ccedil: "Ç",
  Egrave: "È", Eacute: "É", Ecirc: "Ê", Euml: "Ë", Igrave: "Ì", Iacute: "Í", Icirc: "Î", Iuml: "Ï",
  Ntilde: "Ñ", Ograve: "Ò", Oacute: "Ó", Ocirc: "Ô", Otilde: "Õ", Ouml: "Ö", Oslash: "Ø",
  Ugrave: "Ù", Uacute: "Ú", Ucirc: "Û", Uuml: "Ü", Yacute: "Ý",
};

function decodeEntities(text: string): string {
  return text.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith("#")) {
      const code = name[1] === "x" || name[1] === "X" ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name] ?? ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * Moodle exports its editor's HTML; items are plain text with paragraphs.
 * HTML without tags (as giftAnswerText writes it) only has its entities
 * decoded, so its whitespace and line breaks come back exactly.
 */
export function htmlToText(html: string): string {
  if (!/<[a-z/!]/i.test(html)) return decodeEntities(html).trim();
  const text = stripTags(html.replace(/<br\s*\/?>/gi, "\n").replace(/<\/(?:p|div|li|h[1-6]|blockquote)>/gi, "\n\n"));
  return limitBlankLines(trimAroundNewlines(decodeEntities(text))).trim();
}

/**
 * Stem and lead-in of a GIFT question text: the last paragraph is the
 * lead-in; without paragraphs, the last sentence. A single sentence is all
 * lead-in (and the schema then asks for a stem).
 */
export function splitQuestionText(text: string): { stem: string; leadIn: string } {
  const trimmed = text.trim();
  const lastBreak = lastBlankLine(trimmed);
  if (lastBreak !== null) return { stem: trimmed.slice(0, lastBreak.start).trim(), leadIn: trimmed.slice(lastBreak.end).trim() };
  const at = lastSentenceEnd(trimmed);
  if (at !== null) return { stem: trimmed.slice(0, at).trim(), leadIn: trimmed.slice(at).trim() };
  return { stem: "", leadIn: trimmed };
}

/** Words whose full stop does not end a sentence ("Mr. Ito", "e.g. a parent"). */
const ABBREVIATIONS = new Set(["mr", "mrs", "ms", "mx", "dr", "prof", "st", "jr", "sr", "vs", "etc", "e.g", "i.e", "cf", "no", "approx", "dept", "fig"]);
const CLOSERS = new Set(['"', "'", "”", "’", ")", "]"]);

/**
 * Where the last sentence of `text` starts: after the last ".", "!", "?" or
 * "…" (and any closing quotes or brackets) that is followed by whitespace and
 * more text, and is not the full stop of an abbreviation. One backward pass.
 */
export function lastSentenceEnd(text: string): number | null {
  for (let i = text.length - 1; i > 0; i--) {
    const ch = text[i]!;
    if (!/\s/.test(ch)) continue;
    // i is whitespace: walk back over the run and the closers before it.
    let j = i;
    while (j > 0 && /\s/.test(text[j - 1]!)) j--;
    let p = j - 1;
    while (p >= 0 && CLOSERS.has(text[p]!)) p--;
    const mark = text[p];
    if (p >= 0 && (mark === "." || mark === "!" || mark === "?" || mark === "…")) {
      if (mark === ".") {
        let w = p;
        while (w > 0 && /[\p{L}.]/u.test(text[w - 1]!)) w--;
        const word = text.slice(w, p).toLowerCase();
        if (ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word)) {
          i = j;
          continue;
        }
      }
      return j;
    }
    i = j;
  }
  return null;
}
