import type { ReactNode } from "react";
import { AppNav } from "@/components/layout/app-nav";
import { SessionAccount } from "@/components/layout/session-account";

// Lessons are static pages shared by everyone, so this shell does not read
// the session; signed-in features load in the browser.
export default function LessonsLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <AppNav user={null} account={<SessionAccount />} />
      <main id="main" className="mx-auto max-w-5xl px-4 pb-28 pt-6 md:pb-12">
        {children}
      </main>
    </>
  );
}
