import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { oauthProviders } from "@/lib/auth/options";
import { getCurrentUser } from "@/lib/auth/session";
import { safeCallbackUrl } from "@/lib/auth/callback-url";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  const oauthError = typeof params.error === "string" && params.error !== "CredentialsSignin" ? "That sign-in did not work. Please try again." : undefined;
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">Sign in</h1>
      <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">Welcome back. Pick up where you left off.</p>
      <SignInForm callbackUrl={callbackUrl} providers={oauthProviders()} initialError={oauthError} />
      <p className="mt-6 text-sm text-stone-600 dark:text-stone-400">
        New to Systemic?{" "}
        <Link href="/signup" className="font-semibold text-brand-700 underline underline-offset-2 dark:text-brand-300">
          Create an account
        </Link>
      </p>
    </>
  );
}
