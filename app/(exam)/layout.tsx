import type { ReactNode } from "react";

// The exam screen brings its own header (clock, progress, submit) and no
// site navigation, as at a testing centre: nothing to wander off to.
export default function ExamLayout({ children }: { children: ReactNode }) {
  return <>{children}</>;
}
