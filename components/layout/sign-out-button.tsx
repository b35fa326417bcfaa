"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";

export function SignOutButton() {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signOut({ callbackUrl: "/" });
      }}
      className="rounded-md px-3 py-2 text-sm font-medium text-stone-700 hover:bg-stone-200/70 disabled:opacity-60 dark:text-stone-300 dark:hover:bg-stone-800"
    >
      {pending ? "Signing out…" : "Sign out"}
    </button>
  );
}
