import { expect, formAlert, mainNav, signIn, test } from "./fixtures";

test("sign up lands on the dashboard; sign out; sign in again", async ({ page, freshEmail, isMobile }) => {
  const email = freshEmail("signup");
  await page.goto("/");
  await page.getByRole("link", { name: "Create account" }).first().click();
  await expect(page.getByRole("heading", { name: "Create your account" })).toBeVisible();
  await page.getByLabel("Name").fill("Maya Rivera");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("family systems 2027");
  await page.getByRole("button", { name: "Create account" }).click();

  await page.waitForURL(/\/dashboard/);
  await expect(page.getByRole("heading", { name: "Hello, Maya" })).toBeVisible();
  await expect(page.getByText("Your account is ready.")).toBeVisible();
  await expect(mainNav(page, isMobile).getByRole("link", { name: "Review" })).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL((url) => url.pathname === "/");
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fdashboard/);

  await signIn(page, { email, password: "family systems 2027" });
  await expect(page).toHaveURL(/\/dashboard/);
  await expect(page.getByRole("heading", { name: "Hello, Maya" })).toBeVisible();
});

test("a wrong password gets one generic error", async ({ page, makeUser }) => {
  const user = await makeUser();
  await page.goto("/signin");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(formAlert(page)).toHaveText("Email or password is incorrect.");
  // The same message for an email with no account.
  await page.getByLabel("Email").fill(`nobody-${Date.now()}@example.test`);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(formAlert(page)).toHaveText("Email or password is incorrect.");
  await expect(page).toHaveURL(/\/signin/);
});

test("a duplicate email is refused with a clear message and the form keeps its input", async ({ page, makeUser }) => {
  const existing = await makeUser();
  await page.goto("/signup");
  await page.getByLabel("Name").fill("Second Person");
  await page.getByLabel("Email").fill(existing.email);
  await page.getByLabel("Password").fill("another long password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("An account with this email already exists. Sign in instead, or use another email.")).toBeVisible();
  await expect(page.getByLabel("Name")).toHaveValue("Second Person");
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
});

test("sign-up explains field errors", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("Name").fill("Short Pass");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter a valid email address, like name@example.com")).toBeVisible();
  await expect(page.getByText("Use at least 10 characters")).toBeVisible();
});

test("settings are saved and shown after a reload", async ({ page, makeUser }) => {
  const user = await makeUser({ name: "Sam Okafor" });
  await signIn(page, user, "/settings");
  await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();
  await page.getByLabel("Display name").fill("Samuel Okafor");
  await page.getByLabel("Time zone").selectOption("Europe/Berlin");
  await page.getByLabel("Exam date (optional)").fill("2027-04-20");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved.")).toBeVisible();

  await page.reload();
  await expect(page.getByLabel("Display name")).toHaveValue("Samuel Okafor");
  await expect(page.getByLabel("Time zone")).toHaveValue("Europe/Berlin");
  await expect(page.getByLabel("Exam date (optional)")).toHaveValue("2027-04-20");
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { name: "Hello, Samuel" })).toBeVisible();
  await expect(page.getByText(/days? until your exam on April 20, 2027/)).toBeVisible();
});

test("deleting the account removes it and signs out", async ({ page, makeUser, db }) => {
  const user = await makeUser();
  await signIn(page, user, "/settings");
  const remove = page.getByRole("button", { name: "Delete my account" });
  await expect(remove).toBeDisabled();
  await page.getByLabel(`Type ${user.email} to confirm`).fill(user.email);
  await remove.click();
  await page.waitForURL((url) => url.pathname === "/");
  expect(await db.user.findUnique({ where: { id: user.id } })).toBeNull();
});

test("a crafted callbackUrl never leaves the site", async ({ page, makeUser }, testInfo) => {
  const site = new URL(String(testInfo.project.use.baseURL)).origin;
  const user = await makeUser();
  // %09 and %0A between the slashes: browsers drop them and would read //evil.host.
  await page.goto("/signin?callbackUrl=%2F%09%2Fevil.host");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(`${site}/dashboard`);
  await expect(page.getByRole("heading", { name: /^Hello/ })).toBeVisible();

  // Signed in, the sign-in page redirects straight on: still on the site, never a 500.
  for (const crafted of ["%2F%0A%2Fevil.host", "%2F%09%2Fevil.host", "%2F%5Cevil.host", "https%3A%2F%2Fevil.host%2F"]) {
    const response = await page.goto(`/signin?callbackUrl=${crafted}`);
    expect(response?.status(), crafted).toBe(200);
    await expect(page).toHaveURL(`${site}/dashboard`);
  }
});

test("signing out everywhere ends the session on every device, a copied cookie included", async ({ browser, page, makeUser }, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "one viewport is enough");
  const user = await makeUser();
  await signIn(page, user, "/settings");
  // A second device, and a copy of the first device's cookies.
  const other = await browser.newContext({ baseURL: String(testInfo.project.use.baseURL) });
  const copied = await browser.newContext({ baseURL: String(testInfo.project.use.baseURL), storageState: await page.context().storageState() });
  try {
    const phone = await other.newPage();
    await signIn(phone, user, "/dashboard");
    const thief = await copied.newPage();
    await thief.goto("/dashboard");
    await expect(thief.getByRole("heading", { name: /^Hello/ })).toBeVisible();

    await page.getByRole("button", { name: "Sign out everywhere" }).click();
    await page.waitForURL(/\/signin/);
    for (const p of [phone, thief]) {
      await p.goto("/dashboard");
      await expect(p).toHaveURL(/\/signin\?callbackUrl=%2Fdashboard/);
      expect((await p.request.get("/api/v1/review/queue")).status()).toBe(401);
    }
    // Signing in again works as usual.
    await signIn(phone, user, "/dashboard");
    await expect(phone.getByRole("heading", { name: /^Hello/ })).toBeVisible();
  } finally {
    await other.close();
    await copied.close();
  }
});
