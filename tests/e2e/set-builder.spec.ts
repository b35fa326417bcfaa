import { expect, signIn, test } from "./fixtures";

test("the set builder's bar stays slim on a phone, and its messages can be dismissed", async ({ page, makeUser, isMobile }) => {
  const instructor = await makeUser({ role: "instructor" });
  await signIn(page, instructor, "/teach/sets/new");
  const bar = page.getByTestId("set-bar");
  await expect(bar).toBeVisible();
  // Saving with no items leaves an error in the bar.
  await page.getByRole("button", { name: "Create set" }).click();
  const message = bar.getByRole("alert");
  await expect(message).toBeVisible();
  const viewport = page.viewportSize()!;
  const box = (await bar.boundingBox())!;
  // Even with a message showing, the bar covers at most a sixth of a phone screen (a fifth on a desktop's wider lines).
  expect(box.height).toBeLessThanOrEqual(viewport.height / (isMobile ? 6 : 5));
  // It sits above the phone's tab bar, not under it.
  if (isMobile) {
    const tabs = (await page.getByRole("navigation", { name: "Main (mobile)" }).boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(tabs.y + 1);
  }
  await message.getByRole("button", { name: "Dismiss" }).click();
  await expect(message).toHaveCount(0);
});
