import { expect, signIn, test } from "./fixtures";

/** A small Moodle-style bank: a complete question, a three-option one without rationales, and a true/false one. */
const BANK = [
  "$CATEGORY: $course$/top/Ethics",
  "",
  "::Confidentiality::A couple's therapist receives a call from one partner asking to keep an affair secret.\\n\\nWhat should the therapist do first?{",
  "=Review the no-secrets policy agreed at intake#Correct. The policy was agreed with both partners (AAMFT, 2015).",
  "~Agree to keep the secret#Incorrect. This creates a coalition with one partner.",
  "~Tell the other partner at once#Incorrect. It skips the agreed policy and the caller's chance to disclose.",
  "~End the therapy immediately#Incorrect. Nothing here requires ending treatment.",
  "}",
  "",
  "::Boundaries::A mother answers every question put to her son. What does this suggest? {",
  "~%100%An enmeshed boundary",
  "~A rigid boundary",
  "~A clear boundary",
  "}",
  "",
  "Grant is buried in Grant's tomb. {F}",
].join("\n");

test("an instructor imports a GIFT bank as drafts, sets metadata for all, and publishes one into its category's set", async ({ page, makeUser }) => {
  const instructor = await makeUser({ role: "instructor" });
  await signIn(page, instructor, "/teach/items/import");

  await page.getByLabel("Or paste the questions").fill(BANK);
  await page.getByRole("button", { name: "Check questions" }).click();
  await expect(page.getByTestId("draft-summary")).toHaveText("3 questions read: 2 can be imported (2 with warnings), 1 refused");
  await expect(page.getByTestId("draft-refused")).toContainText("16");
  await expect(page.getByTestId("draft-refused")).toContainText("this is a true/false question");

  await page.getByRole("button", { name: "Import 2 as drafts" }).click();
  await expect(page.getByText("Imported 2 drafts.")).toBeVisible();
  await page.getByRole("link", { name: "Review your drafts" }).click();
  await page.waitForURL("**/teach/items/drafts");

  await expect(page.getByTestId("drafts")).toHaveCount(1);
  await expect(page.getByRole("region", { name: "Ethics" }).getByRole("listitem")).toHaveCount(2);
  await page.getByRole("button", { name: "Tick all 2" }).click();
  await page.getByLabel("Domain").selectOption("6");
  await page.getByLabel("Concepts").fill("confidentiality");
  await page.getByLabel("Difficulty").selectOption("2");
  await page.getByRole("button", { name: "Apply to 2 drafts" }).click();
  await expect(page.getByText("Updated 2 drafts.")).toBeVisible();

  // The complete question keeps only the bank's style warnings, so it can be published as is.
  await page.getByRole("link", { name: /What should the therapist do first\?/ }).click();
  await expect(page.getByRole("heading", { name: "Edit draft" })).toBeVisible();
  await expect(page.getByTestId("draft-warnings")).toContainText("the key (45 characters)");
  await page.getByRole("button", { name: "Publish as is" }).click();
  await page.waitForURL("**/teach/sets/**");
  await expect(page.getByRole("heading", { name: "Ethics" }).first()).toBeVisible();

  // The three-option draft cannot be published until it is completed.
  await page.goto("/teach/items/drafts");
  await page.getByRole("link", { name: /What does this suggest\?/ }).click();
  await expect(page.getByTestId("draft-warnings")).toContainText("no rationale for option A");
  await expect(page.getByTestId("draft-blockers")).toBeVisible();
  await expect(page.getByRole("button", { name: "Publish as is" })).toBeDisabled();
});
