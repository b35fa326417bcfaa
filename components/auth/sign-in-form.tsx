"use client";

import Link from "next/link";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { OAuthButtons } from "./oauth-buttons";

export function SignInForm({
  callbackUrl,
  providers,
  initialError,
}: {
  callbackUrl: string;
  providers: { id: string; name: string }[];
  initialError?: string;
}) {
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState(initialError);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(undefined);
    try {
      const result = await signIn("credentials", { email, password, redirect: false });
      if (result?.ok && !result.error) {
        router.replace(callbackUrl);
        router.refresh();
        return;
      }
      setError(result?.error && result.error !== "CredentialsSignin" ? result.error : "Email or password is incorrect.");
    } catch {
      setError("We could not reach Systemic. Check your connection and try again.");
    }
    setPending(false);
  }

  return (
    <>
      <OAuthButtons providers={providers} callbackUrl={callbackUrl} />
      <form onSubmit={onSubmit} className="mt-6 space-y-4" noValidate>
        {error && <Alert tone="error">{error}</Alert>}
        <Field label="Email" name="email" type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
        <Field
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <p className="text-sm">
          <Link href="/forgot-password" className="font-medium text-brand-700 underline underline-offset-2 dark:text-brand-300">
            Forgot your password?
          </Link>
        </p>
        <Button type="submit" className="w-full" disabled={pending}>
          {pending ? "Signing in…" : "Sign in"}
        </Button>
      </form>
    </>
  );
}
