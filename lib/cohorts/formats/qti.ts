/**
 * A question set as IMS QTI 1.2 in an IMS content package, the shape Canvas
 * imports (Course → Import → "QTI .zip file"; Blackboard and Moodle's QTI
 * plugins read the same): `imsmanifest.xml` naming one `imsqti_xmlv1p2`
 * resource, and the assessment file with one single-answer multiple-choice
 * item per question, the key scored 100, each option's rationale as its
 * response feedback.
 *
 * Element order follows the QTI 1.2 ASI content models (ims_qtiasiv1p2.dtd):
 * item = itemmetadata, presentation, resprocessing, itemfeedback*;
 * respcondition = conditionvar, setvar*, displayfeedback*.
 */
import { strToU8, zipSync } from "fflate";
import { XMLBuilder } from "fast-xml-parser";
import { OPTION_LETTERS } from "@/lib/content/schema";
import { textToHtml, textToInlineHtml } from "./moodle-xml";
import type { InstructorItem } from "./schema";

export const QTI_NAMESPACE = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2";
export const IMSCP_NAMESPACE = "http://www.imsglobal.org/xsd/imscp_v1p1";

/** An identifier QTI accepts (an XML NCName): letters, digits, "-", "_" and ".", starting with a letter. */
export function qtiIdent(value: string, fallback: string): string {
  const cleaned = value.replace(/[^A-Za-z0-9_.-]/g, "_");
  return /^[A-Za-z_]/.test(cleaned) ? cleaned : `${fallback}_${cleaned}`;
}

const mattext = (html: string) => ({ material: { mattext: { "@_texttype": "text/html", "#text": html } } });
const field = (label: string, entry: string) => ({ fieldlabel: label, fieldentry: entry });

function qtiItem(item: InstructorItem, index: number) {
  const ident = qtiIdent(item.id ?? `item-${index + 1}`, "i");
  const keyIndex = OPTION_LETTERS.indexOf(item.key);
  const letters = item.options.map((_, i) => OPTION_LETTERS[i] ?? `O${i + 1}`);
  return {
    "@_ident": ident,
    "@_title": item.id ?? `Question ${index + 1}`,
    itemmetadata: {
      qtimetadata: {
        qtimetadatafield: [field("question_type", "multiple_choice_question"), field("points_possible", "1"), field("original_answer_ids", letters.join(",")), field("assessment_question_identifierref", ident)],
      },
    },
    presentation: {
      ...mattext(textToHtml(`${item.stem}\n\n${item.leadIn}`)),
      response_lid: {
        "@_ident": "response1",
        "@_rcardinality": "Single",
        render_choice: {
          response_label: item.options.map((option, i) => ({ "@_ident": letters[i], ...mattext(textToInlineHtml(option.text)) })),
        },
      },
    },
    resprocessing: {
      outcomes: { decvar: { "@_maxvalue": "100", "@_minvalue": "0", "@_varname": "SCORE", "@_vartype": "Decimal" } },
      respcondition: [
        ...item.options.map((_, i) => ({
          "@_continue": "Yes",
          conditionvar: { varequal: { "@_respident": "response1", "#text": letters[i] } },
          displayfeedback: { "@_feedbacktype": "Response", "@_linkrefid": `${letters[i]}_fb` },
        })),
        {
          "@_continue": "No",
          conditionvar: { varequal: { "@_respident": "response1", "#text": letters[keyIndex] } },
          setvar: { "@_action": "Set", "@_varname": "SCORE", "#text": "100" },
        },
      ],
    },
    itemfeedback: item.options.map((option, i) => ({ "@_ident": `${letters[i]}_fb`, flow_mat: mattext(textToHtml(option.rationale)) })),
  };
}

const builder = () => new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: "@_", format: true, suppressEmptyNode: true });

/** The assessment file (questestinterop) of the items, in order. */
export function itemsToQti12(items: readonly InstructorItem[], title: string, ident = "systemic_assessment"): string {
  return builder().build({
    "?xml": { "@_version": "1.0", "@_encoding": "UTF-8" },
    questestinterop: {
      "@_xmlns": QTI_NAMESPACE,
      "@_xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
      "@_xsi:schemaLocation": `${QTI_NAMESPACE} http://www.imsglobal.org/xsd/ims_qtiasiv1p2p1.xsd`,
      assessment: {
        "@_ident": qtiIdent(ident, "a"),
        "@_title": title,
        qtimetadata: { qtimetadatafield: field("cc_maxattempts", "1") },
        section: { "@_ident": "root_section", item: items.map(qtiItem) },
      },
    },
  }) as string;
}

/** The content package's manifest naming the assessment file. */
export function qtiManifest(ident: string, file: string): string {
  return builder().build({
    "?xml": { "@_version": "1.0", "@_encoding": "UTF-8" },
    manifest: {
      "@_identifier": `${qtiIdent(ident, "m")}_manifest`,
      "@_xmlns": IMSCP_NAMESPACE,
      metadata: { schema: "IMS Content", schemaversion: "1.1.3" },
      organizations: "",
      resources: { resource: { "@_identifier": qtiIdent(ident, "r"), "@_type": "imsqti_xmlv1p2", "@_href": file, file: { "@_href": file } } },
    },
  }) as string;
}

/** The IMS content package (a ZIP) of a question set, ready for Canvas's QTI import. */
export function qtiPackage(items: readonly InstructorItem[], title: string, ident: string, modified = new Date()): Uint8Array {
  const file = `${qtiIdent(ident, "a")}.xml`;
  // ZIP stores DOS times, which start in 1980.
  const mtime = modified.getUTCFullYear() < 1980 ? new Date(Date.UTC(1980, 0, 1)) : modified;
  return zipSync(
    {
      "imsmanifest.xml": strToU8(qtiManifest(ident, file)),
      [file]: strToU8(itemsToQti12(items, title, ident)),
    },
    { mtime },
  );
}
