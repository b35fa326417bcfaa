/** File download responses for the Teach exports. */

/** A file name from a title: ASCII letters, digits and dashes only, so every browser keeps it. */
export function fileSlug(title: string, fallback = "export"): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return slug || fallback;
}

const TYPES = {
  csv: "text/csv; charset=utf-8",
  gift: "text/plain; charset=utf-8",
  xml: "application/xml; charset=utf-8",
  zip: "application/zip",
  apkg: "application/octet-stream",
} as const;

/**
 * An attachment. CSVs start with a byte order mark so Excel reads them as
 * UTF-8 (names with accents survive); the other formats do not need one.
 */
export function download(body: string | Uint8Array, filename: string, kind: keyof typeof TYPES): Response {
  return new Response(typeof body !== "string" ? new Blob([body as BlobPart]) : kind === "csv" ? `\uFEFF${body}` : body, {
    status: 200,
    headers: {
      "Content-Type": TYPES[kind],
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
