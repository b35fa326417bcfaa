import { DEMO_ACCOUNTS } from "../../lib/demo/accounts";
import { expect, signIn, test } from "./fixtures";

const [candidate, instructor] = DEMO_ACCOUNTS;
// Read-only looks at what `npm start` seeded; once per run is enough.
test.skip(({ isMobile }) => isMobile, "desktop only");

test("the demo instructor has a cohort with members, assignments and results", async ({ page }) => {
  await signIn(page, instructor, "/teach");
  await page.getByRole("link", { name: "Spring exam cohort" }).first().click();
  const tile = (label: string) => page.locator("dt", { hasText: label }).locator("xpath=following-sibling::dd[1]");
  await expect(tile("Members")).toHaveText("6");
  await expect(tile("Assignments")).toHaveText("2");
  await expect(tile("Mean score")).toHaveText(/^\d+%$/);
  await expect(page.getByText("Amara Okonkwo").first()).toBeVisible();
  // Someone is behind on the past-due assignment.
  expect(Number(await tile("Overdue").textContent())).toBeGreaterThan(0);
});

test("the demo candidate has a month of reviews, a mock exam and a cohort", async ({ page }) => {
  await signIn(page, candidate, "/stats");
  const reviews = Number((await page.locator("dt", { hasText: "Reviews this year" }).locator("xpath=following-sibling::dd[1]").textContent())!.replace(/,/g, ""));
  expect(reviews).toBeGreaterThan(300);
  await expect(page.getByText(/You reviewed on \d+ of the last/)).toBeVisible();
  await page.goto("/practice");
  await expect(page.getByRole("table", { name: "Finished attempts, newest first" }).getByRole("link", { name: "Short mock exam" })).toBeVisible();
  await page.goto("/cohorts");
  await expect(page.getByText("Spring exam cohort").first()).toBeVisible();
});
