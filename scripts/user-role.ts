/**
 * Changes a user's role.  npm run user:role -- EMAIL candidate|instructor|admin
 */
import { setRole } from "@/lib/auth/users";
import { ROLES, type Role } from "@/lib/auth/validation";
import { db } from "@/lib/db";

const [email, role] = process.argv.slice(2);
if (!email || !role || !(ROLES as readonly string[]).includes(role)) {
  console.error(`Usage: npm run user:role -- EMAIL ${ROLES.join("|")}`);
  process.exit(2);
}
const user = await setRole(email, role as Role);
await db.$disconnect();
if (!user) {
  console.error(`No account with the email ${email}.`);
  process.exit(1);
}
console.log(`${user.email} is now ${user.role}.`);
