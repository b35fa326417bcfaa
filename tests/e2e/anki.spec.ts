import path from "node:path";
import { readFile } from "node:fs/promises";
import { expect, signIn, test } from "./fixtures";

const REVLOG_CSV = path.join(import.meta.dirname, "../fixtures/anki/revlog.csv");

test("Settings → Anki downloads the learner's cards as an .apkg and imports a review history", async ({ page, makeUser, db }) => {
  const user = await makeUser();
  const flashcard = await db.flashcard.findFirstOrThrow({ where: { retiredAt: null }, select: { id: true } });
  await db.reviewCard.create({
    data: { userId: user.id, kind: "flashcard", flashcardId: flashcard.id, due: new Date(), stability: 0, difficulty: 0, elapsedDays: 0, scheduledDays: 0, learningSteps: 0, reps: 0, lapses: 0, state: 0 },
  });
  await signIn(page, user, "/settings#anki");
  const section = page.getByRole("region", { name: "Anki" });
  await expect(section.getByText("A deck with 1 flashcard you study and 0 questions")).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent("download"), section.getByRole("link", { name: "Download my cards as an Anki deck (.apkg)" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^systemic-cards-\d{4}-\d{2}-\d{2}\.apkg$/);
  const bytes = await readFile((await download.path())!);
  expect(bytes.subarray(0, 4).toString("latin1")).toBe("PK\u0003\u0004");

  // A CSV with a bad line is refused, and the line is named.
  const file = section.getByLabel("Anki package or review-log CSV");
  await file.setInputFiles({ name: "broken.csv", mimeType: "text/csv", buffer: Buffer.from("card_id,review_time,review_rating\n1,1741028400000,3\n1,1741028460000,9\n") });
  await section.getByRole("button", { name: "Import review history" }).click();
  await expect(section.getByRole("alert")).toContainText("1 line of this file could not be read, so nothing was imported.");
  await expect(section.getByTestId("anki-import-problems").getByRole("row", { name: /^3 review_rating must be/ })).toBeVisible();

  // The fixture imports with the keyboard alone: choose the file, then Tab to the button and press Enter.
  await file.setInputFiles(REVLOG_CSV);
  await file.focus();
  await page.keyboard.press("Tab");
  await expect(section.getByRole("button", { name: "Import review history" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(section.getByTestId("anki-import-result")).toContainText("Imported 24 reviews of 3 cards; nothing skipped.");
  await expect(section.getByTestId("anki-import-result")).toContainText("so far; it needs 400");
  await expect(section.getByTestId("anki-imported-count")).toHaveText("You have imported 24 reviews.");
  expect(await db.importedReview.count({ where: { userId: user.id } })).toBe(24);

  // The same file again adds nothing.
  await file.setInputFiles(REVLOG_CSV);
  await section.getByRole("button", { name: "Import review history" }).click();
  await expect(section.getByTestId("anki-import-result")).toContainText("Imported 0 reviews of 3 cards; 24 were already imported; nothing skipped.");

  await section.getByRole("button", { name: "Remove imported history" }).click();
  await section.getByRole("button", { name: "Remove", exact: true }).click();
  await expect(section.getByTestId("anki-import-result")).toContainText("Removed 24 imported reviews.");
  await expect(section.getByTestId("anki-imported-count")).toHaveCount(0);
  expect(await db.importedReview.count({ where: { userId: user.id } })).toBe(0);
});
