import type { ReactNode } from "react";
import { AppNav } from "@/components/layout/app-nav";
import { getCurrentUser } from "@/lib/auth/session";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  return (
    <>
      <AppNav user={user} />
      <main id="main" className="mx-auto max-w-5xl px-4 pb-28 pt-6 md:pb-12">
        {children}
      </main>
    </>
  );
}
