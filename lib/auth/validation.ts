import { z } from "zod";
import { isCalendarDate } from "@/lib/dates";
import { isValidTimeZone } from "@/lib/time-zones";

export const PASSWORD_MIN_LENGTH = 10;
export const ROLES = ["candidate", "instructor", "admin"] as const;
export type Role = (typeof ROLES)[number];

const email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email("Enter a valid email address, like name@example.com"));

const timeZone = z
  .string()
  .trim()
  .refine(isValidTimeZone, { message: "Choose a time zone from the list" });

export const signUpSchema = z.object({
  name: z.string().trim().min(1, "Enter your name").max(80, "Use at most 80 characters"),
  email,
  password: z
    .string()
    .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters`)
    .max(200, "Use at most 200 characters"),
  timeZone: timeZone.catch("UTC"),
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({
  email,
  password: z.string().min(1, "Enter your password").max(200),
});

export const settingsSchema = z.object({
  name: z.string().trim().min(1, "Enter your name").max(80, "Use at most 80 characters"),
  timeZone,
  examDate: z
    .string()
    .trim()
    .refine((v) => v === "" || isCalendarDate(v), {
      message: "Use a date like 2027-03-15",
    })
    .transform((v) => (v === "" ? null : v)),
});
export type SettingsInput = z.infer<typeof settingsSchema>;

export const deleteAccountSchema = z.object({
  confirmEmail: z.string().trim().toLowerCase(),
});

/** Field errors keyed by field name, for forms. */
export type FieldErrors = Partial<Record<string, string>>;

export function fieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    out[key] ??= issue.message;
  }
  return out;
}

const newPassword = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(200, "Use at most 200 characters");

export const forgotPasswordSchema = z.object({ email });

export const resetPasswordSchema = z.object({
  token: z.string().min(1).max(200),
  password: newPassword,
});

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, "Enter your current password").max(200),
  newPassword,
});

export const changeEmailSchema = z.object({
  newEmail: email,
  currentPassword: z.string().min(1, "Enter your current password").max(200),
});

export const confirmEmailSchema = z.object({ token: z.string().min(1).max(200) });
