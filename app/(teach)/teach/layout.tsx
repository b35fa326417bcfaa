import type { ReactNode } from "react";
import { TeachNav } from "@/components/teach/teach-nav";

export default function TeachSectionLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <TeachNav />
      {children}
    </>
  );
}
