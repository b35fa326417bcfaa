/**
 * Text helpers for input people send us (imports, the item editor, forms,
 * API bodies). Every function here is a single pass over the text: none uses
 * a regular expression whose cost can grow with the square of a run of
 * characters, so no input, however long or strange, can stall the server.
 */

/** Horizontal whitespace: what `[^\S\n]` matches (every `\s` character but the newline). */
export function isHorizontalSpace(code: number): boolean {
  return (
    code === 0x20 ||
    code === 0x09 ||
    code === 0x0b ||
    code === 0x0c ||
    code === 0x0d ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

export const isSpace = (code: number) => code === 0x0a || isHorizontalSpace(code);

/** True when a line holds nothing but ASCII blanks (space, tab, CR); a no-break space is content. */
export function isBlankLine(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d) return false;
  }
  return true;
}

/** `\r\n` and lone `\r` become `\n`. */
export function normaliseNewlines(text: string): string {
  if (!text.includes("\r")) return text;
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === "\r") {
      out += "\n";
      if (text[i + 1] === "\n") i++;
    } else out += ch;
  }
  return out;
}

/** Every byte-order mark at the very start (files saved twice by some editors carry two). */
export function stripLeadingBoms(text: string): string {
  let i = 0;
  while (text.charCodeAt(i) === 0xfeff) i++;
  return i === 0 ? text : text.slice(i);
}

/** Removes horizontal whitespace at the end and start of every line (what the quadratic `[^\S\n]*\n[^\S\n]*` → newline replacement did), in one pass. */
export function trimAroundNewlines(text: string): string {
  const lines = text.split("\n");
  if (lines.length === 1) return text;
  return lines
    .map((line, i) => {
      let start = 0;
      let end = line.length;
      if (i > 0) while (start < end && isHorizontalSpace(line.charCodeAt(start))) start++;
      if (i < lines.length - 1) while (end > start && isHorizontalSpace(line.charCodeAt(end - 1))) end--;
      return line.slice(start, end);
    })
    .join("\n");
}

/** Runs of three or more newlines become two (at most one blank line). */
export function limitBlankLines(text: string): string {
  let out = "";
  let run = 0;
  for (const ch of text) {
    if (ch === "\n") {
      run++;
      if (run <= 2) out += ch;
    } else {
      run = 0;
      out += ch;
    }
  }
  return out;
}

/**
 * Collapses whitespace: a run of two or more horizontal spaces becomes one
 * space; with `newlines: "space"`, any run that holds a newline becomes one
 * space too (a one-line text). Single characters are left as they are.
 */
export function collapseSpaces(text: string, newlines: "keep" | "space" = "keep"): string {
  let out = "";
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    const counts = newlines === "space" ? isSpace(c) : isHorizontalSpace(c);
    if (!counts) {
      out += text[i];
      i++;
      continue;
    }
    let j = i;
    let hasNewline = false;
    while (j < text.length && (newlines === "space" ? isSpace(text.charCodeAt(j)) : isHorizontalSpace(text.charCodeAt(j)))) {
      if (text.charCodeAt(j) === 0x0a) hasNewline = true;
      j++;
    }
    out += j - i >= 2 || hasNewline ? " " : text[i];
    i = j;
  }
  return out;
}

/**
 * Removes `<…>` tags (what `/<[^>]*>/g` removes): an unclosed `<` and
 * everything after it stay as they are. One pass: once no `>` follows, no
 * later `<` can close either.
 */
export function stripTags(html: string): string {
  let out = "";
  let i = 0;
  while (i < html.length) {
    const open = html.indexOf("<", i);
    if (open === -1) break;
    const close = html.indexOf(">", open + 1);
    if (close === -1) break;
    out += html.slice(i, open);
    i = close + 1;
  }
  return out + html.slice(i);
}

/** Index of the last `\n` + horizontal spaces + `\n` (a blank line), with the end of the whitespace run that follows; null when none. */
export function lastBlankLine(text: string): { start: number; end: number } | null {
  let found: { start: number; end: number } | null = null;
  let i = text.indexOf("\n");
  while (i !== -1) {
    let j = i + 1;
    while (j < text.length && isHorizontalSpace(text.charCodeAt(j))) j++;
    if (text.charCodeAt(j) === 0x0a) {
      let end = j + 1;
      while (end < text.length && isSpace(text.charCodeAt(end))) end++;
      found = { start: i, end };
      i = text.indexOf("\n", end);
      // A run of blank lines is one break: continue after it.
      continue;
    }
    i = text.indexOf("\n", i + 1);
  }
  return found;
}

/** Splits `text` at every paragraph break (a blank line, possibly holding spaces); paragraphs keep their inner single newlines. */
export function splitParagraphs(text: string): string[] {
  const parts: string[] = [];
  let rest = text;
  for (;;) {
    const at = firstBlankLine(rest);
    if (at === null) break;
    parts.push(rest.slice(0, at.start));
    rest = rest.slice(at.end);
  }
  parts.push(rest);
  return parts;
}

function firstBlankLine(text: string): { start: number; end: number } | null {
  let i = text.indexOf("\n");
  while (i !== -1) {
    let j = i + 1;
    while (j < text.length && isHorizontalSpace(text.charCodeAt(j))) j++;
    if (text.charCodeAt(j) === 0x0a) {
      let end = j + 1;
      while (end < text.length && isSpace(text.charCodeAt(end))) end++;
      return { start: i, end };
    }
    i = text.indexOf("\n", i + 1);
  }
  return null;
}

/** Removes trailing characters that satisfy `drop` (a hand-rolled `/[…]+$/`). */
export function trimEndWhere(text: string, drop: (ch: string) => boolean): string {
  let end = text.length;
  while (end > 0 && drop(text[end - 1]!)) end--;
  return text.slice(0, end);
}

// ── Characters we cannot store ──────────────────────────────

export interface UnsafeCharacter {
  /** UTF-16 index in the text. */
  index: number;
  codePoint: number;
  kind: "control" | "surrogate";
}

const hex = (n: number) => `U+${n.toString(16).toUpperCase().padStart(4, "0")}`;

/**
 * The first character that must not enter the database: a C0 or C1 control
 * character other than tab, newline and carriage return (PostgreSQL refuses
 * NUL in text), or a lone UTF-16 surrogate (not valid Unicode, refused by
 * PostgreSQL's UTF-8 encoding). null when the text is clean.
 */
export function findUnsafeCharacter(text: string, from = 0): UnsafeCharacter | null {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20) {
      if (c === 0x09 || c === 0x0a || c === 0x0d) continue;
      return { index: i, codePoint: c, kind: "control" };
    }
    if (c >= 0x7f && c <= 0x9f) return { index: i, codePoint: c, kind: "control" };
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return { index: i, codePoint: c, kind: "surrogate" };
    }
    if (c >= 0xdc00 && c <= 0xdfff) return { index: i, codePoint: c, kind: "surrogate" };
  }
  return null;
}

/** "a control character (U+0000)" / "a broken character (lone surrogate U+D800)". */
export function describeUnsafeCharacter(found: UnsafeCharacter): string {
  return found.kind === "control" ? `a control character (${hex(found.codePoint)})` : `a broken character (lone surrogate ${hex(found.codePoint)})`;
}

/** The message for a field that holds an unsafe character, or null when it is clean. */
export function unsafeCharacterMessage(text: string, what = "the text"): string | null {
  const found = findUnsafeCharacter(text);
  return found === null ? null : `${what} contains ${describeUnsafeCharacter(found)} that cannot be stored; remove it`;
}

/** 1-based line of a UTF-16 index. */
export function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index && i < text.length; i++) if (text.charCodeAt(i) === 0x0a) line++;
  return line;
}

/** Every line holding an unsafe character, with a message naming it (at most `limit` lines). */
export function unsafeCharacterLines(text: string, limit = 20): { line: number; message: string }[] {
  const out: { line: number; message: string }[] = [];
  let line = 1;
  let counted = 0;
  let from = 0;
  while (out.length < limit) {
    const found = findUnsafeCharacter(text, from);
    if (found === null) break;
    for (let i = counted; i < found.index; i++) if (text.charCodeAt(i) === 0x0a) line++;
    out.push({ line, message: `this line contains ${describeUnsafeCharacter(found)} that cannot be stored; remove it` });
    const nextLine = text.indexOf("\n", found.index);
    if (nextLine === -1) break;
    counted = found.index;
    from = nextLine;
  }
  return out;
}

/**
 * The first text field holding a character that cannot be stored (a control
 * character or a lone surrogate), with a message that names it and, in a
 * text of several lines, the line it is on.
 */
export function unsafeInput(input: Record<string, unknown>): { field: string; message: string } | null {
  const visit = (value: unknown, field: string, depth: number): { field: string; message: string } | null => {
    if (typeof value === "string") {
      const found = findUnsafeCharacter(value);
      if (found === null) return null;
      const where = value.includes("\n") ? ` on line ${lineAt(value, found.index)}` : "";
      return { field, message: `This contains ${describeUnsafeCharacter(found)}${where} that cannot be stored; remove it and try again.` };
    }
    if (depth > 4 || value === null || typeof value !== "object") return null;
    for (const [, inner] of Object.entries(value)) {
      const hit = visit(inner, field, depth + 1);
      if (hit) return hit;
    }
    return null;
  };
  for (const [field, value] of Object.entries(input)) {
    const hit = visit(value, field, 0);
    if (hit) return hit;
  }
  return null;
}

/** Shortens a quoted piece of input for a message: at most `max` characters, with an ellipsis. */
export function quoteInput(text: string, max = 60): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}
