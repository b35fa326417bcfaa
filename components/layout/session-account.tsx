"use client";

import { hasSession } from "@/lib/auth/client";
import Link from "next/link";
import { useEffect, useState } from "react";
import { BellLink } from "@/components/cohorts/bell-link";
import { SignOutButton } from "./sign-out-button";

/**
 * The account links of statically rendered pages (lessons), which cannot
 * read the session on the server: asks for it once in the browser.
 */
export function SessionAccount() {
  const [signedIn, setSignedIn] = useState<boolean | null>(null);
  const [unread, setUnread] = useState(0);
  useEffect(() => {
    hasSession()
      .then(setSignedIn)
      .catch(() => setSignedIn(false));
  }, []);
  useEffect(() => {
    if (!signedIn) return;
    fetch("/api/v1/notifications", { cache: "no-store" })
      .then((r) => (r.ok ? (r.json() as Promise<{ unread: number }>) : { unread: 0 }))
      .then((body) => setUnread(body.unread))
      .catch(() => {});
  }, [signedIn]);
  if (signedIn === null) return <span className="h-9 w-20" aria-hidden="true" />;
  if (!signedIn)
    return (
      <Link href="/signin" className="rounded-md px-3 py-2 text-sm font-medium hover:bg-stone-200/70 dark:hover:bg-stone-800">
        Sign in
      </Link>
    );
  return (
    <>
      <BellLink unread={unread} />
      <Link href="/settings" className="rounded-md px-3 py-2 text-sm font-medium text-stone-700 hover:bg-stone-200/70 dark:text-stone-300 dark:hover:bg-stone-800">
        Settings
      </Link>
      <SignOutButton />
    </>
  );
}
