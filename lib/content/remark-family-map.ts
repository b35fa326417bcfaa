/**
 * ```familymap blocks: YAML in the lesson, a <FamilyMap spec="{json}" /> in
 * the compiled MDX. The spec is validated here so the component only ever
 * receives a map that passed familyMapSchema.
 */
import type { Code, Nodes, Root } from "mdast";
import type {} from "remark-mdx";
import { visit } from "unist-util-visit";
import { LineCounter, parseDocument } from "yaml";
import { familyMapSchema, type FamilyMapSpec } from "./schema";
import { yamlErrorMessage, yamlPathLine } from "./load";

export const FAMILY_MAP_LANG = "familymap";

export interface FamilyMapProblem {
  /** 1-based line inside the block's YAML (the line after the opening fence is 1). */
  line: number;
  message: string;
}

export type FamilyMapResult = { ok: true; spec: FamilyMapSpec } | { ok: false; problems: FamilyMapProblem[] };

/** Parses and validates the YAML of one familymap block. */
export function parseFamilyMap(yamlText: string): FamilyMapResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => ({ line: e.linePos?.[0].line ?? 1, message: `family map YAML: ${yamlErrorMessage(e.message)}` })),
    };
  }
  const parsed = familyMapSchema.safeParse(doc.toJS());
  if (parsed.success) return { ok: true, spec: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => ({
      line: yamlPathLine(doc, lineCounter, issue.path),
      message: `family map: ${issue.path.length > 0 ? `${issue.path.join(".")}: ` : ""}${issue.message}`,
    })),
  };
}

type FlowElement = Extract<Nodes, { type: "mdxJsxFlowElement" }>;

/** The MDX node that replaces a validated block. */
export function familyMapElement(spec: FamilyMapSpec): FlowElement {
  return {
    type: "mdxJsxFlowElement",
    name: "FamilyMap",
    attributes: [{ type: "mdxJsxAttribute", name: "spec", value: JSON.stringify(spec) }],
    children: [],
  };
}

/**
 * remark plugin: replaces every ```familymap code block with a `FamilyMap`
 * JSX element whose `spec` attribute is the JSON of the validated map.
 * Throws (naming the line) on an invalid block so a broken map never ships;
 * the line is the block's line in the source as given to the MDX compiler.
 */
export default function remarkFamilyMap() {
  return (tree: Root) => {
    visit(tree, "code", (node: Code, index, parent) => {
      if (node.lang !== FAMILY_MAP_LANG || parent === undefined || index === undefined) return;
      const result = parseFamilyMap(node.value);
      const fenceLine = node.position?.start.line ?? 0;
      if (!result.ok) {
        const first = result.problems[0];
        throw new Error(`line ${fenceLine + (first?.line ?? 1)}: ${first?.message ?? "invalid family map"}`);
      }
      parent.children.splice(index, 1, familyMapElement(result.spec));
    });
  };
}
