import { Children, isValidElement, type ComponentProps, type ReactNode } from "react";

/** The plain text of a heading's children, for the anchor link's accessible name. */
export function textOf(node: ReactNode): string {
  return Children.toArray(node)
    .map((child) => {
      if (typeof child === "string" || typeof child === "number") return String(child);
      if (isValidElement<{ children?: ReactNode }>(child)) return textOf(child.props.children);
      return "";
    })
    .join("");
}

const LEVEL_STYLE = {
  h2: { wrapper: "mt-12 mb-4", heading: "text-2xl font-bold tracking-tight" },
  h3: { wrapper: "mt-8 mb-3", heading: "text-xl font-semibold" },
} as const;

/**
 * A section heading that keeps its rehype-slug id and offers a visible "#"
 * link to copy. The link sits beside the heading, not inside it, so the
 * heading's own accessible name stays just its text.
 */
function SectionHeading({ as: Tag, id, children, className, ...rest }: ComponentProps<"h2"> & { as: "h2" | "h3" }) {
  const style = LEVEL_STYLE[Tag];
  const heading = (
    <Tag id={id} className={`scroll-mt-24 text-slate-950 dark:text-white ${style.heading} ${className ?? ""}`} {...rest}>
      {children}
    </Tag>
  );
  if (!id) return <div className={style.wrapper}>{heading}</div>;
  return (
    <div className={`flex items-baseline gap-2 ${style.wrapper}`}>
      {heading}
      <a
        href={`#${id}`}
        aria-label={`Link to section: ${textOf(children)}`}
        className="rounded px-1 text-lg font-normal text-slate-500 no-underline hover:text-sky-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 dark:text-slate-400 dark:hover:text-sky-300"
      >
        #
      </a>
    </div>
  );
}

export function LessonH2(props: ComponentProps<"h2">) {
  return <SectionHeading as="h2" {...props} />;
}

export function LessonH3(props: ComponentProps<"h3">) {
  return <SectionHeading as="h3" {...props} />;
}
