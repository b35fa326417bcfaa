import path from "node:path";
import { hash } from "@node-rs/argon2";
import { test as base, expect, type Page } from "@playwright/test";
import { createDb, type Db } from "../../lib/db/client";

export const E2E_DATABASE_URL = `file:${path.resolve(import.meta.dirname, "../.tmp/e2e.db")}`;

export type TestUser = { id: string; email: string; password: string; name: string; role: string };

type Fixtures = {
  db: Db;
  /** Creates a user straight in the database; removed after the test. */
  makeUser: (options?: { role?: "candidate" | "instructor" | "admin"; name?: string }) => Promise<TestUser>;
  /** A unique email for accounts a test creates through the UI; removed after the test. */
  freshEmail: (label: string) => string;
};

export const test = base.extend<Fixtures>({
  db: async ({}, use) => {
    const db = createDb(E2E_DATABASE_URL);
    await use(db);
    await db.$disconnect();
  },
  makeUser: async ({ db }, use, testInfo) => {
    const made: string[] = [];
    await use(async ({ role = "candidate", name = "Test Learner" } = {}) => {
      const email = `e2e-${role}-${testInfo.project.name}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.test`;
      const password = "a long test password";
      const user = await db.user.create({
        data: { email, name, role, passwordHash: await hash(password), timeZone: "America/Chicago" },
      });
      made.push(user.id);
      return { id: user.id, email, password, name, role };
    });
    await db.user.deleteMany({ where: { id: { in: made } } });
  },
  freshEmail: async ({ db }, use, testInfo) => {
    const emails: string[] = [];
    await use((label: string) => {
      const email = `e2e-${label}-${testInfo.project.name}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.test`;
      emails.push(email);
      return email;
    });
    await db.user.deleteMany({ where: { email: { in: emails } } });
  },
});

export { expect };

export async function signIn(page: Page, user: { email: string; password: string }, callbackUrl?: string) {
  await page.goto(callbackUrl ? `/signin?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/signin");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/signin"));
}

/** The main navigation for the viewport: a bottom tab bar on phones. */
export function mainNav(page: Page, isMobile: boolean) {
  return page.getByRole("navigation", { name: isMobile ? "Main (mobile)" : "Main", exact: true });
}

/** The page's own alert (Next adds an empty route announcer with role=alert). */
export function formAlert(page: Page) {
  return page.getByRole("alert").and(page.locator(":not(#__next-route-announcer__)"));
}
