import type { Page } from "@playwright/test";
import { expect, signIn, test } from "./fixtures";

// What Lighthouse's PWA checks looked at (installable manifest, service worker, offline start URL),
// checked directly: Lighthouse 12 dropped its PWA category. Phone project only.
test.skip(({ isMobile }) => !isMobile, "phone viewport only");

/** Width and height from a PNG's IHDR chunk. */
function pngSize(body: Buffer): { width: number; height: number } {
  expect(body.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  return { width: body.readUInt32BE(16), height: body.readUInt32BE(20) };
}

async function cached(page: Page, path: string) {
  await expect
    .poll(() => page.evaluate(async (url) => !!navigator.serviceWorker.controller && !!(await caches.match(url)), path), {
      timeout: 60_000,
      message: `service worker controls the page and holds ${path}`,
    })
    .toBe(true);
}

test("the manifest, icons and favicon make Systemic installable", async ({ page, request }) => {
  const response = await request.get("/manifest.webmanifest");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/manifest+json");
  const manifest = (await response.json()) as {
    name: string;
    short_name: string;
    start_url: string;
    scope: string;
    display: string;
    theme_color: string;
    background_color: string;
    icons: { src: string; sizes: string; type: string; purpose?: string }[];
  };
  expect(manifest.name).toContain("Systemic");
  expect(manifest.short_name.length).toBeLessThanOrEqual(12);
  expect(manifest.start_url).toBe("/review");
  expect(manifest.scope).toBe("/");
  expect(manifest.display).toBe("standalone");
  expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
  expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/i);

  // Every PNG icon is there, is a PNG and has the size it claims; 192, 512 and a maskable 512 are listed.
  for (const icon of manifest.icons.filter((i) => i.type === "image/png")) {
    const file = await request.get(icon.src);
    expect(file.status(), icon.src).toBe(200);
    const { width, height } = pngSize(await file.body());
    expect(`${width}x${height}`, icon.src).toBe(icon.sizes);
  }
  const listed = manifest.icons.map((i) => `${i.sizes} ${i.purpose ?? "any"}`);
  expect(listed).toEqual(expect.arrayContaining(["192x192 any", "512x512 any", "512x512 maskable"]));

  const favicon = await request.get("/favicon.ico");
  expect(favicon.status()).toBe(200);
  expect((await favicon.body()).readUInt16LE(2)).toBe(1); // an icon resource

  await page.goto("/");
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute("href", "/manifest.webmanifest");
  const apple = await page.locator('link[rel="apple-touch-icon"]').getAttribute("href");
  const appleIcon = await request.get(apple!);
  expect(pngSize(await appleIcon.body())).toEqual({ width: 180, height: 180 });
  await expect(page.locator('meta[name="theme-color"]')).toHaveCount(2);
});

test("the service worker opens the start URL and opened lessons offline, and says so for other pages", async ({ page, context, makeUser }) => {
  test.setTimeout(180_000);
  const user = await makeUser();
  await signIn(page, user, "/review");
  await expect(page.getByRole("heading", { name: "Review", level: 1 })).toBeVisible();
  await cached(page, "/review");
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(new URL(scope).pathname).toBe("/");

  await page.goto("/learn/joining");
  const lessonHeading = page.getByRole("heading", { level: 1 });
  await expect(lessonHeading).toBeVisible();
  const lessonTitle = await lessonHeading.textContent();
  await cached(page, "/learn/joining");

  await context.setOffline(true);
  const start = await page.goto("/review");
  expect(start?.status()).toBe(200);
  await expect(page.getByRole("heading", { name: "Review", level: 1 })).toBeVisible();

  await page.goto("/learn/joining");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(lessonTitle ?? "");

  await page.goto("/stats");
  await expect(page.getByRole("heading", { name: "You are offline" })).toBeVisible();
  await expect(page.getByText("This page needs a connection to the server.")).toBeVisible();
  await context.setOffline(false);
});
