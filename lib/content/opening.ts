/**
 * A stem's opening sentence, for telling vignettes apart in lists (search
 * results, a practice round's summary). No dependencies: it runs in the
 * browser too.
 */
const ABBREVIATION = /(?:^|\s)(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|e\.g|i\.e|vs)$/;

/** A stem's opening sentence, shortened: enough to tell one vignette from another ("Mr." and "e.g." do not end it). */
export function opening(stem: string, max = 140): string {
  const flat = stem.replace(/\s+/g, " ").trim();
  let sentence = flat;
  for (const m of flat.matchAll(/[.?!](?=\s+[A-Z“"]|$)/g)) {
    if (m[0] === "." && ABBREVIATION.test(flat.slice(0, m.index))) continue;
    sentence = flat.slice(0, m.index + 1);
    break;
  }
  return sentence.length > max ? `${sentence.slice(0, max - 1).trimEnd()}…` : sentence;
}

