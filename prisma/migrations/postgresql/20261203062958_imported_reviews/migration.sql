-- CreateTable
CREATE TABLE "ImportedReview" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "externalCardId" TEXT NOT NULL,
    "reviewedAt" TIMESTAMP(3) NOT NULL,
    "rating" INTEGER NOT NULL,
    "state" INTEGER,
    "durationMs" INTEGER NOT NULL,
    "importedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ImportedReview_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ImportedReview_userId_source_externalCardId_reviewedAt_key" ON "ImportedReview"("userId", "source", "externalCardId", "reviewedAt");

-- AddForeignKey
ALTER TABLE "ImportedReview" ADD CONSTRAINT "ImportedReview_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

