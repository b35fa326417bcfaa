import { createHash, randomBytes } from "node:crypto";
import { expect, signIn, test } from "./fixtures";

test("a signed-in learner on the landing page is shown the way to their dashboard", async ({ page, makeUser }) => {
  const user = await makeUser();
  await signIn(page, user);
  await page.goto("/");
  await expect(page.getByRole("link", { name: "Sign in", exact: true })).toHaveCount(0);
  await page.getByRole("link", { name: "Go to your dashboard" }).click();
  await expect(page).toHaveURL(/\/dashboard/);
});

test("forgot password answers the same for any address, and a reset link sets a new password once", async ({ page, makeUser, db }) => {
  const user = await makeUser();
  await page.goto("/signin");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  // The sign-in page has an Email field too: wait for the new page before typing.
  await expect(page.getByRole("heading", { name: "Forgot your password?", level: 1 })).toBeVisible();
  await page.getByLabel("Email").fill(`nobody-${Date.now()}@example.test`);
  await page.getByRole("button", { name: "Send me a reset link" }).click();
  await expect(page.getByText(/If an account uses that address, we have sent it a link/)).toBeVisible();

  // The emailed link, issued as the server issues it (the mail itself is covered by the SMTP integration test).
  const token = randomBytes(32).toString("base64url");
  await db.accountToken.create({
    data: { userId: user.id, purpose: "password-reset", tokenHash: createHash("sha256").update(token).digest("hex"), expiresAt: new Date(Date.now() + 3_600_000) },
  });
  await page.goto(`/reset-password?token=${token}`);
  await page.getByLabel("New password").fill("password123");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByText(/one of the most common passwords/)).toBeVisible();
  await page.getByLabel("New password").fill("a brand new long passphrase");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByText("Your password was changed. Sign in with the new one.")).toBeVisible();
  await signIn(page, { email: user.email, password: "a brand new long passphrase" });
  await expect(page).toHaveURL(/\/dashboard/);

  await page.goto(`/reset-password?token=${token}`);
  await page.getByLabel("New password").fill("yet another long passphrase");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByText(/expired or was already used/)).toBeVisible();
});

test("changing the password keeps this device signed in and signs the others out", async ({ browser, page, makeUser }, testInfo) => {
  const user = await makeUser();
  const other = await browser.newContext({ ...testInfo.project.use, baseURL: testInfo.project.use.baseURL });
  const otherPage = await other.newPage();
  await signIn(otherPage, user);
  await signIn(page, user, "/settings");
  await page.getByLabel("Current password").first().fill(user.password);
  await page.getByLabel("New password").fill("a changed long passphrase");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Your password was changed. Every other device has been signed out.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();
  await otherPage.goto("/settings");
  await expect(otherPage).toHaveURL(/\/signin/);
  await other.close();
});
