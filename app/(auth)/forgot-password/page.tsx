import type { Metadata } from "next";
import Link from "next/link";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";

export const metadata: Metadata = { title: "Reset your password" };

export default function ForgotPasswordPage() {
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">Forgot your password?</h1>
      <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">Enter the email you signed up with and we will send you a link to choose a new one.</p>
      <ForgotPasswordForm />
      <p className="mt-6 text-sm text-stone-600 dark:text-stone-400">
        Remembered it?{" "}
        <Link href="/signin" className="font-semibold text-brand-700 underline underline-offset-2 dark:text-brand-300">
          Sign in
        </Link>
      </p>
    </>
  );
}
