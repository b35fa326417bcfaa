-- CreateIndex
CREATE INDEX "ImportedReview_userId_id_idx" ON "ImportedReview"("userId", "id");

