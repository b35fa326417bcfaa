import { describe, expect, it } from "vitest";
import {
  checkAbsolutes,
  checkConceptInLeadIn,
  checkKeyCitation,
  checkOptionJustification,
  checkOptionLength,
  checkSignalOnlyInKey,
  checkStemEcho,
  contentStems,
  cueFindings,
  nearDuplicateStems,
  stemWord,
  words,
  type CueItem,
} from "@/lib/content/cues";

/** A clean item: parallel options, no cue, a cited key. Each test breaks one thing. */
const clean = (): CueItem => ({
  stem: "Ana and Luis bring their son Mateo, 13, after his school reports two fights. Ana answers every question put to Mateo while Luis looks at his phone.",
  leadIn: "What should the therapist do first?",
  concepts: ["joining", "hierarchy"],
  options: [
    { text: "Invite Ana and Luis to describe their concerns", rationale: "Correct. Engage the adults who lead the family first (Minuchin & Fishman, 1981)." },
    { text: "Ask Mateo to describe the fights at school", rationale: "Incorrect. Starting with the child steps over the parents." },
    { text: "Ask Luis to put his phone away and listen", rationale: "Incorrect. A confrontation before joining risks dropout." },
    { text: "Explain the structural model to Ana and Luis", rationale: "Incorrect. Technique before trust." },
  ],
  key: "A",
});

const withOption = (item: CueItem, index: number, text: string): CueItem => ({
  ...item,
  options: item.options.map((o, i) => (i === index ? { ...o, text } : o)),
});

describe("words and stems", () => {
  it("splits on anything but letters and lower-cases", () => {
    expect(words("Mother's “meltdowns”—again!")).toEqual(["mother", "s", "meltdowns", "again"]);
  });
  it("gives inflections one stem", () => {
    expect(new Set(["parents", "parenting", "parented", "parent"].map(stemWord))).toEqual(new Set(["parent"]));
    expect(stemWord("families")).toBe("family");
    expect(stemWord("sing")).toBe("sing");
  });
  it("keeps content words of five letters or more and drops the bank's common words", () => {
    expect([...contentStems("The therapist asks the father about his drinking")].sort()).toEqual(["drink", "father"]);
  });
});

describe("cue checks", () => {
  it("passes a clean item", () => {
    expect(cueFindings(clean())).toEqual([]);
  });

  it("flags a reason inside an option", () => {
    const item = withOption(clean(), 2, "Ask Luis to put his phone away so that he listens");
    expect(checkOptionJustification(item)).toEqual([expect.objectContaining({ rule: "item-option-justification", field: "options.2.text" })]);
    expect(checkOptionJustification(withOption(clean(), 1, "Wait until Mateo is ready to talk"))[0]?.message).toContain('"until"');
    expect(checkOptionJustification(clean())).toEqual([]);
    expect(checkOptionJustification(withOption(clean(), 1, "Let Mateo decide, as it is his school"))[0]?.message).toContain('"as it"');
    expect(checkOptionJustification(withOption(clean(), 1, "Invite Ana to respond, as an enactment"))).toEqual([]);
  });

  it("flags a key that is clearly the longest option, and not one a few characters longer", () => {
    const long = withOption(clean(), 0, "Invite Ana and Luis to describe their concerns about Mateo and the school in their own words");
    expect(checkOptionLength(long)).toEqual([expect.objectContaining({ rule: "item-option-length", field: "options.0.text" })]);
    expect(checkOptionLength(withOption(clean(), 0, "Invite Ana and Luis to describe their own concerns"))).toEqual([]);
    // A long distractor is not the key's cue.
    expect(checkOptionLength(withOption(clean(), 1, "Ask Mateo to describe the fights at school and what led up to each one"))).toEqual([]);
  });

  it("flags a stem word echoed only in the key", () => {
    const echo = withOption(clean(), 0, "Invite the parents to describe the school fights");
    const findings = checkStemEcho(echo);
    // "school" and "fights" are in the stem and in B as well; "parents" is not in the stem.
    expect(findings).toEqual([]);
    const clang = withOption(clean(), 0, "Invite Ana and Luis to describe the school reports");
    expect(checkStemEcho(clang)).toEqual([expect.objectContaining({ rule: "item-stem-echo" })]);
    expect(checkStemEcho(clang)[0]?.message).toContain('"report…"');
  });

  it("flags absolutes in distractors when the key has none", () => {
    const item = withOption(clean(), 3, "Never explain the model to Ana and Luis");
    expect(checkAbsolutes(item)).toEqual([expect.objectContaining({ rule: "item-absolute-distractor", field: "options.3.text" })]);
    const both = withOption(withOption(clean(), 3, "Never explain the model to Ana and Luis"), 0, "Invite only Ana and Luis to speak first");
    expect(checkAbsolutes(both)).toEqual([]);
  });

  it("flags a key that alone mentions safety, feedback, culture or consultation", () => {
    const safety = withOption(clean(), 0, "Assess the safety of Ana, Luis and Mateo first");
    expect(checkSignalOnlyInKey(safety)).toEqual([expect.objectContaining({ rule: "item-signal-only-key" })]);
    const shared = withOption(safety, 2, "Assess the risk of another fight at school");
    expect(checkSignalOnlyInKey(shared)).toEqual([]);
    const consult = withOption(clean(), 0, "Consult a supervisor before the next session");
    expect(checkSignalOnlyInKey(consult)[0]?.message).toContain("consultation");
  });

  it("flags a lead-in that names the item's concept, in any inflection", () => {
    const item: CueItem = { ...clean(), leadIn: "Which joining move should the therapist make first?" };
    expect(checkConceptInLeadIn(item)).toEqual([expect.objectContaining({ rule: "item-concept-in-lead-in", field: "leadIn" })]);
    const multiWord: CueItem = { ...clean(), concepts: ["split-alliance"], leadIn: "What best explains the split alliances here?" };
    expect(checkConceptInLeadIn(multiWord)).toHaveLength(1);
    expect(checkConceptInLeadIn(clean())).toEqual([]);
  });

  it("asks every key rationale to name a source with a year", () => {
    const uncited: CueItem = { ...clean(), options: clean().options.map((o, i) => (i === 0 ? { ...o, rationale: "Correct. Engage the adults first." } : o)) };
    expect(checkKeyCitation(uncited)).toEqual([expect.objectContaining({ rule: "item-key-citation", field: "options.0.rationale" })]);
    const code: CueItem = { ...clean(), options: clean().options.map((o, i) => (i === 0 ? { ...o, rationale: "Correct. AAMFT Code of Ethics (2015), Standard 2.2." } : o)) };
    expect(checkKeyCitation(code)).toEqual([]);
  });
});

describe("near-duplicate stems", () => {
  const a = { id: "a", stem: "A mother and her teenage son exchange knowing glances whenever the father speaks, and the son later tells the therapist privately that his father never listens to anyone at home." };
  const b = { id: "b", stem: "Whenever the father speaks, a mother and her teenage son exchange knowing glances; later the son privately tells the therapist his father never listens to anyone at home." };
  const c = { id: "c", stem: "A grandmother raising two grandchildren asks for help with bedtime routines after the children's mother moved abroad for work and stopped calling on weekends." };

  it("pairs reworded copies of one vignette and nothing else", () => {
    const pairs = nearDuplicateStems([a, b, c]);
    expect(pairs.map((p) => [p.a.id, p.b.id])).toEqual([["a", "b"]]);
    expect(pairs[0]!.similarity).toBeGreaterThan(0.8);
  });

  it("ignores stems too short to compare", () => {
    expect(nearDuplicateStems([{ stem: "A short stem." }, { stem: "A short stem." }])).toEqual([]);
  });
});
