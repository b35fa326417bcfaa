import type { Page } from "@playwright/test";
import { expect, signIn, test } from "./fixtures";

/**
 * Chromium's own `beforeinstallprompt`, as the browser fires it once the app is installable. Headless Chromium
 * never fires it, so the test fires one of the same shape; `window.__installPrompted` records the prompt being shown.
 */
function offerInstall(page: Page) {
  return page.evaluate(() => {
    const event = new Event("beforeinstallprompt", { cancelable: true }) as Event & { prompt?: () => Promise<void>; userChoice?: Promise<{ outcome: string }> };
    event.prompt = async () => {
      (window as unknown as { __installPrompted: boolean }).__installPrompted = true;
    };
    event.userChoice = Promise.resolve({ outcome: "accepted" });
    window.dispatchEvent(event);
    return event.defaultPrevented;
  });
}

// Phones only: wide screens are never offered the hint (the component leaves the browser's prompt alone there).
test.skip(({ isMobile }) => !isMobile, "phone viewport only");

/** Until React has hydrated the page (its nodes carry React's fiber) and run the effects of that render. */
async function hydrated(page: Page) {
  await expect.poll(() => page.evaluate(() => Object.keys(document.querySelector("h1") ?? {}).some((k) => k.startsWith("__reactFiber")))).toBe(true);
  await nextFrames(page);
}

const nextFrames = (page: Page) => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

const hint = (page: Page) => page.getByRole("complementary", { name: "Install Systemic" });

test("the install hint waits for the learner's first tap, sits below the review card, and stays dismissed", async ({ page, makeUser }) => {
  const user = await makeUser();
  await signIn(page, user, "/review");
  const heading = page.getByRole("heading", { name: "Review", level: 1 });
  await expect(heading).toBeVisible();

  // The page takes the browser's prompt (preventDefault) once it has hydrated.
  await expect.poll(() => offerInstall(page)).toBe(true);
  // Nothing appears by itself: no hint before the learner has touched the page.
  await nextFrames(page);
  await expect(hint(page)).toHaveCount(0);

  await heading.tap();
  await expect(hint(page)).toBeVisible();
  // Below the page's own content, so it pushes nothing down.
  const [hintBox, headingBox] = await Promise.all([hint(page).boundingBox(), heading.boundingBox()]);
  expect(hintBox!.y).toBeGreaterThan(headingBox!.y + headingBox!.height);

  await hint(page).getByRole("button", { name: "Not now" }).tap();
  await expect(hint(page)).toHaveCount(0);

  // Dismissed is remembered on the device: the browser's prompt is left alone and no hint comes back.
  await page.reload();
  await hydrated(page);
  expect(await offerInstall(page)).toBe(false);
  await heading.tap();
  await nextFrames(page);
  await expect(hint(page)).toHaveCount(0);

  // Until then, Install hands over to the browser's prompt.
  await page.evaluate(() => localStorage.removeItem("systemic:install-hint-dismissed"));
  await page.reload();
  await expect(heading).toBeVisible();
  await expect.poll(() => offerInstall(page)).toBe(true);
  await heading.tap();
  await hint(page).getByRole("button", { name: "Install" }).tap();
  await expect.poll(() => page.evaluate(() => (window as unknown as { __installPrompted?: boolean }).__installPrompted === true)).toBe(true);
  await expect(hint(page)).toHaveCount(0);
});
