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
  // Production sites are https only (NEXTAUTH_URL is checked at start-up), so browsers are told to stay on it.
  expect(landing.headers()["strict-transport-security"]).toMatch(/^max-age=\d{7,}; includeSubDomains$/);
});

test("signed-in pages are not cached publicly", async ({ page, makeUser }) => {
  const user = await makeUser();
  await signIn(page, user);
  const response = await page.goto("/dashboard");
  expect(response?.headers()["cache-control"]).toContain("private");
  expect(response?.headers()["cache-control"]).toContain("no-store");
});

test("refused and missing pages in every area answer with real 404 statuses", async ({ page, makeUser, db }) => {
  const owner = await makeUser();
  const attempt = await db.attempt.create({
    data: { userId: owner.id, kind: "practice", mode: "quiz", blueprintId: "amftrb-2020", itemIds: "[]", total: 0 },
  });
  const stranger = await makeUser();
  await signIn(page, stranger, "/dashboard");
  for (const path of [`/practice/attempts/${attempt.id}`, `/practice/attempts/${attempt.id}/report`, "/cohorts/no-such-cohort", "/learn/no-such-lesson"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  }
});
