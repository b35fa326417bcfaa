import "server-only";
import { db } from "@/lib/db";
import { toCsv } from "@/lib/cohorts/formats/csv";

/** Version of the export's shape, so a reader can tell what it holds. */
export const DATA_EXPORT_VERSION = 1;
export const DATA_EXPORT_PARTS = ["account", "answers", "review-log", "review-cards", "settings", "attempts"] as const;
export type DataExportPart = (typeof DATA_EXPORT_PARTS)[number];

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/**
 * Everything the app keeps about one learner, as plain JSON: the account
 * (without the password hash, session version or OAuth tokens), every
 * answer, the review log and cards, the review settings, attempts with their
 * answers, lesson progress, flags, cohort memberships and any review
 * history imported from Anki.
 */
export async function learnerData(userId: string, now = new Date()) {
  const [user, answers, reviewLog, reviewCards, settings, attempts, progress, flags, memberships, importedReviews] = await Promise.all([
    db.user.findUniqueOrThrow({
      where: { id: userId },
      select: { id: true, email: true, name: true, role: true, timeZone: true, examDate: true, createdAt: true, accounts: { select: { provider: true } } },
    }),
    db.answer.findMany({ where: { userId }, orderBy: { answeredAt: "asc" }, select: { itemId: true, chosen: true, correct: true, timeMs: true, mode: true, answeredAt: true } }),
    db.reviewLog.findMany({
      where: { userId },
      orderBy: { reviewedAt: "asc" },
      select: { cardId: true, rating: true, state: true, reviewedAt: true, durationMs: true, source: true, undoneAt: true, card: { select: { kind: true, flashcardId: true, itemId: true } } },
    }),
    db.reviewCard.findMany({
      where: { userId },
      orderBy: { createdAt: "asc" },
      select: { id: true, kind: true, flashcardId: true, itemId: true, due: true, stability: true, difficulty: true, reps: true, lapses: true, state: true, lastReview: true, suspended: true, leech: true },
    }),
    db.srsSettings.findUnique({ where: { userId } }),
    db.attempt.findMany({
      where: { userId },
      orderBy: { startedAt: "asc" },
      select: { id: true, kind: true, mode: true, startedAt: true, submittedAt: true, correct: true, total: true, answers: { orderBy: { position: "asc" }, select: { itemId: true, position: true, chosen: true } } },
    }),
    db.lessonProgress.findMany({ where: { userId }, select: { lessonSlug: true, readAt: true } }),
    db.itemFlag.findMany({ where: { userId }, select: { itemId: true, createdAt: true } }),
    db.cohortMember.findMany({ where: { userId }, select: { joinedAt: true, cohort: { select: { name: true } } } }),
    db.importedReview.findMany({
      where: { userId },
      orderBy: [{ reviewedAt: "asc" }, { id: "asc" }],
      select: { source: true, externalCardId: true, reviewedAt: true, rating: true, state: true, durationMs: true, importedAt: true },
    }),
  ]);
  return {
    format: "systemic-learner-data",
    version: DATA_EXPORT_VERSION,
    exportedAt: now.toISOString(),
    account: {
      email: user.email,
      name: user.name,
      role: user.role,
      timeZone: user.timeZone,
      examDate: iso(user.examDate),
      createdAt: iso(user.createdAt),
      signInProviders: user.accounts.map((a) => a.provider),
    },
    settings: settings
      ? {
          desiredRetention: settings.desiredRetention,
          newPerDay: settings.newPerDay,
          maxReviewsPerDay: settings.maxReviewsPerDay,
          maximumInterval: settings.maximumInterval,
          learningSteps: settings.learningSteps,
          relearningSteps: settings.relearningSteps,
          enableFuzz: settings.enableFuzz,
          rolloverHour: settings.rolloverHour,
          parameters: settings.parameters ? (JSON.parse(settings.parameters) as number[]) : null,
          parametersFitAt: iso(settings.parametersFitAt),
        }
      : null,
    answers: answers.map((a) => ({ ...a, answeredAt: a.answeredAt.toISOString() })),
    reviewLog: reviewLog.map(({ card, ...r }) => ({ ...r, reviewedAt: r.reviewedAt.toISOString(), undoneAt: iso(r.undoneAt), kind: card.kind, flashcardId: card.flashcardId, itemId: card.itemId })),
    reviewCards: reviewCards.map((c) => ({ ...c, due: c.due.toISOString(), lastReview: iso(c.lastReview) })),
    attempts: attempts.map((a) => ({ ...a, startedAt: a.startedAt.toISOString(), submittedAt: iso(a.submittedAt) })),
    lessonsRead: progress.map((p) => ({ lesson: p.lessonSlug, readAt: p.readAt.toISOString() })),
    flaggedItems: flags.map((f) => ({ itemId: f.itemId, flaggedAt: f.createdAt.toISOString() })),
    cohorts: memberships.map((m) => ({ name: m.cohort.name, joinedAt: m.joinedAt.toISOString() })),
    importedReviews: importedReviews.map((r) => ({ ...r, reviewedAt: r.reviewedAt.toISOString(), importedAt: r.importedAt.toISOString() })),
  };
}

export type LearnerData = Awaited<ReturnType<typeof learnerData>>;

/** One part of the export as CSV (formula-guarded, CRLF), for spreadsheets. */
export function learnerDataCsv(data: LearnerData, part: DataExportPart): string {
  switch (part) {
    case "account": {
      const a = data.account;
      return toCsv(["email", "name", "role", "time_zone", "exam_date", "created_at", "sign_in_providers"], [[a.email, a.name, a.role, a.timeZone, a.examDate, a.createdAt, a.signInProviders.join(";")]]);
    }
    case "answers":
      return toCsv(["item_id", "chosen", "correct", "time_ms", "mode", "answered_at"], data.answers.map((a) => [a.itemId, a.chosen, a.correct ? 1 : 0, a.timeMs, a.mode, a.answeredAt]));
    case "review-log":
      return toCsv(
        ["card_id", "kind", "flashcard_id", "item_id", "rating", "state", "reviewed_at", "duration_ms", "source", "undone_at"],
        data.reviewLog.map((r) => [r.cardId, r.kind, r.flashcardId, r.itemId, r.rating, r.state, r.reviewedAt, r.durationMs, r.source, r.undoneAt]),
      );
    case "review-cards":
      return toCsv(
        ["card_id", "kind", "flashcard_id", "item_id", "due", "stability", "difficulty", "reps", "lapses", "state", "last_review", "suspended", "leech"],
        data.reviewCards.map((c) => [c.id, c.kind, c.flashcardId, c.itemId, c.due, c.stability, c.difficulty, c.reps, c.lapses, c.state, c.lastReview, c.suspended ? 1 : 0, c.leech ? 1 : 0]),
      );
    case "settings": {
      const s = data.settings;
      const rows: [string, string | number | null][] = s
        ? [
            ["desired_retention", s.desiredRetention],
            ["new_per_day", s.newPerDay],
            ["max_reviews_per_day", s.maxReviewsPerDay],
            ["maximum_interval", s.maximumInterval],
            ["learning_steps", s.learningSteps],
            ["relearning_steps", s.relearningSteps],
            ["enable_fuzz", s.enableFuzz ? 1 : 0],
            ["rollover_hour", s.rolloverHour],
            ["parameters", s.parameters ? s.parameters.join(" ") : null],
            ["parameters_fit_at", s.parametersFitAt],
          ]
        : [];
      return toCsv(["setting", "value"], rows);
    }
    case "attempts":
      return toCsv(
        ["attempt_id", "kind", "mode", "started_at", "submitted_at", "correct", "total", "item_id", "position", "chosen"],
        data.attempts.flatMap((a) => a.answers.map((x) => [a.id, a.kind, a.mode, a.startedAt, a.submittedAt, a.correct, a.total, x.itemId, x.position, x.chosen])),
      );
  }
}
