import { Children, isValidElement, type ReactElement, type ReactNode } from "react";

/**
 * MDX's `p` override renders a paragraph too; it carries this flag so a
 * KeyTerm can recognise its definition paragraph whichever way it is drawn.
 */
export function asParagraphComponent<T extends object>(component: T): T {
  return Object.assign(component, { rendersParagraph: true });
}

const isParagraph = (node: unknown): node is ReactElement<{ children?: ReactNode }> =>
  isValidElement(node) && (node.type === "p" || (typeof node.type === "function" && "rendersParagraph" in node.type));

/**
 * A KeyTerm whose definition starts on a new line gets it wrapped in a
 * paragraph by MDX. A <p> may not sit inside the inline form, so this form
 * takes the paragraph's contents instead.
 */
function paragraphContents(children: ReactNode): ReactNode | undefined {
  const nodes = Children.toArray(children).filter((c) => !(typeof c === "string" && c.trim() === ""));
  if (!nodes.some(isParagraph)) return undefined;
  // A definition is one sentence; should an author split it anyway, keep the parts as runs of one paragraph.
  return nodes.map((c, i) =>
    isParagraph(c) ? (
      <span key={i}>
        {i > 0 ? " " : null}
        {c.props.children}
      </span>
    ) : (
      c
    ),
  );
}

function FlashcardMarker() {
  return (
    <span className="ml-1.5 inline-flex items-center gap-0.5 rounded border border-amber-400 bg-white px-1 align-middle text-[0.65rem] leading-4 font-semibold tracking-wide text-amber-900 uppercase dark:border-amber-700 dark:bg-slate-900 dark:text-amber-200">
      <svg viewBox="0 0 12 12" width="10" height="10" aria-hidden="true" focusable="false">
        <rect x="1" y="3" width="8" height="7" rx="1" fill="none" stroke="currentColor" strokeWidth="1.2" />
        <path d="M3.5 1.5h6a1 1 0 0 1 1 1v5" fill="none" stroke="currentColor" strokeWidth="1.2" />
      </svg>
      flashcard
    </span>
  );
}

const TERM = "font-semibold text-slate-950 not-italic dark:text-white";
const BOX = "rounded-lg border-l-4 border-amber-500 bg-amber-50 px-4 py-3 dark:border-amber-400 dark:bg-amber-950/40";

// `<KeyTerm …>text</KeyTerm>` alone on a line reaches React exactly like an
// inline one (plain text children), only its parent differs: a container
// <div> rather than a <p>. So the block look is chosen in CSS by parent.
const SELF_PLACED =
  "rounded bg-amber-50 px-1 py-0.5 box-decoration-clone dark:bg-amber-950/40 " +
  "[div>&]:my-5 [div>&]:block [div>&]:rounded-lg [div>&]:border-l-4 [div>&]:border-amber-500 [div>&]:px-4 [div>&]:py-3 dark:[div>&]:border-amber-400";
const SELF_PLACED_DEFINITION = "text-slate-800 dark:text-slate-200 [div>*>&]:mt-1 [div>*>&]:block";

/** A defined term: the term in bold, a flashcard marker, then its definition. Works inline and on its own line. */
export function KeyTerm({ term, children }: { term: string; children?: ReactNode }) {
  const paragraph = paragraphContents(children);
  if (paragraph !== undefined) {
    return (
      <p className={`my-5 ${BOX}`}>
        <dfn className={TERM}>{term}</dfn>
        <FlashcardMarker />
        <span className="mt-1 block text-slate-800 dark:text-slate-200">{paragraph}</span>
      </p>
    );
  }
  return (
    <span className={SELF_PLACED}>
      <dfn className={TERM}>{term}</dfn>
      <FlashcardMarker />
      <span className="sr-only">:</span> <span className={SELF_PLACED_DEFINITION}>{children}</span>
    </span>
  );
}
