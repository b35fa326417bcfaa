-- CreateIndex
CREATE INDEX "ReviewLog_userId_recordedAt_idx" ON "ReviewLog"("userId", "recordedAt");

