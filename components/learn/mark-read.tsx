"use client";

import { useEffect, useRef, useState } from "react";
import { markRead } from "@/lib/learn/actions";

/**
 * Records that the learner read the lesson once the end of it scrolls into
 * view. Silent for visitors who are not signed in.
 */
export function MarkRead({ lessonSlug }: { lessonSlug: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [status, setStatus] = useState<"waiting" | "saved">("waiting");

  useEffect(() => {
    const node = ref.current;
    if (!node) return;
    const observer = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      observer.disconnect();
      void markRead(null, { lessonSlug })
        .then((r) => r.ok && setStatus("saved"))
        .catch(() => undefined);
    });
    observer.observe(node);
    return () => observer.disconnect();
  }, [lessonSlug]);

  return (
    <div ref={ref} className="mt-8 text-sm text-stone-600 dark:text-stone-400" aria-live="polite">
      {status === "saved" && <span data-testid="lesson-read">✓ Lesson marked as read</span>}
    </div>
  );
}
