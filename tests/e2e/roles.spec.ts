import { expect, mainNav, signIn, test } from "./fixtures";

test("an instructor sees Teach", async ({ page, makeUser, isMobile }) => {
  const instructor = await makeUser({ role: "instructor" });
  await signIn(page, instructor);
  await mainNav(page, isMobile).getByRole("link", { name: "Teach" }).click();
  await expect(page).toHaveURL(/\/teach$/);
  await expect(page.getByRole("heading", { name: "Teach", level: 1 })).toBeVisible();
});

test("a candidate has no Teach link and gets 403 on a Teach URL", async ({ page, makeUser, isMobile }) => {
  const candidate = await makeUser({ role: "candidate" });
  await signIn(page, candidate);
  await expect(mainNav(page, isMobile).getByRole("link", { name: "Learn" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Teach" })).toHaveCount(0);
  const response = await page.goto("/teach");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "This area is for instructors" })).toBeVisible();
});

test("a promotion takes effect without signing in again", async ({ page, makeUser, db, isMobile }) => {
  const user = await makeUser({ role: "candidate" });
  await signIn(page, user);
  await db.user.update({ where: { id: user.id }, data: { role: "instructor" } });
  await page.reload();
  await expect(mainNav(page, isMobile).getByRole("link", { name: "Teach" })).toBeVisible();
});

test("signed-out visitors are sent to sign in and pages carry security headers", async ({ page, request }) => {
  await page.goto("/settings");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fsettings/);
  const landing = await request.get("/");
  const csp = landing.headers()["content-security-policy"] ?? "";
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(landing.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
});

test("signed-in pages are not cached publicly", async ({ page, makeUser }) => {
  const user = await makeUser();
  await signIn(page, user);
  const response = await page.goto("/dashboard");
  expect(response?.headers()["cache-control"]).toContain("private");
  expect(response?.headers()["cache-control"]).toContain("no-store");
});
