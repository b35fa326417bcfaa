import fs from "node:fs";
import { devices, type Browser, type BrowserContext } from "@playwright/test";
import { expect, formAlert, signIn, test } from "./fixtures";

/** An answer option's button, not the cross-out toggle beside it. */
const OPTION_NAME = /^(?!Cross out option|Restore option)/;

/** A context of its own (own cookies) on the project's browser, which carries the configured launch options. */
async function context(browser: Browser, baseURL: string, device?: keyof typeof devices): Promise<BrowserContext> {
  return browser.newContext({ ...(device ? devices[device] : { viewport: { width: 1280, height: 800 } }), baseURL });
}

test("an instructor runs a cohort end to end; a candidate completes the work on a phone; an outsider sees none of it", async ({ browser, makeUser }, testInfo) => {
  // One run is enough: the test opens its own desktop and phone contexts.
  test.skip(testInfo.project.name !== "desktop", "the test drives a desktop and a phone context itself");
  test.setTimeout(240_000);
  const baseURL = String(testInfo.project.use.baseURL);
  const instructor = await makeUser({ role: "instructor", name: "Iris Teacher" });
  const candidate = await makeUser({ name: "Cam Candidate" });
  const outsider = await makeUser({ name: "Otto Outsider" });
  const cohortName = `Spring prep ${Date.now().toString(36)}`;
  const setTitle = `Week 1 set ${Date.now().toString(36)}`;

  const teach = await context(browser, baseURL);
  const phone = await context(browser, baseURL, "Pixel 7");
  const stranger = await context(browser, baseURL);
  try {
    // ── Instructor: cohort, set, assignment ───────────────────
    const t = await teach.newPage();
    await signIn(t, instructor, "/teach");
    await expect(t.getByRole("heading", { name: "Teach", level: 1 })).toBeVisible();
    await t.getByRole("link", { name: "Create your first cohort" }).click();
    await t.getByLabel("Name").fill(cohortName);
    await t.getByLabel("Description (optional)").fill("Tuesday evening study group");
    await t.getByRole("button", { name: "Create cohort" }).click();
    await t.waitForURL((url) => /^\/teach\/cohorts\/(?!new$)[^/]+$/.test(url.pathname));
    const cohortUrl = new URL(t.url()).pathname;
    await expect(t.getByRole("heading", { name: cohortName, level: 1 })).toBeVisible();
    // The banner shows once: the address drops ?created=1, so a reload does not bring it back.
    await expect(t.getByText("Cohort created.")).toBeVisible();
    await expect(t).toHaveURL((url) => !url.searchParams.has("created"));
    await t.reload();
    await expect(t.getByRole("heading", { name: cohortName, level: 1 })).toBeVisible();
    await expect(t.getByText("Cohort created.")).toHaveCount(0);
    const joinCode = (await t.getByTestId("join-code").innerText()).trim();
    expect(joinCode).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    await expect(t.getByTestId("join-link")).toContainText(`/join/${joinCode.replace("-", "")}`);

    await t.getByRole("navigation", { name: "Teach" }).getByRole("link", { name: "Question sets" }).click();
    await t.getByRole("link", { name: "Build a set" }).click();
    await t.getByLabel("Title").fill(setTitle);
    await t.getByLabel("Domain", { exact: true }).selectOption("3");
    const matching = t.getByRole("list", { name: "Matching items" }).getByRole("checkbox");
    await expect(matching.first()).toBeVisible();
    for (const n of [0, 1, 2]) await matching.nth(n).check();
    await expect(t.getByRole("heading", { name: "In this set (3)" })).toBeVisible();
    await t.getByRole("button", { name: "Create set" }).click();
    await t.waitForURL((url) => /^\/teach\/sets\/(?!new$)[^/]+$/.test(url.pathname));
    await expect(t.getByRole("heading", { name: setTitle, level: 1 })).toBeVisible();

    await t.getByRole("link", { name: `Assign to ${cohortName}` }).click();
    await expect(t.getByLabel("Question set")).toHaveValue(/.+/);
    await expect(t.getByLabel("Title")).toHaveValue(setTitle);
    await t.getByRole("button", { name: "Assign to cohort" }).click();
    await t.waitForURL((url) => url.pathname === cohortUrl);
    await expect(t.getByText("Assignment created.")).toBeVisible();

    // ── Candidate on a phone: join with the code, do the assignment ──
    const c = await phone.newPage();
    await signIn(c, candidate, "/cohorts");
    await c.getByLabel("Join code").fill(joinCode.toLowerCase());
    await c.getByRole("button", { name: "Join cohort" }).click();
    await c.waitForURL((url) => /^\/cohorts\/[^/]+$/.test(url.pathname));
    await expect(c.getByRole("heading", { name: cohortName, level: 1 })).toBeVisible();

    await c.goto("/notifications");
    await expect(c.getByRole("link", { name: new RegExp(`New assignment: ${setTitle}`) })).toBeVisible();
    await c.getByRole("link", { name: new RegExp(`New assignment: ${setTitle}`) }).click();
    await expect(c.getByRole("heading", { name: setTitle, level: 1 })).toBeVisible();
    await c.getByRole("button", { name: "Start assignment" }).click();
    await c.waitForURL(/\/practice\/attempts\/[^/]+$/);
    for (let n = 1; n <= 3; n++) {
      await expect(c.getByTestId("progress")).toContainText(`Question ${n} of 3`);
      const option = c.getByRole("list", { name: "Options" }).getByRole("button", { name: OPTION_NAME }).nth(n % 4);
      await option.click();
      // The choice has registered before moving on (a click is not assumed to have landed).
      await expect(option).toHaveAttribute("aria-pressed", "true");
      if (n < 3) await c.getByRole("button", { name: "Next", exact: true }).click();
    }
    await expect(c.getByTestId("save-status")).toHaveText("Saved");
    await c.getByRole("button", { name: "Finish", exact: true }).click();
    await c.getByRole("dialog").getByRole("button", { name: "Finish and see results" }).click();
    await c.waitForURL(/\/report$/);

    await c.goto(`/cohorts`);
    await c.getByRole("link", { name: new RegExp(cohortName) }).click();
    await c.getByRole("link", { name: new RegExp(setTitle) }).click();
    await expect(c.getByTestId("attempt-score")).toHaveText(/^\d of 3 · \d+%$/);
    await expect(c.getByText("You have used every attempt this assignment allows.")).toBeVisible();

    // ── Instructor: grid, analysis, CSV ───────────────────────
    await t.goto(cohortUrl);
    const grid = t.getByTestId("completion-grid");
    await expect(grid.getByRole("rowheader", { name: /Cam Candidate/ })).toBeVisible();
    await expect(grid.getByText("Done", { exact: true })).toBeVisible();
    await grid.getByRole("link", { name: setTitle }).click();
    await expect(t.getByRole("heading", { name: "Item analysis" })).toBeVisible();
    await expect(t.getByTestId("item-analysis").getByRole("listitem").filter({ has: t.getByText("Facility") })).toHaveCount(3);
    await expect(t.getByTestId("assignment-members").getByRole("rowheader", { name: "Cam Candidate" })).toBeVisible();

    const [download] = await Promise.all([t.waitForEvent("download"), t.getByRole("link", { name: "Download answers (CSV)" }).click()]);
    expect(download.suggestedFilename()).toMatch(/-answers\.csv$/);
    const csv = fs.readFileSync((await download.path())!, "utf8").replace(/^\uFEFF/, "");
    const lines = csv.trim().split(/\r\n/);
    expect(lines[0]).toMatch(/^Member,Email,Attempts,First submitted at \(UTC\),Correct,Items,Score %,1\. [a-z]+-\d{3},2\. /);
    expect(lines[1]).toMatch(/^Answer key,,,,,,,[ABCD],[ABCD],[ABCD]$/);
    expect(lines.find((l) => l.startsWith("Cam Candidate,"))).toMatch(new RegExp(`^Cam Candidate,${candidate.email.replace(/[.+]/g, "\\$&")},1,[^,]+,\\d,3,[\\d.]+,B,C,D$`));

    // ── Outsider: nothing of the cohort, by page, link or API ──
    const o = await stranger.newPage();
    await signIn(o, outsider, "/dashboard");
    const cohortId = cohortUrl.split("/").pop()!;
    await o.goto(cohortUrl);
    await expect(o.getByRole("heading", { name: "This area is for instructors" })).toBeVisible();
    await o.goto(`/cohorts/${cohortId}`);
    await expect(o.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(o.getByText(cohortName)).toHaveCount(0);
    const assignmentPath = new URL(t.url()).pathname.replace("/teach", "");
    await o.goto(assignmentPath);
    await expect(o.getByRole("heading", { name: "Page not found" })).toBeVisible();
    expect((await o.request.get(`${cohortUrl}/export`)).status()).toBe(403);
    expect((await o.request.get(`/api/v1/cohorts/${cohortId}`)).status()).toBe(404);
    const mine = (await (await o.request.get("/api/v1/cohorts")).json()) as { member: unknown[]; assignments: unknown[] };
    expect(mine).toMatchObject({ member: [], assignments: [] });
    await o.goto("/cohorts");
    await expect(o.getByText(cohortName)).toHaveCount(0);
  } finally {
    await Promise.all([teach.close(), phone.close(), stranger.close()]);
  }
});

test("a join link sends a signed-out visitor through sign-in and back to join", async ({ browser, makeUser, db }, testInfo) => {
  test.skip(testInfo.project.name !== "phone", "one viewport is enough for the redirect");
  const baseURL = String(testInfo.project.use.baseURL);
  const instructor = await makeUser({ role: "instructor" });
  const candidate = await makeUser({ name: "Link Joiner" });
  const joinCode = `E2E${Date.now().toString(36).toUpperCase()}`.replace(/[^ACDEFGHJKMNPQRTUVWXY34679]/g, "").padEnd(8, "A").slice(0, 8);
  const cohort = await db.cohort.create({
    data: { name: `Linked ${joinCode}`, ownerId: instructor.id, joinCode, instructors: { create: { userId: instructor.id, role: "owner" } } },
  });
  const ctx = await browser.newContext({ ...devices["Pixel 7"], baseURL });
  try {
    const page = await ctx.newPage();
    await page.goto(`/join/${joinCode}`);
    await page.waitForURL(/\/signin\?callbackUrl=%2Fjoin%2F/);
    await page.getByLabel("Email").fill(candidate.email);
    await page.getByLabel("Password").fill(candidate.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForURL(new RegExp(`/join/${joinCode}$`));
    await page.getByRole("button", { name: `Join ${cohort.name}` }).click();
    await page.waitForURL((url) => url.pathname === `/cohorts/${cohort.id}`);
    await expect(page.getByRole("heading", { name: cohort.name, level: 1 })).toBeVisible();

    // A mistyped or replaced code says so instead of failing silently.
    await page.goto("/cohorts");
    await page.getByLabel("Join code").fill("QQQQ-QQQQ");
    await page.getByRole("button", { name: "Join cohort" }).click();
    await expect(formAlert(page).or(page.getByText(/No cohort has this code/))).toBeVisible();
  } finally {
    await db.cohort.deleteMany({ where: { id: cohort.id } });
    await ctx.close();
  }
});

test("an import file just under 1 MB reaches the importer, and a larger one is refused with its size", async ({ page, makeUser }, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "one viewport is enough");
  const instructor = await makeUser({ role: "instructor" });
  await signIn(page, instructor, "/teach/items/import");
  const file = page.getByLabel("File", { exact: true });
  // Under 1 MB as a file, but well over 1 MB once sent through a server action (every é takes two bytes, every " is escaped).
  const heavy = `stem,lead_in\n${'"é""é"",'.repeat(999_000 / 12)}\n`;
  expect(Buffer.byteLength(heavy)).toBeLessThan(1_000_000);
  await file.setInputFiles({ name: "heavy.csv", mimeType: "text/csv", buffer: Buffer.from(heavy) });
  await page.getByRole("button", { name: "Check file" }).click();
  // The importer answers about the file itself (a summary of what it read, or why it could not);
  // the request is never refused on the way. Reading runs in a worker with its own time limit, so
  // wait for the answer rather than assume how long it takes.
  await expect(page.getByTestId("import-summary").or(formAlert(page)).first()).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText("The file could not be sent")).toHaveCount(0);

  await file.setInputFiles({ name: "big.csv", mimeType: "text/csv", buffer: Buffer.alloc(1_000_001, "a") });
  await expect(page.getByText("That file is larger than 1 MB. Split it into smaller files.")).toBeVisible();
});

test("a server action request over the size limit is answered 413, not 500", async ({ request }, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "one viewport is enough");
  const response = await request.post("/teach/items/import", {
    headers: { "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8" },
    data: "x".repeat(9 * 1024 * 1024),
  });
  expect(response.status()).toBe(413);
});
