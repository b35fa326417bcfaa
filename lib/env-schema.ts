import { z } from "zod";
import { DEFAULT_DATABASE_URL } from "./db/config";

const optional = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== "" ? v.trim() : undefined));

export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z
      .string()
      .default(DEFAULT_DATABASE_URL)
      .refine((v) => /^(file:.+|postgres(ql)?:\/\/.+)$/.test(v), {
        message: "must be a SQLite file: URL (file:./data/systemic.db) or a postgresql:// URL",
      }),
    NEXTAUTH_SECRET: z
      .string({ error: "is required: a random string of at least 32 characters (openssl rand -base64 48)" })
      .min(32, "must be at least 32 characters (generate one with: openssl rand -base64 48)"),
    NEXTAUTH_URL: z.url("must be a full URL such as https://systemic.example.org").optional(),
    /**
     * SQLite's durability under WAL: NORMAL (default) syncs the log at checkpoints, not at every commit, so a
     * power cut or OS crash may lose the last moments of committed grades (never an application crash, never
     * corruption); FULL syncs every commit. See docs/benchmarks.md.
     */
    SQLITE_SYNCHRONOUS: z.enum(["NORMAL", "FULL"], { message: "must be NORMAL or FULL" }).default("NORMAL"),
    GITHUB_ID: optional,
    GITHUB_SECRET: optional,
    GOOGLE_CLIENT_ID: optional,
    GOOGLE_CLIENT_SECRET: optional,
    /** Failed sign-ins allowed per window on one account from one address (4× that from one address over all accounts). */
    SIGNIN_MAX_ATTEMPTS: z.coerce.number().int().positive().default(5),
    /** Failed sign-ins allowed per window on one account from all addresses together. */
    SIGNIN_ACCOUNT_MAX_ATTEMPTS: z.coerce.number().int().positive().default(50),
    SIGNIN_WINDOW_SECONDS: z.coerce.number().int().positive().default(300),
    /** Proxies in front of the app that append to X-Forwarded-For; 0 = clients connect directly (use the socket address). */
    /** Where email is sent through: smtp://user:pass@host:587 (STARTTLS when offered) or smtps://…:465. Unset: links are printed to the server log outside production. */
    SMTP_URL: optional.refine((v) => v === undefined || /^smtps?:\/\/[^/\s]+/.test(v), {
      message: "must be an smtp:// or smtps:// URL, such as smtp://user:password@mail.example.org:587",
    }),
    /** The sender of account emails. */
    MAIL_FROM: optional.refine((v) => v === undefined || /^(.*<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/.test(v), {
      message: 'must be an address such as no-reply@example.org or "Systemic <no-reply@example.org>"',
    }),
    TRUSTED_PROXY_HOPS: z.coerce.number({ message: "must be a whole number of proxies (0 when clients connect directly)" }).int().min(0).default(0),
  })
  .superRefine((e, ctx) => {
    // Session cookies are Secure only over https, so a production site must be served over it (loopback is for trying a build locally).
    if (e.NODE_ENV === "production") {
      const url = e.NEXTAUTH_URL ? new URL(e.NEXTAUTH_URL) : null;
      const loopback = url !== null && ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
      if (!url) ctx.addIssue({ code: "custom", path: ["NEXTAUTH_URL"], message: "is required in production: the site's https:// URL" });
      else if (url.protocol !== "https:" && !loopback) {
        ctx.addIssue({ code: "custom", path: ["NEXTAUTH_URL"], message: "must be an https:// URL in production (session cookies are sent over https only); http is accepted for localhost" });
      }
    }
    for (const [id, secret] of [
      ["GITHUB_ID", "GITHUB_SECRET"],
      ["GOOGLE_CLIENT_ID", "GOOGLE_CLIENT_SECRET"],
    ] as const) {
      if (!!e[id] !== !!e[secret]) ctx.addIssue({ code: "custom", path: [e[id] ? secret : id], message: `is required when ${e[id] ? id : secret} is set` });
    }
  });

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {}

/** Parses the environment or throws an EnvError naming every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  - ${i.path.join(".") || "(environment)"}: ${i.message}`);
  throw new EnvError(`Invalid environment configuration:\n${lines.join("\n")}`);
}
