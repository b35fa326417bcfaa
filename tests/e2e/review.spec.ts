import type { Page } from "@playwright/test";
import { expect, signIn, test } from "./fixtures";

// The daily review is a phone habit: this runs in the phone project (Pixel 7, touch).
test.skip(({ isMobile }) => !isMobile, "phone viewport only");

async function answerPracticeQuestions(page: Page, count: number) {
  await page.getByRole("button", { name: "Start 10 questions" }).click();
  for (let n = 1; n <= count; n++) {
    await expect(page.getByText(`Question ${n} of 10`)).toBeVisible();
    await page.getByRole("list", { name: "Options" }).getByRole("button").nth(n % 4).click();
    await expect(page.getByTestId("practice-verdict")).toBeVisible();
    await page.getByRole("button", { name: "Next question" }).click();
  }
}

test("daily review on a phone: taps and keys, undo, offline grades sent once, summary and stats", async ({ page, context, makeUser, db }) => {
  test.setTimeout(180_000);
  const user = await makeUser();
  await signIn(page, user, "/learn/joining");
  await answerPracticeQuestions(page, 3);
  await expect(page.getByTestId("lesson-read")).toBeVisible();

  await page.goto("/review");
  const front = page.getByTestId("card-front");
  await expect(front).toBeVisible();
  await expect(page.getByText(/left today/)).toBeVisible();

  // Tap to reveal, tap to grade; each grade button shows its next interval.
  await page.getByRole("button", { name: "Show answer" }).tap();
  await expect(page.getByTestId("card-back")).toBeVisible();
  const easy = page.getByRole("group", { name: "How well did you remember?" }).getByRole("button", { name: /Easy/ });
  await expect(easy).toContainText(/\d+(m|h|d|mo|y)/);
  const firstFront = await front.textContent();
  await easy.tap();
  await expect(front).not.toHaveText(firstFront ?? "");

  // Keys: Space reveals, 1–4 grade.
  const secondFront = await front.textContent();
  await page.keyboard.press("Space");
  await expect(page.getByTestId("card-back")).toBeVisible();
  await page.keyboard.press("4");
  await expect(front).not.toHaveText(secondFront ?? "");

  // Undo brings the last card back, answer showing.
  await page.getByRole("button", { name: "Undo last" }).tap();
  await expect(page.getByText("Last grade undone.")).toBeVisible();
  await expect(front).toHaveText(secondFront ?? "");
  await expect(page.getByTestId("card-back")).toBeVisible();
  await page.keyboard.press("4");
  await expect(page.getByTestId("sync-status")).toHaveText("All saved");

  // Cut the network mid-session: grades queue up and go out when it returns.
  await context.setOffline(true);
  for (let i = 0; i < 3; i++) {
    await page.getByRole("button", { name: "Show answer" }).tap();
    await page.getByRole("group", { name: "How well did you remember?" }).getByRole("button", { name: /Easy/ }).tap();
  }
  await expect(page.getByText(/Offline · \d+ waiting to send/)).toBeVisible();
  await context.setOffline(false);
  await expect(page.getByTestId("sync-status")).toHaveText("All saved", { timeout: 30_000 });

  // Finish the day.
  for (let guard = 0; guard < 60; guard++) {
    if (await page.getByRole("heading", { name: "Done for today" }).isVisible()) break;
    const show = page.getByRole("button", { name: "Show answer" });
    if (await show.isVisible()) {
      await show.tap();
      await page.getByRole("group", { name: "How well did you remember?" }).getByRole("button", { name: /Easy/ }).tap();
    } else {
      await page.waitForTimeout(250);
    }
  }
  await expect(page.getByRole("heading", { name: "Done for today" })).toBeVisible();
  await expect(page.getByText("Cards reviewed")).toBeVisible();
  await expect(page.getByText("Due tomorrow")).toBeVisible();

  // Every grade given on the review screen was applied exactly once (the undone one is kept, marked undone).
  const reviewed = Number(await page.locator("dt", { hasText: "Cards reviewed" }).locator("xpath=following-sibling::dd").textContent());
  const logs = await db.reviewLog.findMany({ where: { userId: user.id, source: { in: ["review", "offline"] } } });
  expect(logs.filter((l) => l.undoneAt === null)).toHaveLength(reviewed);
  expect(logs.filter((l) => l.undoneAt !== null)).toHaveLength(1);
  expect(new Set(logs.map((l) => l.clientId)).size).toBe(logs.length);

  await page.getByRole("link", { name: "See your stats" }).tap();
  await expect(page.getByRole("heading", { name: "Your stats", level: 1 })).toBeVisible();
  await expect(page.getByRole("img", { name: /review/i }).first()).toBeVisible();
});
