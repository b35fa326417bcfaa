import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { oauthProviders } from "@/lib/auth/options";
import { getCurrentUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage() {
  if (await getCurrentUser()) redirect("/dashboard");
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">Create your account</h1>
      <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">Free and open source. Your study data stays yours.</p>
      <SignUpForm providers={oauthProviders()} />
      <p className="mt-6 text-sm text-stone-600 dark:text-stone-400">
        Already have an account?{" "}
        <Link href="/signin" className="font-semibold text-brand-700 underline underline-offset-2 dark:text-brand-300">
          Sign in
        </Link>
      </p>
    </>
  );
}
