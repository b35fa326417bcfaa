import type { Metadata } from "next";
import Link from "next/link";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";

export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { token } = await searchParams;
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">Choose a new password</h1>
      {typeof token === "string" && token ? (
        <>
          <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">Every device signed in to your account will be signed out.</p>
          <ResetPasswordForm token={token} />
        </>
      ) : (
        <p className="mt-2 text-sm">
          This link is incomplete.{" "}
          <Link href="/forgot-password" className="font-semibold text-brand-700 underline underline-offset-2 dark:text-brand-300">
            Ask for a new one
          </Link>
          .
        </p>
      )}
    </>
  );
}
