/** `npm run dev`: prepares the database and content, then runs `next dev`. */
import { spawn } from "node:child_process";
import path from "node:path";
import { db } from "@/lib/db";
import { root } from "./lib/env-files";
import { prepare } from "./lib/prepare";

await prepare();
await db.$disconnect();
const dev = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "dev", "-p", process.env.PORT ?? "3000"], {
  cwd: root,
  stdio: "inherit",
  env: process.env,
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => dev.kill(signal));
dev.on("exit", (code) => process.exit(code ?? 0));
