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
    GITHUB_ID: optional,
    GITHUB_SECRET: optional,
    GOOGLE_CLIENT_ID: optional,
    GOOGLE_CLIENT_SECRET: optional,
    /** Sign-in attempts allowed per window, per account and per IP. */
    SIGNIN_MAX_ATTEMPTS: z.coerce.number().int().positive().default(5),
    SIGNIN_WINDOW_SECONDS: z.coerce.number().int().positive().default(300),
  })
  .superRefine((e, ctx) => {
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
