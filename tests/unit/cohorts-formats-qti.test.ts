/**
 * The QTI 1.2 export, checked against the QTI 1.2 ASI content models. No XSD
 * or DTD of QTI ships in any npm package or Debian package reachable here,
 * so the content models of the elements the export writes are transcribed
 * below from ims_qtiasiv1p2.dtd (child order and cardinality as regular
 * expressions over child names, required attributes), plus the references
 * between elements that a schema cannot express (feedback links, the key).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { XMLParser } from "fast-xml-parser";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { itemsToQti12, qtiIdent, qtiManifest, qtiPackage } from "@/lib/cohorts/formats/qti";
import { TRICKY_ITEMS } from "./fixtures/cohorts/items";

type Node = { name: string; attributes: Record<string, string>; children: Node[]; text: string };

function tree(xml: string): Node {
  const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: "", trimValues: false });
  const toNode = (entry: Record<string, unknown>): Node | null => {
    const name = Object.keys(entry).find((k) => k !== ":@");
    if (name === undefined || name === "#text" || name === "?xml") return null;
    const kids = (entry[name] as Record<string, unknown>[]) ?? [];
    return {
      name,
      attributes: (entry[":@"] as Record<string, string>) ?? {},
      children: kids.map(toNode).filter((n): n is Node => n !== null),
      text: kids.filter((k) => "#text" in k).map((k) => String(k["#text"])).join(""),
    };
  };
  const roots = (parser.parse(xml) as Record<string, unknown>[]).map(toNode).filter((n): n is Node => n !== null);
  expect(roots).toHaveLength(1);
  return roots[0]!;
}

/** Content models from ims_qtiasiv1p2.dtd for the elements the export uses (children in order, space-separated). */
const MODELS: Record<string, RegExp> = {
  questestinterop: /^(qticomment )?(objectbank |assessment |(section |item )+)$/,
  assessment:
    /^(qticomment )?(duration )?(qtimetadata )*(objectives )*(assessmentcontrol )*(rubric )*(presentation_material )?(outcomes_processing )*(assessproc_extension )?(assessfeedback )*(selection_ordering )?(reference )?((sectionref |section ))+$/,
  section:
    /^(qticomment )?(duration )?(qtimetadata )*(objectives )*(sectioncontrol )*(sectionprecondition )*(sectionpostcondition )*(rubric )*(presentation_material )?(outcomes_processing )*(sectionproc_extension )?(sectionfeedback )*(selection_ordering )?(reference )?((itemref |item |sectionref |section ))*$/,
  item: /^(qticomment )?(duration )?(itemmetadata )?(objectives )*(itemcontrol )*(itemprecondition )*(itempostcondition )*((itemrubric |rubric ))*(presentation )?(resprocessing )*(itemproc_extension )?(itemfeedback )*(reference )?$/,
  itemmetadata: /^(qtimetadata )*/,
  qtimetadata: /^(vocabulary )?(qtimetadatafield )+$/,
  qtimetadatafield: /^fieldlabel fieldentry $/,
  presentation: /^(qticomment )?((material |material_ref |response_lid |response_xy |response_str |response_num |response_grp |response_extension |flow ))+$/,
  material: /^(qticomment )?((mattext |matemtext |matimage |mataudio |matvideo |matapplet |matapplication |matref |matbreak |mat_extension ))+(altmaterial )*$/,
  response_lid: /^((material |material_ref ))?((render_choice |render_hotspot |render_slider |render_fib |render_extension ))((material |material_ref ))?$/,
  render_choice: /^((material |material_ref |response_label |flow_label ))*(response_na )?$/,
  response_label: /^((qticomment |material |material_ref |flow_mat ))*$/,
  resprocessing: /^(qticomment )?outcomes ((respcondition |itemproc_extension ))+$/,
  outcomes: /^(qticomment )?(decvar (interpretvar )*)+$/,
  respcondition: /^(qticomment )?conditionvar (setvar )*(displayfeedback )*(respcond_extension )?$/,
  conditionvar: /^((not |and |or |unanswered |other |varequal |varlt |varlte |vargt |vargte |varsubset |varinside |varsubstring |durequal |durlt |durlte |durgt |durgte |var_extension ))+$/,
  itemfeedback: /^((flow_mat |material |solution |hint ))+$/,
  flow_mat: /^(qticomment )?((flow_mat |material |material_ref ))+$/,
};
const EMPTY = new Set(["decvar", "varequal", "setvar", "displayfeedback", "mattext", "fieldlabel", "fieldentry"]);
const REQUIRED: Record<string, string[]> = {
  assessment: ["ident", "title"],
  section: ["ident"],
  item: ["ident"],
  response_lid: ["ident"],
  response_label: ["ident"],
  varequal: ["respident"],
  displayfeedback: ["linkrefid"],
  itemfeedback: ["ident"],
};
const ENUMS: Record<string, Record<string, string[]>> = {
  response_lid: { rcardinality: ["Single", "Multiple", "Ordered"] },
  respcondition: { continue: ["Yes", "No"] },
  setvar: { action: ["Set", "Add", "Subtract", "Multiply", "Divide"] },
  decvar: { vartype: ["Integer", "String", "Decimal", "Scientific", "Boolean", "Enumerated", "Set"] },
  mattext: { texttype: ["text/plain", "text/html", "text/rtf"] },
  displayfeedback: { feedbacktype: ["Response", "Solution", "Hint"] },
};

function validate(node: Node, problems: string[], at = node.name) {
  const model = MODELS[node.name];
  const children = node.children.map((c) => `${c.name} `).join("");
  if (model) {
    if (!model.test(children)) problems.push(`${at}: children "${children.trim()}" do not match the content model`);
  } else if (!EMPTY.has(node.name)) problems.push(`${at}: element not in the QTI 1.2 subset checked`);
  else if (node.children.length > 0) problems.push(`${at}: must hold text only`);
  for (const attribute of REQUIRED[node.name] ?? []) if (!node.attributes[attribute]) problems.push(`${at}: missing attribute ${attribute}`);
  for (const [attribute, values] of Object.entries(ENUMS[node.name] ?? {})) {
    const value = node.attributes[attribute];
    if (value !== undefined && !values.includes(value)) problems.push(`${at}: ${attribute}="${value}" is not one of ${values.join(", ")}`);
  }
  node.children.forEach((c, i) => validate(c, problems, `${at}/${c.name}[${i}]`));
}

const all = (node: Node, name: string): Node[] => [...(node.name === name ? [node] : []), ...node.children.flatMap((c) => all(c, name))];

describe("QTI 1.2 export", () => {
  const xml = itemsToQti12(TRICKY_ITEMS, "Week 1/2: joining & <tracking>", "set-abc");
  const root = tree(xml);

  it("matches the QTI 1.2 ASI content models, attributes and values", () => {
    expect(root.name).toBe("questestinterop");
    expect(root.attributes.xmlns).toBe("http://www.imsglobal.org/xsd/ims_qtiasiv1p2");
    const problems: string[] = [];
    validate(root, problems);
    expect(problems).toEqual([]);
  });

  it("the checker itself refuses a wrong order, a missing attribute and an unknown value", () => {
    const node = (name: string, children: Node[] = [], attributes: Record<string, string> = {}): Node => ({ name, attributes, children, text: "" });
    const problems: string[] = [];
    validate(node("item", [node("presentation", [node("material", [node("mattext")])]), node("itemmetadata")], { ident: "x" }), problems);
    validate(node("response_lid", [node("render_choice")], { rcardinality: "Many" }), problems);
    expect(problems).toEqual([
      'item: children "presentation itemmetadata" do not match the content model',
      "response_lid: missing attribute ident",
      'response_lid: rcardinality="Many" is not one of Single, Multiple, Ordered',
    ]);
  });

  it("has one single-answer item per question whose score condition names the key and whose feedback links resolve", () => {
    const items = all(root, "item");
    expect(items).toHaveLength(TRICKY_ITEMS.length);
    const idents = items.map((i) => i.attributes.ident);
    expect(new Set(idents).size).toBe(idents.length);
    items.forEach((item, n) => {
      const source = TRICKY_ITEMS[n]!;
      const labels = all(item, "response_label").map((l) => l.attributes.ident);
      expect(labels).toEqual(["A", "B", "C", "D"]);
      const scoring = all(item, "respcondition").filter((r) => all(r, "setvar").length > 0);
      expect(scoring).toHaveLength(1);
      expect(all(scoring[0]!, "varequal")[0]!.text).toBe(source.key);
      expect(all(scoring[0]!, "setvar")[0]!.text).toBe("100");
      const feedback = new Set(all(item, "itemfeedback").map((f) => f.attributes.ident));
      for (const link of all(item, "displayfeedback")) expect(feedback.has(link.attributes.linkrefid!)).toBe(true);
      for (const v of all(item, "varequal")) expect(labels).toContain(v.text);
      // The texts survive as (escaped) HTML.
      const text = all(item, "mattext")[0]!.text;
      expect(text).toContain("<p>");
    });
  });

  it("keeps the title as text, however many slashes and brackets it has", () => {
    expect(all(root, "assessment")[0]!.attributes.title).toBe("Week 1/2: joining & <tracking>");
    expect(xml).toContain('title="Week 1/2: joining &amp; &lt;tracking&gt;"');
    expect(qtiIdent("my item/1", "i")).toBe("my_item_1");
    expect(qtiIdent("1abc", "i")).toBe("i_1abc");
  });

  it("packs a content package whose manifest names the assessment, readable by unzip", () => {
    const archive = qtiPackage(TRICKY_ITEMS, "Set", "set-abc", new Date("2026-12-02T12:00:00Z"));
    const entries = unzipSync(archive);
    expect(Object.keys(entries)).toEqual(["imsmanifest.xml", "set-abc.xml"]);
    const manifest = tree(strFromU8(entries["imsmanifest.xml"]!));
    expect(manifest.name).toBe("manifest");
    const resource = all(manifest, "resource")[0]!;
    expect(resource.attributes).toMatchObject({ type: "imsqti_xmlv1p2", href: "set-abc.xml" });
    expect(all(resource, "file")[0]!.attributes.href).toBe("set-abc.xml");
    expect(strFromU8(entries["set-abc.xml"]!)).toBe(itemsToQti12(TRICKY_ITEMS, "Set", "set-abc"));
    expect(qtiManifest("set-abc", "set-abc.xml")).toContain('xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"');

    const dir = mkdtempSync(path.join(os.tmpdir(), "qti-"));
    const file = path.join(dir, "set.zip");
    writeFileSync(file, archive);
    const check = spawnSync("unzip", ["-t", file], { encoding: "utf8" });
    if (check.error) return; // unzip is not installed: the reader above has checked the archive
    expect(check.stdout).toContain("No errors detected");
  });
});
