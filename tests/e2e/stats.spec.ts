import { expect, signIn, test } from "./fixtures";

test("the heatmap fills its card on a desktop, scrolls on a phone, and no month label is cut off", async ({ page, makeUser, db, isMobile }) => {
  const user = await makeUser();
  const flashcard = await db.flashcard.findFirstOrThrow({ where: { retiredAt: null }, select: { id: true } });
  const now = Date.now();
  const card = await db.reviewCard.create({
    data: { userId: user.id, kind: "flashcard", flashcardId: flashcard.id, due: new Date(now + 86_400_000), stability: 5, difficulty: 5, elapsedDays: 1, scheduledDays: 1, learningSteps: 0, reps: 40, lapses: 0, state: 2, lastReview: new Date(now - 3_600_000) },
  });
  // A review every third day for most of a year.
  await db.reviewLog.createMany({
    data: Array.from({ length: 110 }, (_, i) => ({
      userId: user.id, clientId: `heat-${user.id}-${i}`, cardId: card.id, rating: 3, state: 2, reviewedAt: new Date(now - i * 3 * 86_400_000 - 3_600_000),
      durationMs: 4000, source: "review", before: "{}", after: "{}",
    })),
  });
  await signIn(page, user, "/stats");
  const svg = page.getByTestId("heatmap");
  await expect(svg).toBeVisible();
  const scroller = page.getByRole("group", { name: "Review heatmap, scrolls sideways" });
  const [svgBox, scrollBox] = [(await svg.boundingBox())!, (await scroller.boundingBox())!];
  const { scrollWidth, clientWidth } = await scroller.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
  if (isMobile) {
    // Readable size kept: the grid is wider than the phone and scrolls inside its own box.
    expect(scrollWidth).toBeGreaterThan(clientWidth);
  } else {
    // Room to spare: the grid fills its card instead of leaving a gap on the right.
    expect(svgBox.width).toBeGreaterThanOrEqual(scrollBox.width * 0.97);
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth + 1);
  }
  // Every month label ends inside the drawing.
  const labels = await svg.locator("text").evaluateAll((nodes) => nodes.map((n) => (n as SVGTextElement).getBBox()).map((b) => b.x + b.width));
  const viewBoxWidth = await svg.evaluate((el) => (el as SVGSVGElement).viewBox.baseVal.width);
  expect(labels.length).toBeGreaterThan(12);
  for (const right of labels) expect(right).toBeLessThanOrEqual(viewBoxWidth);
});
