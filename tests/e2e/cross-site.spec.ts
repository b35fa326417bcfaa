import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, signIn, test } from "./fixtures";

/**
 * A page on another port of the same host (same site, so the browser sends
 * the SameSite=Lax session cookie) tries what a CSRF attack would: grade a
 * card, undo a grade and enrol the learner in a cohort, with bodies that
 * need no CORS preflight. None of it may change anything.
 */
test("a page on another origin cannot grade, undo or enrol the signed-in learner", async ({ page, makeUser, db }, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "one viewport is enough");
  const site = new URL(String(testInfo.project.use.baseURL));
  const user = await makeUser();
  const instructor = await makeUser({ role: "instructor" });
  const flashcard = await db.flashcard.findFirstOrThrow({ where: { retiredAt: null } });
  const card = await db.reviewCard.create({
    data: { userId: user.id, kind: "flashcard", flashcardId: flashcard.id, due: new Date(), stability: 0, difficulty: 0, elapsedDays: 0, scheduledDays: 0, learningSteps: 0, reps: 0, lapses: 0, state: 0 },
  });
  const joinCode = `X${Date.now().toString(36).toUpperCase()}`.replace(/[^ACDEFGHJKMNPQRTUVWXY34679]/g, "").padEnd(8, "C").slice(0, 8);
  const cohort = await db.cohort.create({
    data: { name: `Target ${joinCode}`, ownerId: instructor.id, joinCode, instructors: { create: { userId: instructor.id, role: "owner" } } },
  });

  const grade = JSON.stringify({ id: `csrf-${Date.now().toString(36)}`, cardId: card.id, rating: 4, durationMs: 1000 });
  const attackPage = `<!doctype html><meta charset="utf-8"><title>Win a prize</title>
<script>
  const send = (path, body, type) =>
    fetch(${JSON.stringify(site.origin)} + path, { method: "POST", mode: "no-cors", credentials: "include", headers: { "Content-Type": type }, body })
      .then(() => "sent", () => "blocked");
  // JSON declared properly needs a preflight, which the site never answers with CORS headers.
  const json = (path, body) =>
    fetch(${JSON.stringify(site.origin)} + path, { method: "POST", credentials: "include", headers: { "Content-Type": "application/json" }, body })
      .then((r) => "read " + r.status, () => "blocked");
  (async () => {
    const results = [];
    results.push(await send("/api/v1/review/grades", ${JSON.stringify(grade)}, "text/plain"));
    results.push(await send("/api/v1/review/undo", "", "text/plain"));
    results.push(await send("/api/v1/cohorts/join", ${JSON.stringify(JSON.stringify({ code: joinCode }))}, "text/plain"));
    results.push(await json("/api/v1/cohorts/join", ${JSON.stringify(JSON.stringify({ code: joinCode }))}));
    window.attack = results;
  })();
</script>`;
  const attacker = http.createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    res.end(attackPage);
  });
  await new Promise<void>((resolve) => attacker.listen(0, site.hostname, resolve));
  const attackerUrl = `http://${site.hostname}:${(attacker.address() as AddressInfo).port}/`;

  try {
    await signIn(page, user, "/dashboard");
    // A grade the learner really gave, which the attacker would like undone.
    const own = await page.evaluate(async (cardId) => {
      const r = await fetch("/api/v1/review/grades", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ id: "own-grade-0001", cardId, rating: 3, durationMs: 900 }) });
      return r.status;
    }, card.id);
    expect(own).toBe(200);

    await page.goto(attackerUrl);
    await page.waitForFunction(() => Array.isArray((window as { attack?: unknown }).attack));
    const results = await page.evaluate(() => (window as unknown as { attack: string[] }).attack);
    // The preflighted JSON request is never readable by the other origin.
    expect(results[3]).toBe("blocked");

    const logs = await db.reviewLog.findMany({ where: { userId: user.id } });
    expect(logs.map((l) => [l.clientId, l.undoneAt])).toEqual([["own-grade-0001", null]]);
    expect(await db.cohortMember.count({ where: { cohortId: cohort.id } })).toBe(0);
  } finally {
    await new Promise((resolve) => attacker.close(resolve));
    await db.cohort.deleteMany({ where: { id: cohort.id } });
  }
});
