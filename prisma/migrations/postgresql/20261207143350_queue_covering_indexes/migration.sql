-- DropIndex
DROP INDEX "Flashcard_lessonSlug_idx";

-- DropIndex
DROP INDEX "ReviewLog_userId_reviewedAt_idx";

-- CreateIndex
CREATE INDEX "Flashcard_lessonSlug_retiredAt_position_id_idx" ON "Flashcard"("lessonSlug", "retiredAt", "position", "id");

-- CreateIndex
CREATE INDEX "ReviewLog_userId_reviewedAt_undoneAt_source_state_rating_idx" ON "ReviewLog"("userId", "reviewedAt", "undoneAt", "source", "state", "rating");

