import { expect, signIn, test } from "./fixtures";

test("a learner reads a lesson with a family map, practises ten items with rationales and sees progress on /learn", async ({ page, makeUser }) => {
  test.setTimeout(120_000);
  const user = await makeUser();
  await signIn(page, user, "/learn");

  await expect(page.getByRole("heading", { name: "Learn", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: /Domain 1 · The Practice of Systemic Therapy/ })).toBeVisible();
  const card = page.getByTestId("lesson-card-cross-generational-coalitions");
  await expect(card.getByTestId("lesson-progress")).toContainText("0 of 12 questions tried");
  // The card says how many a practice round gives, not only the bank's size.
  await expect(card).toContainText("12 questions, 10 per practice round");
  await card.click();

  await expect(page.getByRole("heading", { name: "Cross-generational and stable coalitions", level: 1 })).toBeVisible();
  const map = page.getByRole("img", { name: /./ }).filter({ has: page.locator("title") }).first();
  await expect(map).toBeVisible();
  const figure = page.locator("figure", { has: page.locator("svg[role=img]") }).first();
  await expect(figure.getByText("Key", { exact: true })).toBeVisible();
  await expect(figure.getByRole("listitem").first()).toBeVisible();
  await figure.getByText("Text description").click();
  await expect(figure.locator("details li").filter({ hasText: /against/ }).first()).toBeVisible();

  await page.getByRole("button", { name: "Start 10 questions" }).click();
  for (let n = 1; n <= 10; n++) {
    await expect(page.getByText(`Question ${n} of 10`)).toBeVisible();
    const options = page.getByRole("list", { name: "Options" }).getByRole("button");
    await expect(options).toHaveCount(4);
    await options.nth(n % 4).click();
    await expect(page.getByTestId("practice-verdict")).toHaveText(/^(Correct\.|Not quite — the best answer is [A-D]\.)/);
    // Every option's rationale is shown once answered.
    const rationales = page.getByRole("list", { name: "Options" }).locator("li > p");
    await expect(rationales).toHaveCount(4);
    await expect(rationales.filter({ hasText: /^Correct\./ })).toHaveCount(1);
    await expect(page.getByRole("link", { name: "Review this section" })).toHaveAttribute("href", /^\/learn\/cross-generational-coalitions#[a-z0-9-]+$/);
    await page.getByRole("button", { name: n === 10 ? "See results" : "Next question" }).click();
  }
  await expect(page.getByText(/You answered \d+ of 10 correctly\./)).toBeVisible();
  // The summary lists every question, right or wrong, each with a link to its section of this page.
  const right = Number((await page.getByText(/You answered \d+ of 10 correctly\./).textContent())!.match(/(\d+) of 10/)![1]);
  const results = page.getByTestId("practice-results").getByRole("listitem");
  await expect(results).toHaveCount(10);
  await expect(results.filter({ hasText: "Right:" })).toHaveCount(right);
  await expect(results.filter({ hasText: "Wrong:" })).toHaveCount(10 - right);
  for (const href of await results.getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href")))) {
    expect(href).toMatch(/^#[a-z0-9-]+$/);
    await expect(page.locator(`[id="${href!.slice(1)}"]`)).toHaveCount(1);
  }
  await expect(page.getByTestId("lesson-read")).toBeVisible();

  await page.goto("/learn");
  const progress = page.getByTestId("lesson-card-cross-generational-coalitions").getByTestId("lesson-progress");
  await expect(progress).toContainText("10 of 12 questions tried");
  await expect(progress).toContainText(/\d+% correct/);
  await expect(page.getByTestId("lesson-card-cross-generational-coalitions").getByText("Read", { exact: true })).toBeVisible();
});

test("tutor mode answers with the keyboard", async ({ page, makeUser, isMobile }) => {
  test.skip(isMobile, "keyboard shortcuts are a desktop concern");
  const user = await makeUser();
  await signIn(page, user, "/learn/joining");
  await page.getByRole("button", { name: "Start 10 questions" }).click();
  await expect(page.getByText("Question 1 of 10")).toBeVisible();
  await page.keyboard.press("2");
  await expect(page.getByTestId("practice-verdict")).toHaveText(/^(Correct\.|Not quite — the best answer is [A-D]\.)/);
  await page.keyboard.press("Enter");
  await expect(page.getByText("Question 2 of 10")).toBeVisible();
});

test("a visitor can read lessons and is asked to sign in to practise", async ({ page }) => {
  await page.goto("/learn/joining");
  await expect(page.getByRole("heading", { name: /Joining/, level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "Start 10 questions" }).click();
  await expect(page.getByRole("link", { name: "Sign in" }).last()).toBeVisible();
});

test("search finds a lesson by a key term as one types", async ({ page }) => {
  await page.goto("/learn");
  const box = page.getByRole("searchbox", { name: "Search lessons, questions and flashcards" });
  await box.fill("mimesis");
  const results = page.getByRole("list", { name: "Search results" });
  await expect(results.getByRole("link").first()).toBeVisible();
  const lesson = results.getByRole("listitem", { name: "Lessons" }).locator('a[href="/learn/joining"]');
  await expect(lesson).toContainText("Joining: accommodation");
  await lesson.click();
  await expect(page).toHaveURL(/\/learn\/joining$/);
});

test("search groups lessons, sections, questions and flashcards, marks the matches, and fits a phone", async ({ page }) => {
  await page.goto("/learn");
  await page.getByRole("searchbox", { name: "Search lessons, questions and flashcards" }).fill("triangulation");
  const results = page.getByRole("list", { name: "Search results" });
  for (const group of ["Lessons", "Questions", "Flashcards"]) await expect(results.getByRole("listitem", { name: group })).toBeVisible();
  const questions = results.getByRole("listitem", { name: "Questions" }).getByRole("link");
  expect(await questions.count()).toBeGreaterThan(0);
  await expect(questions.first()).toContainText(/Question · /);
  await expect(results.locator("mark").first()).toHaveText(/triangulat/i);
  // Nothing runs off the side of the screen.
  const width = page.viewportSize()!.width;
  const box = (await page.getByTestId("search-results").boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(width + 1);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width + 1);
  await questions.first().click();
  await expect(page).toHaveURL(/\/learn\/[a-z0-9-]+#[a-z0-9-]+$/);
});

test("the lesson list groups by exam domain or by model, and the grouping links work from the keyboard", async ({ page }) => {
  await page.goto("/learn");
  const grouping = page.getByRole("navigation", { name: "Group lessons" });
  await expect(grouping.getByRole("link", { name: "Exam domain" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("heading", { level: 2, name: /Domain 6 · Maintaining Ethical, Legal, and Professional Standards/ })).toBeVisible();

  await grouping.getByRole("link", { name: "Model or area" }).click();
  await expect(page).toHaveURL(/\/learn\?by=model$/);
  await expect(grouping.getByRole("link", { name: "Model or area" })).toHaveAttribute("aria-current", "page");
  const bowen = page.getByRole("region", { name: "Bowen family systems" });
  await expect(bowen.getByTestId("lesson-card-bowen-differentiation")).toBeVisible();
  await expect(bowen.getByTestId("lesson-card-bowen-triangles-and-transmission")).toBeVisible();
  await expect(page.getByRole("region", { name: "Crisis and safety" }).getByTestId("lesson-card-suicide-risk")).toBeVisible();
  // The jump list names every group with its count and leads to it.
  await page.getByRole("navigation", { name: "Jump to a group" }).getByRole("link", { name: /Ethics, law and professional practice \(8\)/ }).click();
  await expect(page).toHaveURL(/#model-ethics-law-and-professional-practice$/);
});

test("a lesson page shows a signed-in learner's notification bell, and its contents reach the practice round", async ({ page, makeUser, db, isMobile }) => {
  const user = await makeUser();
  await db.notification.createMany({
    data: [1, 2].map((n) => ({ userId: user.id, kind: "assignment", title: `Set ${n}`, body: "Due Friday", href: "/cohorts" })),
  });
  await signIn(page, user, "/learn/joining");
  await expect(page.getByRole("link", { name: "Notifications, 2 unread" })).toBeVisible();
  // The contents list the page's own practice round and references after the lesson's sections.
  if (isMobile) await page.getByText("On this page").first().click();
  const contents = page.getByRole("navigation", { name: "On this page" }).filter({ visible: true });
  await expect(contents.getByRole("link", { name: "Practise this concept" })).toHaveAttribute("href", "#practice-heading");
  await contents.getByRole("link", { name: "Practise this concept" }).click();
  await expect(page.getByRole("heading", { name: "Practise this concept" })).toBeInViewport();
  await expect(contents.getByRole("link", { name: "References" })).toHaveAttribute("href", "#references");
});
