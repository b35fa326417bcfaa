/**
 * Anki fields are HTML. These helpers turn Systemic's plain text into field
 * HTML and compute what Anki derives from a note's first field: the sort
 * field (`sfld`, the field without HTML) and the duplicate checksum
 * (`csum`), exactly as Anki does (rslib `strip_html_preserving_media_filenames`
 * and `field_checksum`).
 */
import { createHash } from "node:crypto";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/** Text as HTML text or attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ESCAPES[c]!);
}

/** Plain text as field HTML: paragraphs (blank lines) become <p>, single line breaks <br>. */
export function textToFieldHtml(text: string): string {
  const paragraphs = text
    .replace(/\r\n?/g, "\n")
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  if (paragraphs.length <= 1) return escapeHtml(paragraphs[0] ?? "").replace(/\n/g, "<br>");
  return paragraphs.map((p) => `<p>${escapeHtml(p).replace(/\n/g, "<br>")}</p>`).join("");
}

// Anki's order: comments, style and script blocks with their content, then any tag.
const HTML = /<!--.*?-->|<style.*?>.*?<\/style>|<script.*?>.*?<\/script>|<.*?>/gis;
// Media references keep their file name, as Anki's stripping does.
const MEDIA = /<img[^>]*?\bsrc\s*=\s*["']?([^"'>\s]+)[^>]*>|\[sound:([^\]]+)\]/gi;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity, body: string) => {
    if (body[0] === "#") {
      const code = body[1] === "x" || body[1] === "X" ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
      if (!Number.isFinite(code) || code > 0x10ffff) return entity;
      // A no-break space reads as a space, as in Anki.
      return code === 0xa0 ? " " : String.fromCodePoint(code);
    }
    return NAMED[body.toLowerCase()] ?? entity;
  });
}

/** A field's text as Anki sorts and checks it: tags removed (media file names kept), entities decoded. */
export function stripFieldHtml(html: string): string {
  return decodeEntities(html.replace(MEDIA, (_m, src?: string, sound?: string) => ` ${src ?? sound ?? ""} `).replace(HTML, ""));
}

/** Anki's duplicate check value of a note: the first 8 hex digits of the SHA-1 of its stripped first field, as an integer. */
export function fieldChecksum(firstField: string): number {
  return Number.parseInt(createHash("sha1").update(stripFieldHtml(firstField), "utf8").digest("hex").slice(0, 8), 16);
}
