-- At most one queued or running fit per learner, whichever app process queues it
-- (each process also runs a learner's starts one at a time, and this holds across them).
-- Of any active runs a learner already has, all but the newest are stored as interrupted first.
UPDATE "Optimization" SET "status" = 'failed', "error" = 'The optimization was interrupted. Please run it again.', "finishedAt" = "createdAt"
WHERE "status" IN ('queued', 'running') AND EXISTS (
  SELECT 1 FROM "Optimization" AS "newer"
  WHERE "newer"."userId" = "Optimization"."userId" AND "newer"."status" IN ('queued', 'running')
    AND ("newer"."createdAt" > "Optimization"."createdAt" OR ("newer"."createdAt" = "Optimization"."createdAt" AND "newer"."id" > "Optimization"."id"))
);

-- CreateIndex
CREATE UNIQUE INDEX "Optimization_userId_active_key" ON "Optimization"("userId") WHERE "status" IN ('queued', 'running');
