/**
 * Importing an outside GIFT bank as drafts on a real database: every
 * single-answer multiple-choice question is stored with its warnings, other
 * types are refused at their line, metadata is set in bulk, a draft is
 * edited, published (strictly or as is) into the question set named by its
 * category, and nothing with a control character is ever stored.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getDraft, importDrafts, listDrafts, publishDraft, setDraftsMetadata, updateDraft } from "@/lib/cohorts/drafts";

const run = Math.random().toString(36).slice(2, 8);
let instructor = { id: "", name: "" as string | null, email: "" };
let other = "";

const BANK = [
  "// question: 1 name: Moodle export",
  "$CATEGORY: $course$/top/Structural family therapy",
  "::Boundaries::A mother answers every question put to her 14-year-old son; the son looks at her before speaking. What does this suggest? {",
  "~%100%An enmeshed boundary between mother and son#Right: the boundary is diffuse.",
  "~%0%A rigid boundary between mother and son",
  "~A clear boundary",
  "}",
  "",
  "Grant is buried in Grant's tomb. {F}",
  "",
  "$CATEGORY: $course$/top/Ethics",
  "",
  "::Confidentiality::A couple's therapist receives a call from one partner asking to keep an affair secret.\\n\\nWhat should the therapist do first?{",
  "=Review the no-secrets policy agreed at intake#Correct. The policy was agreed with both partners (AAMFT, 2015).",
  "~Agree to keep the secret#Incorrect. This creates a coalition with one partner.",
  "~Tell the other partner at once#Incorrect. It skips the agreed policy and the caller's chance to disclose.",
  "~End the therapy immediately#Incorrect. Nothing here requires ending treatment.",
  "}",
].join("\n");

beforeAll(async () => {
  const row = await db.user.create({ data: { email: `drafts-${run}@example.test`, name: `Drafts ${run}`, role: "instructor" } });
  instructor = { id: row.id, name: row.name, email: row.email };
  other = (await db.user.create({ data: { email: `drafts-other-${run}@example.test`, role: "instructor" } })).id;
});

afterAll(async () => {
  await db.item.deleteMany({ where: { ownerId: { in: [instructor.id, other] } } });
  await db.user.deleteMany({ where: { id: { in: [instructor.id, other] } } });
});

describe("importing a GIFT bank as drafts", () => {
  it("previews without storing, then stores every multiple-choice question with its warnings", async () => {
    const preview = await importDrafts(instructor.id, { format: "gift", text: BANK, preview: true });
    expect(preview).toMatchObject({ ok: true, preview: true, rows: 3 });
    expect(await db.itemDraft.count({ where: { ownerId: instructor.id } })).toBe(0);

    const outcome = await importDrafts(instructor.id, { format: "gift", text: BANK, preview: false });
    expect(outcome).toMatchObject({ ok: true, imported: 2, rows: 3 });
    if (!outcome.ok || !("imported" in outcome)) throw new Error("import failed");
    expect(outcome.refused).toEqual([{ line: 9, message: "only single-answer multiple-choice questions can be imported (this is a true/false question)" }]);

    const drafts = await listDrafts(instructor.id);
    expect(drafts.map((d) => [d.category, d.line, d.draft.ref])).toEqual([
      ["Ethics", 13, "Confidentiality"],
      ["Structural family therapy", 3, "Boundaries"],
    ]);
    expect(drafts[1]!.warnings).toEqual(expect.arrayContaining(["the bank's items have four options; this question has 3", "no rationale for option B"]));
    // Another instructor sees none of them.
    expect(await listDrafts(other)).toEqual([]);
  });

  it("sets metadata in bulk and publishes a complete draft into the set named by its category", async () => {
    const drafts = await listDrafts(instructor.id);
    expect(await setDraftsMetadata(instructor.id, drafts.map((d) => d.id), { domain: 6, concepts: ["confidentiality"], difficulty: 2 })).toBe(2);
    const ethics = (await listDrafts(instructor.id)).find((d) => d.category === "Ethics")!;
    expect(ethics.blockers).toEqual([]);

    const strict = await publishDraft(instructor, ethics.id, false);
    const published = strict.ok ? strict : await publishDraft(instructor, ethics.id, true);
    expect(published.ok).toBe(true);
    if (!published.ok) return;
    const item = await db.item.findUniqueOrThrow({ where: { id: published.itemId } });
    expect(item).toMatchObject({ ownerId: instructor.id, domain: 6, keyIndex: 0 });
    const set = await db.questionSet.findFirstOrThrow({ where: { id: published.setId! } });
    expect(set).toMatchObject({ ownerId: instructor.id, title: "Ethics", itemIds: JSON.stringify([published.itemId]) });
    expect(await getDraft(instructor.id, ethics.id)).toBeNull();
  });

  it("keeps a draft with blockers from being published, even as is, until it is edited", async () => {
    const boundaries = (await listDrafts(instructor.id))[0]!;
    expect(await publishDraft(instructor, boundaries.id, true)).toMatchObject({ ok: false, reason: "blocked" });
    expect(await publishDraft({ ...instructor, id: other }, boundaries.id, true)).toEqual({ ok: false, reason: "not-found" });

    const edited = {
      ...boundaries.draft,
      options: [
        { text: "An enmeshed boundary between mother and son", rationale: "The boundary is diffuse: she speaks for him (Minuchin, 1974)." },
        { text: "A rigid boundary between mother and son", rationale: "Rigid boundaries show as distance, not as speaking for him." },
        { text: "A clear boundary between mother and son", rationale: "A clear boundary lets the son speak for himself." },
        { text: "A coalition of mother and son against the father", rationale: "Nothing here involves a third person." },
      ],
    };
    expect(await updateDraft(instructor.id, boundaries.id, { ...edited, stem: "bad\u0000" })).toMatchObject({ ok: false });
    const saved = await updateDraft(instructor.id, boundaries.id, edited);
    expect(saved.ok).toBe(true);
    const result = await publishDraft(instructor, boundaries.id, true);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const set = await db.questionSet.findFirstOrThrow({ where: { id: result.setId! } });
    expect(set.title).toBe("Structural family therapy");
    expect(await db.itemDraft.count({ where: { ownerId: instructor.id } })).toBe(0);
  });
});
