import { expect, signIn, test } from "./fixtures";

// A new learner's review day, on a phone (Pixel 7, touch).
test.skip(({ isMobile }) => !isMobile, "phone viewport only");

test("a brand-new learner starts with the basics, and a reload keeps the day's count and Undo", async ({ page, makeUser, db }) => {
  test.setTimeout(120_000);
  const user = await makeUser();
  await signIn(page, user, "/dashboard");
  // The dashboard gives one next step: the course's first lesson.
  await expect(page.getByTestId("next-step")).toHaveCount(1);
  await expect(page.getByTestId("next-step")).toContainText("Start the course with its first lesson");
  await page.goto("/review");

  // The first day says how cards arrive and offers a deck at once.
  await expect(page.getByRole("heading", { name: "Your first cards" })).toBeVisible();
  await expect(page.getByText(/flashcards join once you have read it/)).toBeVisible();
  await page.getByRole("button", { name: "Start with the basics" }).tap();
  const front = page.getByTestId("card-front");
  await expect(front).toBeVisible();
  const added = await db.reviewCard.count({ where: { userId: user.id } });
  expect(added).toBeGreaterThan(2);
  await expect(page.getByTestId("kind-counts")).toContainText(`${Math.min(added, 20)} new`);
  await expect(page.getByTestId("review-counts")).toHaveText(/left today · 0 done$/);

  // Two grades: Again (the card goes into learning and comes back) and Good.
  const grade = async (label: RegExp) => {
    const before = await front.textContent();
    await page.getByRole("button", { name: "Show answer" }).tap();
    await page.getByRole("group", { name: "How well did you remember?" }).getByRole("button", { name: label }).tap();
    await expect(front).not.toHaveText(before ?? "");
    return before;
  };
  await grade(/Again/);
  await expect(page.getByTestId("review-counts")).toHaveText(/· 1 done$/);
  await expect(page.getByTestId("kind-counts")).toContainText("1 learning");
  await expect(page.getByText(/Learning cards come back within minutes/)).toBeVisible();
  const secondFront = await grade(/Good/);
  await expect(page.getByTestId("review-counts")).toHaveText(/· 2 done$/);
  await expect(page.getByTestId("sync-status")).toHaveText("Synced", { timeout: 30_000 });
  await expect.poll(() => db.reviewLog.count({ where: { userId: user.id, undoneAt: null } })).toBe(2);

  // After a reload the day's work is still counted, and the last grade can still be undone.
  await page.reload();
  await expect(front).toBeVisible();
  await expect(page.getByTestId("review-counts")).toHaveText(/· 2 done$/);
  await page.getByRole("button", { name: "Undo last" }).tap();
  await expect(page.getByText("Last grade undone.")).toBeVisible();
  await expect(page.getByTestId("card-back")).toBeVisible();
  await expect(front).toHaveText(secondFront ?? "");
  await expect(page.getByTestId("review-counts")).toHaveText(/· 1 done$/);
  const logs = await db.reviewLog.findMany({ where: { userId: user.id }, orderBy: { recordedAt: "asc" } });
  expect(logs.map((l) => [l.rating, l.undoneAt === null])).toEqual([
    [1, true],
    [3, false],
  ]);

  // The dashboard, Review and Stats now give the same count of what is left today.
  const left = Number((await page.getByTestId("review-counts").textContent())!.match(/(\d+) left today/)![1]);
  await page.goto("/dashboard");
  await expect(page.getByTestId("next-step")).toContainText(`Review first: ${left} ${left === 1 ? "card is" : "cards are"} waiting`);
  await expect(page.getByTestId("dashboard-due")).toContainText(`${left} left today`);
  await page.goto("/stats");
  await expect(page.getByText(`Left today: ${left}`)).toBeVisible();

  // A second starter request adds nothing.
  const again = await page.evaluate(async () => (await fetch("/api/v1/review/starter", { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" })).status);
  expect(again).toBe(409);
  expect(await db.reviewCard.count({ where: { userId: user.id } })).toBe(added);
});
