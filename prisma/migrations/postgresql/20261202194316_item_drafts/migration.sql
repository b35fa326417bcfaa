-- CreateTable
CREATE TABLE "ItemDraft" (
    "id" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "category" TEXT NOT NULL DEFAULT '',
    "source" TEXT NOT NULL,
    "line" INTEGER NOT NULL,
    "data" TEXT NOT NULL,
    "warnings" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ItemDraft_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ItemDraft_ownerId_createdAt_idx" ON "ItemDraft"("ownerId", "createdAt");

-- AddForeignKey
ALTER TABLE "ItemDraft" ADD CONSTRAINT "ItemDraft_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

