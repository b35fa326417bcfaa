/**
 * Resets a user's password from the command line and ends their sessions.
 *   npm run user:password -- EMAIL              prints a new random password
 *   echo 'new password' | npm run user:password -- EMAIL --stdin
 */
import { randomBytes } from "node:crypto";
import { checkPasswordStrength } from "@/lib/auth/password-strength";
import { resetLimit } from "@/lib/auth/rate-limit";
import { signInKeys } from "@/lib/auth/sign-in";
import { setPassword } from "@/lib/auth/users";
import { db } from "@/lib/db";

const args = process.argv.slice(2);
const email = args.find((a) => !a.startsWith("--"))?.trim().toLowerCase();
if (!email) {
  console.error("Usage: npm run user:password -- EMAIL [--stdin]");
  process.exit(2);
}

async function readStdin(): Promise<string> {
  let text = "";
  for await (const chunk of process.stdin) text += chunk;
  return text.replace(/\r?\n$/, "");
}

const fromStdin = args.includes("--stdin");
const password = fromStdin ? await readStdin() : randomBytes(15).toString("base64url");
const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true } });
if (!user) {
  await db.$disconnect();
  console.error(`No account with the email ${email}.`);
  process.exit(1);
}
const strength = checkPasswordStrength(password, [user.email, user.name]);
if (!strength.ok) {
  await db.$disconnect();
  console.error(strength.message);
  process.exit(1);
}
await setPassword(user.id, password);
await resetLimit(signInKeys(user.email, "unknown").account);
await db.accountToken.deleteMany({ where: { userId: user.id, purpose: "password-reset" } });
await db.$disconnect();
console.log(
  fromStdin
    ? `The password of ${user.email} was changed; every session of the account has ended.`
    : `The password of ${user.email} is now: ${password}\nEvery session of the account has ended. Ask them to change it in Settings after signing in.`,
);
