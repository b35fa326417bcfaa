import { expect, test } from "./fixtures";

test("the landing page says what Systemic is and links to sign up, with landmarks and no horizontal scroll", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("AMFTRB national exam");
  await expect(page.getByRole("main")).toBeVisible();
  await expect(page.getByRole("banner").or(page.locator("header")).first()).toBeVisible();
  await page.getByRole("link", { name: /Start studying/ }).click();
  await expect(page).toHaveURL(/\/signup/);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test("the skip link is the first stop for keyboard users and moves focus to the content", async ({ page, isMobile }) => {
  test.skip(isMobile, "keyboard navigation is a desktop concern");
  await page.goto("/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
});
