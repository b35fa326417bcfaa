-- One stored row per review, whichever format it came in: an .apkg and a revlog CSV of one collection
-- share Anki's card ids and review times, and each was kept once per format.
-- Of rows already stored twice, the first imported stays (ties: the smaller id), found through an index
-- of the new key's columns made for the purpose.
CREATE INDEX "ImportedReview_once_across_formats_tmp" ON "ImportedReview"("userId", "externalCardId", "reviewedAt");
DELETE FROM "ImportedReview" WHERE EXISTS (
  SELECT 1 FROM "ImportedReview" AS "kept"
  WHERE "kept"."userId" = "ImportedReview"."userId" AND "kept"."externalCardId" = "ImportedReview"."externalCardId"
    AND "kept"."reviewedAt" = "ImportedReview"."reviewedAt"
    AND ("kept"."importedAt" < "ImportedReview"."importedAt" OR ("kept"."importedAt" = "ImportedReview"."importedAt" AND "kept"."id" < "ImportedReview"."id"))
);
DROP INDEX "ImportedReview_once_across_formats_tmp";

-- DropIndex
DROP INDEX "ImportedReview_userId_source_externalCardId_reviewedAt_key";

-- CreateIndex
CREATE UNIQUE INDEX "ImportedReview_userId_externalCardId_reviewedAt_key" ON "ImportedReview"("userId", "externalCardId", "reviewedAt");

