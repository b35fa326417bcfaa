export interface TocEntry {
  depth: number;
  text: string;
  id: string;
}

interface TocNode extends TocEntry {
  children: TocEntry[];
}

/** Nests each deeper heading under the shallower one before it. */
function nest(toc: TocEntry[]): TocNode[] {
  const top = Math.min(...toc.map((t) => t.depth));
  const out: TocNode[] = [];
  for (const entry of toc) {
    const parent = out.at(-1);
    if (entry.depth > top && parent) parent.children.push(entry);
    else out.push({ ...entry, children: [] });
  }
  return out;
}

const LINK =
  "block rounded py-1 hover:text-sky-800 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 dark:hover:text-sky-300";

/** The lesson's section list ("On this page"). */
export function TableOfContents({ toc }: { toc: TocEntry[] }) {
  if (toc.length === 0) return null;
  return (
    <nav aria-label="On this page" className="text-sm">
      <p className="mb-2 font-semibold text-slate-950 dark:text-white">On this page</p>
      <ol className="space-y-0.5 border-l border-slate-200 pl-3 dark:border-slate-700">
        {nest(toc).map((node) => (
          <li key={node.id}>
            <a href={`#${node.id}`} className={`${LINK} text-slate-800 dark:text-slate-200`}>
              {node.text}
            </a>
            {node.children.length > 0 ? (
              <ol className="space-y-0.5 pl-3">
                {node.children.map((child) => (
                  <li key={child.id}>
                    <a href={`#${child.id}`} className={`${LINK} text-slate-600 dark:text-slate-400`}>
                      {child.text}
                    </a>
                  </li>
                ))}
              </ol>
            ) : null}
          </li>
        ))}
      </ol>
    </nav>
  );
}
