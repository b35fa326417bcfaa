import type { ReactNode } from "react";

export type CalloutKind = "exam" | "note" | "caution";

// The icon and the default title say what kind of callout it is, so colour is not the only cue.
const KINDS: Record<CalloutKind, { title: string; box: string; heading: string; icon: ReactNode }> = {
  exam: {
    title: "Exam tip",
    box: "border-violet-500 bg-violet-50 dark:border-violet-400 dark:bg-violet-950/40",
    heading: "text-violet-900 dark:text-violet-200",
    icon: <path d="M3 4.5 10 2l7 2.5-7 2.5L3 4.5Zm2.5 1v4c0 1.5 2 2.5 4.5 2.5s4.5-1 4.5-2.5v-4M17 4.5v4" />,
  },
  note: {
    title: "Note",
    box: "border-sky-500 bg-sky-50 dark:border-sky-400 dark:bg-sky-950/40",
    heading: "text-sky-900 dark:text-sky-200",
    icon: (
      <>
        <circle cx="10" cy="10" r="7.5" />
        <path d="M10 9v5M10 6.2v.1" />
      </>
    ),
  },
  caution: {
    title: "Caution",
    box: "border-amber-500 bg-amber-50 dark:border-amber-400 dark:bg-amber-950/40",
    heading: "text-amber-900 dark:text-amber-200",
    icon: <path d="M10 2.5 18 17H2L10 2.5ZM10 8v4M10 14.5v.1" />,
  },
};

/** A short aside: an exam tip, a note or a caution. */
export function Callout({ kind = "note", title, children }: { kind?: CalloutKind; title?: string; children?: ReactNode }) {
  const style = KINDS[kind] ?? KINDS.note;
  const heading = title ?? style.title;
  return (
    <div role="note" aria-label={heading} className={`my-6 rounded-lg border-l-4 px-4 py-3 ${style.box}`}>
      <p className={`flex items-center gap-2 font-semibold ${style.heading}`}>
        <svg
          viewBox="0 0 20 20"
          width="18"
          height="18"
          aria-hidden="true"
          focusable="false"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.6"
          strokeLinecap="round"
          strokeLinejoin="round"
        >
          {style.icon}
        </svg>
        {heading}
      </p>
      <div className="mt-1 text-slate-800 dark:text-slate-200 [&>*:first-child]:mt-0 [&>*:last-child]:mb-0">{children}</div>
    </div>
  );
}
