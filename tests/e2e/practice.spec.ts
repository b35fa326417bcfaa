import type { Page } from "@playwright/test";
import { expect, formAlert, signIn, test } from "./fixtures";

/** An answer option's button, not the cross-out toggle beside it. */
const OPTION_NAME = /^(?!Cross out option|Restore option)/;

/** "1:06:52" or "4:05" → seconds. */
function seconds(clock: string): number {
  return clock
    .trim()
    .split(":")
    .map(Number)
    .reduce((total, part) => total * 60 + part, 0);
}

async function clockSeconds(page: Page): Promise<number> {
  return seconds(await page.getByTestId("countdown").innerText());
}

/** The navigator is a side panel on wide screens and a panel behind a button on phones. */
async function openNavigator(page: Page, isMobile: boolean) {
  if (isMobile) {
    const toggle = page.getByRole("button", { name: /answered: show all questions/ });
    if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
  }
  return page.getByRole("navigation", { name: "Question navigator" });
}

async function answer(page: Page, option: number) {
  const options = page.getByRole("list", { name: "Options" }).getByRole("button", { name: OPTION_NAME });
  await expect(options).toHaveCount(4);
  await options.nth(option).click();
  await expect(options.nth(option)).toHaveAttribute("aria-pressed", "true");
}

test("a candidate takes a short mock: answers, marks, reloads with the clock intact, submits and reads the report", async ({ page, makeUser, isMobile }) => {
  test.setTimeout(180_000);
  const user = await makeUser();
  await signIn(page, user, "/practice");

  await expect(page.getByRole("heading", { name: "Practice", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Short mock" })).toBeVisible();
  await expect(page.getByText("50 items · 1 h 7 min")).toBeVisible();
  // Elapsed time is measured, not assumed: on a busy machine starting and rendering can take a while.
  const elapsedSince = (t: number) => Math.ceil((Date.now() - t) / 1000);
  const clickedStart = Date.now();
  await page.getByRole("button", { name: "Start short mock" }).click();
  await page.waitForURL(/\/practice\/attempts\/[a-z0-9]+$/);

  // 50 items in 67 minutes, counting down from the server's deadline.
  await expect(page.getByTestId("progress")).toContainText("Question 1 of 50");
  const start = await clockSeconds(page);
  expect(start).toBeLessThanOrEqual(67 * 60);
  expect(start).toBeGreaterThanOrEqual(67 * 60 - elapsedSince(clickedStart) - 1);

  await answer(page, 0);
  await page.getByRole("button", { name: "Next", exact: true }).click();
  await expect(page.getByTestId("progress")).toContainText("Question 2 of 50");
  await answer(page, 1);
  const mark = page.getByRole("button", { name: "Mark for review" });
  await mark.click();
  await expect(mark).toHaveAttribute("aria-pressed", "true");
  await page.getByRole("button", { name: "Next", exact: true }).click();
  await answer(page, 2);
  await expect(page.getByTestId("save-status")).toHaveText("Saved");

  let nav = await openNavigator(page, isMobile);
  await expect(nav.getByRole("button", { name: "Question 2: answered, marked for review" })).toBeVisible();
  await expect(nav.getByText(/3 of 50 answered/)).toBeVisible();

  // Reload mid-exam: the answers, the mark, the place and the clock all survive.
  const before = await clockSeconds(page);
  const reloaded = Date.now();
  await page.reload();
  await expect(page.getByTestId("progress")).toContainText("Question 3 of 50");
  await expect(page.getByRole("list", { name: "Options" }).getByRole("button", { name: OPTION_NAME }).nth(2)).toHaveAttribute("aria-pressed", "true");
  const after = await clockSeconds(page);
  expect(after).toBeLessThanOrEqual(before);
  // The clock lost no more than the time the reload took (it restarts from the server's deadline).
  expect(before - after).toBeLessThanOrEqual(elapsedSince(reloaded) + 1);
  expect(after).toBeLessThan(start);
  nav = await openNavigator(page, isMobile);
  await expect(nav.getByRole("button", { name: "Question 1: answered" })).toBeVisible();
  await expect(nav.getByRole("button", { name: "Question 2: answered, marked for review" })).toBeVisible();
  await nav.getByRole("button", { name: "Question 4: unanswered" }).click();
  await expect(page.getByTestId("progress")).toContainText("Question 4 of 50");
  await answer(page, 3);
  await expect(page.getByTestId("save-status")).toHaveText("Saved");

  // Submit through the confirmation, which counts what is left.
  await page.getByRole("button", { name: "Submit", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Submit your exam?" });
  await expect(dialog).toContainText("You answered 4 of 50 questions. 46 unanswered questions count as wrong. 1 is still marked for review.");
  await dialog.getByRole("button", { name: "Submit exam" }).click();
  await page.waitForURL(/\/practice\/attempts\/[a-z0-9]+\/report$/);

  // The domain report and the item review.
  await expect(page.getByRole("heading", { name: "Short mock exam", level: 1 })).toBeVisible();
  await expect(page.getByText(/^\d of 50 correct$/)).toBeVisible();
  await expect(page.getByText("4 / 50")).toBeVisible();
  const domains = page.getByRole("table", { name: "Score by exam domain" });
  await expect(domains.getByRole("row")).toHaveCount(7);
  await expect(domains.getByRole("rowheader", { name: /The Practice of Systemic Therapy/ })).toBeVisible();
  await expect(domains).toContainText("24.5%");
  const first = page.getByTestId("review-item").first();
  await first.locator("summary").click();
  await expect(first.getByText("Best answer")).toBeVisible();
  await expect(first.getByText(/Your answer/)).toBeVisible();
  await expect(first.getByRole("list", { name: "Options" }).getByRole("listitem")).toHaveCount(4);
  await page.getByRole("link", { name: "Marked (1)" }).click();
  await expect(page.getByTestId("review-item")).toHaveCount(1);

  // History lists the attempt; the dashboard shows readiness and the next step.
  await page.goto("/practice");
  await expect(page.getByRole("table", { name: "Finished attempts, newest first" }).getByRole("link", { name: "Short mock exam" })).toBeVisible();
  await expect(page.getByRole("img", { name: /Scores over time/ })).toBeVisible();
  await page.goto("/dashboard");
  const readiness = page.getByRole("region", { name: "Readiness" });
  await expect(readiness.getByTestId("readiness-band")).toHaveText("Not enough data yet");
  // One next step: reviews first when the mock's missed items are due, else the weakest domain.
  await expect(page.getByTestId("next-step")).toHaveCount(1);
  await expect(page.getByTestId("next-step")).toContainText(/Review first|Domain \d/);
  await readiness.getByRole("link", { name: "See readiness by domain" }).click();
  await expect(page.getByRole("heading", { name: "Readiness", level: 1 })).toBeVisible();
  await expect(page.getByTestId("readiness-domain-3")).toContainText("Designing and Conducting Treatment");
  await expect(page.getByText(/no fixed passing percentage/)).toBeVisible();
});

test("a practice session in tutor mode explains each answer, flags an item and ends in a report", async ({ page, makeUser }) => {
  test.setTimeout(120_000);
  const user = await makeUser();
  await signIn(page, user, "/practice");
  const builder = page.getByRole("region", { name: "Build a practice session" });
  await builder.getByText("One domain").click();
  await builder.getByLabel("Domain", { exact: true }).selectOption("5");
  await builder.getByText("10", { exact: true }).click();
  await builder.getByRole("button", { name: "Start session" }).click();
  await page.waitForURL(/\/practice\/attempts\/[a-z0-9]+$/);
  await expect(page.getByText("Tutor · Domain 5")).toBeVisible();
  await expect(page.getByTestId("progress")).toContainText("Question 1 of 10");
  await expect(page.getByTestId("countdown")).toHaveCount(0);

  await page.getByRole("list", { name: "Options" }).getByRole("button", { name: OPTION_NAME }).first().click();
  await expect(page.getByTestId("practice-verdict")).toHaveText(/^(Correct\.|Not quite — the best answer is [A-D]\.)/);
  await expect(page.getByRole("list", { name: "Options" }).locator("li p")).toHaveCount(4);
  const flag = page.getByRole("button", { name: "Flag" });
  await flag.click();
  await expect(flag).toHaveAttribute("aria-pressed", "true");
  await page.getByRole("button", { name: "Report a problem" }).click();
  await page.getByLabel("What is wrong with this question?").fill("short");
  await page.getByRole("button", { name: "Send report" }).click();
  await expect(formAlert(page)).toContainText("at least 10 characters");
  await page.getByLabel("What is wrong with this question?").fill("Two options look equally defensible to me.");
  await page.getByRole("button", { name: "Send report" }).click();
  await expect(page.getByText("Thank you. Your report was sent to the authors.")).toBeVisible();

  await page.getByRole("button", { name: "Next question" }).click();
  await expect(page.getByTestId("progress")).toContainText("Question 2 of 10");
  await page.getByRole("button", { name: "Finish", exact: true }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Finish and see results" }).click();
  await page.waitForURL(/\/report$/);
  await expect(page.getByText(/^[01] of 10 correct$/)).toBeVisible();

  // The flagged item is now a practice source of its own.
  await page.goto("/practice");
  await expect(page.getByRole("region", { name: "Build a practice session" }).locator("label", { hasText: "Flagged" })).toContainText("1 item");
});

test("another learner's attempt is not found", async ({ page, makeUser, db }) => {
  const owner = await makeUser();
  const attempt = await db.attempt.create({
    data: { userId: owner.id, kind: "practice", mode: "quiz", blueprintId: "amftrb-2020", itemIds: "[]", total: 0 },
  });
  const intruder = await makeUser();
  await signIn(page, intruder, "/dashboard");
  await page.goto(`/practice/attempts/${attempt.id}`);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  const api = await page.request.post(`/api/v1/attempts/${attempt.id}/answers`, { data: { itemId: "x", chosen: 0, marked: false, timeMs: 0 } });
  expect(api.status()).toBe(404);
});

test("in a mock, options can be crossed out and the stem highlighted, and both survive a reload", async ({ page, makeUser }) => {
  const user = await makeUser();
  await signIn(page, user, "/practice");
  await page.getByRole("button", { name: "Start short mock" }).click();
  await page.waitForURL(/\/practice\/attempts\/[a-z0-9]+$/);
  await expect(page.getByTestId("progress")).toContainText("Question 1 of 50");

  // Cross out B and D; B is restored again, D stays crossed out. Crossing out chooses nothing.
  const crossB = page.getByRole("button", { name: "Cross out option B" });
  await crossB.click();
  await page.getByRole("button", { name: "Cross out option D" }).click();
  await page.getByRole("button", { name: "Restore option B" }).click();
  await expect(page.getByRole("button", { name: "Restore option D" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("button", { name: "Cross out option B" })).toHaveAttribute("aria-pressed", "false");
  const options = page.getByRole("list", { name: "Options" }).getByRole("button", { name: OPTION_NAME });
  await expect(options.nth(3).locator("[data-struck]")).toHaveCount(1);
  for (let i = 0; i < 4; i++) await expect(options.nth(i)).toHaveAttribute("aria-pressed", "false");

  // Select the stem's first word and highlight it.
  const stem = page.getByTestId("attempt-stem");
  const firstWord = await stem.evaluate((el) => {
    const text = el.textContent ?? "";
    const end = text.indexOf(" ");
    const range = document.createRange();
    const node = el.firstChild?.firstChild ?? el.firstChild!;
    range.setStart(node, 0);
    range.setEnd(node, end);
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    return text.slice(0, end);
  });
  await page.getByRole("button", { name: "Highlight selected text" }).click();
  await expect(stem.locator("mark")).toHaveText(firstWord);

  await page.reload();
  await expect(page.getByTestId("progress")).toContainText("Question 1 of 50");
  await expect(page.getByRole("button", { name: "Restore option D" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByTestId("attempt-stem").locator("mark")).toHaveText(firstWord);
  await page.getByRole("button", { name: "Clear highlights" }).click();
  await expect(page.getByTestId("attempt-stem").locator("mark")).toHaveCount(0);
});
