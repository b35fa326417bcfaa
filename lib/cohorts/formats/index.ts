/** Import and export of items: CSV, GIFT (both ways) and Moodle XML (export). */
export { CONCEPT_SEPARATOR, DRAFT_CSV_COLUMNS, guardCell, ITEM_CSV_COLUMNS, itemsToCsv, OPTIONAL_ITEM_CSV_COLUMNS, parseItemsCsv, readCsvDrafts, toCsv, unguardCell, type ItemCsvColumn } from "./csv";
export { escapeGift, GIFT_METADATA_EXAMPLE, htmlToText, itemsToGift, splitQuestionText } from "./gift";
export { categoryName, GIFT_KINDS, parseGift, readGiftDrafts, unescapeGift } from "./gift-reader";
export * from "./draft";
export { lintInstructorItem } from "./lint";
export { itemsToMoodleXml, moodleCategorySegment, textToHtml, textToInlineHtml, type MoodleXmlOptions } from "./moodle-xml";
export {
  instructorItemSchema,
  instructorOptionSchema,
  ITEM_LIMITS,
  itemFromRow,
  itemRowData,
  normaliseConcept,
  normaliseItemText,
  normaliseLeadIn,
  type ImportProblem,
  type ImportResult,
  type InstructorItem,
  type InstructorItemInput,
  type ItemRowLike,
  type ParsedItem,
} from "./schema";
export { checkItem, describeIssue } from "./validate";
