import type { Metadata } from "next";
import { ConfirmEmailForm } from "@/components/auth/confirm-email-form";

export const metadata: Metadata = { title: "Confirm your new email", referrer: "no-referrer" };

export default async function ConfirmEmailPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { token } = await searchParams;
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">Confirm your new email</h1>
      {typeof token === "string" && token ? <ConfirmEmailForm token={token} /> : <p className="mt-2 text-sm">This link is incomplete. Ask for a new one in Settings.</p>}
    </>
  );
}
