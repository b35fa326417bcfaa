import { apiError, json, readBody, withUser } from "@/lib/api";
import { db } from "@/lib/db";
import { deleteImportedHistory, describeImport, importReviewHistory, MAX_HISTORY_FILE_BYTES } from "@/lib/anki/history-import";
import { MIN_REVIEWS_FOR_OPTIMIZATION } from "@/lib/srs/optimizer";

export const dynamic = "force-dynamic";

const STATUS = { "too-large": 413, unreadable: 422, "too-many": 409 } as const;

/**
 * Imports a review history for the optimizer: the request body is the file
 * itself (an Anki .apkg/.colpkg or an fsrs-optimizer CSV, sent as
 * application/octet-stream), `?name=` its file name. Answers with what was
 * stored, or why nothing was.
 */
export const POST = withUser(async (request, user) => {
  // A cross-site page cannot declare this type without a CORS preflight, which this site never grants.
  if (request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase() !== "application/octet-stream") {
    void request.body?.cancel().catch(() => undefined);
    return apiError(415, "unsupported-media-type", "Send the file itself as the request body with Content-Type: application/octet-stream.");
  }
  const bytes = await readBody(request, MAX_HISTORY_FILE_BYTES);
  if (bytes === "too-large") {
    return apiError(413, "too-large", `This file is larger than ${MAX_HISTORY_FILE_BYTES / 1024 / 1024} MB. In Anki, export without media, or export a single deck with scheduling information.`);
  }
  if (bytes.byteLength === 0) return apiError(400, "empty", "Choose an Anki package (.apkg or .colpkg) or a review-log CSV to import.");
  const name = (new URL(request.url).searchParams.get("name") ?? "").slice(0, 255);
  const outcome = await importReviewHistory(db, user.id, { bytes, name });
  if (!outcome.ok) {
    const { reason, message, problems, problemCount } = outcome;
    return apiError(STATUS[reason], reason, message, problems ? { problems, problemCount } : undefined);
  }
  return json({ ...outcome, threshold: MIN_REVIEWS_FOR_OPTIMIZATION, message: describeImport(outcome) }, 201);
});

/** Removes every review the learner imported. */
export const DELETE = withUser(async (_request, user) => {
  return json({ deleted: await deleteImportedHistory(db, user.id) });
});
