"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { signUp } from "@/lib/auth/actions";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/validation";
import { OAuthButtons } from "./oauth-buttons";

export function SignUpForm({ providers }: { providers: { id: string; name: string }[] }) {
  const router = useRouter();
  const [values, setValues] = useState({ name: "", email: "", password: "" });
  const [timeZone, setTimeZone] = useState("UTC");
  const [result, formAction, pending] = useActionState(signUp, null);
  const [signingIn, setSigningIn] = useState(false);
  const [signInError, setSignInError] = useState<string>();

  useEffect(() => {
    setTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC");
  }, []);

  useEffect(() => {
    if (!result?.ok) return;
    setSigningIn(true);
    void signIn("credentials", { email: values.email, password: values.password, redirect: false }).then((r) => {
      if (r?.ok && !r.error) {
        router.replace("/dashboard?welcome=1");
        router.refresh();
      } else {
        setSigningIn(false);
        setSignInError("Your account was created, but signing in failed. Please sign in.");
      }
    });
    // Only react to a new result, not to typing.
  }, [result]);

  const errors = result && !result.ok ? (result.fieldErrors ?? {}) : {};
  const set = (key: keyof typeof values) => (e: React.ChangeEvent<HTMLInputElement>) => setValues((v) => ({ ...v, [key]: e.target.value }));

  return (
    <>
      <OAuthButtons providers={providers} callbackUrl="/dashboard" />
      <form action={formAction} className="mt-6 space-y-4" noValidate>
        {result && !result.ok && !result.fieldErrors && <Alert tone="error">{result.error}</Alert>}
        {signInError && <Alert tone="error">{signInError}</Alert>}
        <input type="hidden" name="timeZone" value={timeZone} />
        <Field label="Name" name="name" autoComplete="name" required value={values.name} onChange={set("name")} error={errors.name} />
        <Field label="Email" name="email" type="email" autoComplete="email" required value={values.email} onChange={set("email")} error={errors.email} />
        <Field
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={PASSWORD_MIN_LENGTH}
          value={values.password}
          onChange={set("password")}
          error={errors.password}
          hint={`At least ${PASSWORD_MIN_LENGTH} characters. A short sentence works well.`}
        />
        <Button type="submit" className="w-full" disabled={pending || signingIn}>
          {pending ? "Creating account…" : signingIn ? "Signing you in…" : "Create account"}
        </Button>
      </form>
    </>
  );
}
