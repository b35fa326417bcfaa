/**
 * Creates the demo accounts if they are missing, and gives them a history
 * the first time (a month of study, a cohort with results). Idempotent.
 * `npm run db:seed`
 */
import { createUser, setRole } from "@/lib/auth/users";
import { db } from "@/lib/db";
import { DEMO_ACCOUNTS } from "@/lib/demo/accounts";
import { seedDemoHistory } from "@/lib/demo/history";

export { seedDemoHistory };

export async function seedDemoAccounts(): Promise<string[]> {
  const created: string[] = [];
  for (const account of DEMO_ACCOUNTS) {
    const result = await createUser({ name: account.name, email: account.email, password: account.password, timeZone: "America/New_York" }, account.role);
    if (result.ok) created.push(account.email);
    else await setRole(account.email, account.role);
  }
  return created;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const created = await seedDemoAccounts();
  console.log(created.length ? `Created demo accounts: ${created.join(", ")}` : "Demo accounts already exist.");
  console.log((await seedDemoHistory()) ?? "The demo already has its history.");
  await db.$disconnect();
}
