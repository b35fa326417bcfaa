import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { FamilyMap } from "@/components/lesson/family-map";
import { describeFamilyMap, layoutFamilyMap, legendFor, textWidth, wrapLabel, type PlacedMember } from "@/lib/content/family-map-layout";
import { familyMapSchema, type FamilyMapSpec } from "@/lib/content/schema";

const coalitionMap = familyMapSchema.parse({
  title: "A cross-generational coalition",
  caption: "Mother and son are joined against father; the parental boundary is diffuse.",
  members: [
    { id: "mom", label: "Ana (mother)", generation: 1, gender: "female" },
    { id: "dad", label: "Luis (father)", generation: 1, gender: "male" },
    { id: "son", label: "Mateo, 13", generation: 2, gender: "male", identifiedPatient: true },
    { id: "sis", label: "Sofia, 9", generation: 2, gender: "female" },
  ],
  subsystems: [
    { label: "Parental", members: ["mom", "dad"], boundary: "diffuse" },
    { label: "Sibling", members: ["son", "sis"], boundary: "clear" },
  ],
  relations: [
    { type: "coalition", between: ["mom", "son"], against: "dad" },
    { type: "conflict", between: ["mom", "dad"] },
    { type: "alliance", between: ["son", "sis"] },
  ],
});

const everyRelationMap = familyMapSchema.parse({
  title: "Every relation",
  members: [
    { id: "gm", label: "Rosa (grandmother)", generation: 0, gender: "female" },
    { id: "m", label: "Elena (mother)", generation: 1, gender: "female" },
    { id: "f", label: "David (father)", generation: 1, gender: "male" },
    { id: "t", label: "Therapist", generation: 1, therapist: true },
    { id: "k", label: "Leo, 11", generation: 2, gender: "nonbinary", identifiedPatient: true },
    { id: "s", label: "Ava, 8", generation: 2 },
  ],
  subsystems: [{ label: "Spousal", members: ["m", "f"], boundary: "rigid" }],
  relations: [
    { type: "alliance", between: ["k", "s"] },
    { type: "coalition", between: ["gm", "k"], against: "f" },
    { type: "conflict", between: ["m", "f"] },
    { type: "detouring", between: ["m", "f"], through: "k", style: "support" },
    { type: "cutoff", between: ["gm", "f"] },
    { type: "enmeshed", between: ["gm", "m"] },
    { type: "affiliation", between: ["f", "t"] },
  ],
});

const boxesOverlap = (a: PlacedMember["box"], b: PlacedMember["box"]) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
const pathPoints = (d: string) => [...d.matchAll(/(-?[\d.]+) (-?[\d.]+)/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]) }));
/** Ray casting: whether a point lies inside a closed polygon. */
function inside(p: { x: number; y: number }, polygon: { x: number; y: number }[]): boolean {
  let result = false;
  polygon.forEach((a, i) => {
    const b = polygon[(i + 1) % polygon.length]!;
    if (a.y > p.y !== b.y > p.y && p.x < ((b.x - a.x) * (p.y - a.y)) / (b.y - a.y) + a.x) result = !result;
  });
  return result;
}
const firstPoint = (d: string) => {
  const [x, y] = d.slice(1).split(/[ L]/).map(Number);
  return { x: x!, y: y! };
};

describe("layoutFamilyMap", () => {
  it("is deterministic", () => {
    expect(layoutFamilyMap(coalitionMap)).toEqual(layoutFamilyMap(coalitionMap));
    expect(JSON.stringify(layoutFamilyMap(everyRelationMap))).toBe(JSON.stringify(layoutFamilyMap(structuredClone(everyRelationMap))));
  });

  it("puts each generation on its own row, oldest on top, in spec order", () => {
    const { members } = layoutFamilyMap(everyRelationMap);
    const y = (id: string) => members.find((m) => m.id === id)!.y;
    expect(y("m")).toBe(y("f"));
    expect(y("f")).toBe(y("t"));
    expect(y("k")).toBe(y("s"));
    expect(y("gm")).toBeLessThan(y("m"));
    expect(y("m")).toBeLessThan(y("k"));
    const row = members.filter((m) => m.generation === 1);
    expect(row.map((m) => m.id)).toEqual(["m", "f", "t"]);
    expect(row[0]!.x).toBeLessThan(row[1]!.x);
    expect(row[1]!.x).toBeLessThan(row[2]!.x);
    // Evenly spread: equal gaps between neighbours.
    expect(row[1]!.x - row[0]!.x).toBeCloseTo(row[2]!.x - row[1]!.x);
  });

  it("keeps members and their labels from overlapping, even with seven long labels in a row", () => {
    const crowded: FamilyMapSpec = familyMapSchema.parse({
      title: "A crowded row",
      members: Array.from({ length: 7 }, (_, i) => ({ id: `p${i}`, label: `Person number ${i} (a long role name)`, generation: 2, gender: "female" })),
    });
    for (const spec of [crowded, everyRelationMap, coalitionMap]) {
      const { members } = layoutFamilyMap(spec);
      for (const a of members)
        for (const b of members) if (a !== b && a.generation === b.generation) expect(boxesOverlap(a.box, b.box), `${a.id} / ${b.id}`).toBe(false);
    }
  });

  it("fits everything inside the viewBox", () => {
    const { viewBox, members, subsystems } = layoutFamilyMap(everyRelationMap);
    for (const m of members) {
      expect(m.box.left).toBeGreaterThanOrEqual(viewBox.x);
      expect(m.box.right).toBeLessThanOrEqual(viewBox.x + viewBox.width);
      expect(m.box.bottom).toBeLessThanOrEqual(viewBox.y + viewBox.height);
    }
    for (const s of subsystems) expect(s.y).toBeGreaterThanOrEqual(viewBox.y);
  });

  it("draws each relation type with its own line pattern", () => {
    const { relations } = layoutFamilyMap(everyRelationMap);
    expect(relations.map((r) => r.type)).toEqual(["alliance", "coalition", "conflict", "detouring", "cutoff", "enmeshed", "affiliation"]);
    const byType = Object.fromEntries(relations.map((r) => [r.type, r]));
    expect(byType.alliance!.lines).toHaveLength(1);
    // Coalition: a double line for the pair plus an arrow at the member it is against.
    expect(byType.coalition!.lines).toHaveLength(3);
    expect(byType.coalition!.arrowheads).toHaveLength(1);
    expect(byType.coalition!.labels.map((l) => l.text)).toEqual(["against David (father)"]);
    // Conflict: a zig-zag has many vertices.
    expect(byType.conflict!.lines[0]!.d.split("L").length).toBeGreaterThan(8);
    // Detouring: one arrow from each parent, converging on the child, each labelled.
    expect(byType.detouring!.lines).toHaveLength(2);
    expect(byType.detouring!.arrowheads).toHaveLength(2);
    expect(byType.detouring!.labels.map((l) => l.text)).toEqual(["support", "support"]);
    // Cutoff: two line pieces and the double bar.
    expect(byType.cutoff!.lines).toHaveLength(4);
    expect(byType.enmeshed!.lines).toHaveLength(3);
    expect(byType.affiliation!.lines[0]!.dash).toBeTruthy();
    expect(byType.affiliation!.arrowheads).toHaveLength(1);
  });

  it("points the affiliation arrow away from the therapist even when the pair is written the other way round", () => {
    const { relations, members } = layoutFamilyMap(everyRelationMap);
    const arrow = relations.find((r) => r.type === "affiliation")!;
    const start = firstPoint(arrow.lines[0]!.d);
    const therapist = members.find((m) => m.id === "t")!;
    const father = members.find((m) => m.id === "f")!;
    expect(Math.hypot(start.x - therapist.x, start.y - therapist.y)).toBeLessThan(Math.hypot(start.x - father.x, start.y - father.y));
  });

  it("draws subsystem boxes around their members with the boundary's line style", () => {
    const { subsystems, members } = layoutFamilyMap(coalitionMap);
    const [parental, sibling] = subsystems;
    expect(parental!.boundary).toBe("diffuse");
    expect(parental!.stroke.dash).toBeDefined();
    expect(sibling!.stroke.dash).toBeDefined();
    expect(parental!.stroke.dash).not.toBe(sibling!.stroke.dash);
    const rigid = layoutFamilyMap(everyRelationMap).subsystems[0]!;
    expect(rigid.stroke.dash).toBeUndefined();
    for (const id of parental!.memberIds) {
      const m = members.find((x) => x.id === id)!;
      expect(m.box.left).toBeGreaterThan(parental!.x);
      expect(m.box.right).toBeLessThan(parental!.x + parental!.width);
      expect(m.box.top).toBeGreaterThan(parental!.y);
      expect(m.box.bottom).toBeLessThan(parental!.y + parental!.height);
    }
  });

  it("outlines a subsystem that spans rows and columns without enclosing the people between", () => {
    const draft = familyMapSchema.parse({
      title: "Draft map",
      members: [
        { id: "dad", label: "Karim (father)", generation: 1, gender: "male" },
        { id: "mom", label: "Rania (mother)", generation: 1, gender: "female" },
        { id: "lina", label: "Lina, 16", generation: 2, gender: "female" },
        { id: "sami", label: "Sami, 10", generation: 2, gender: "male" },
      ],
      subsystems: [{ label: "Mother and daughter", members: ["mom", "lina"], boundary: "diffuse" }],
    });
    const { subsystems, members } = layoutFamilyMap(draft);
    const outline = pathPoints(subsystems[0]!.stroke.d);
    const at = (id: string) => members.find((m) => m.id === id)!;
    expect(inside(at("mom"), outline)).toBe(true);
    expect(inside(at("lina"), outline)).toBe(true);
    expect(inside(at("dad"), outline)).toBe(false);
    expect(inside(at("sami"), outline)).toBe(false);
  });

  it("keeps relation labels off the members and their names", () => {
    for (const spec of [coalitionMap, everyRelationMap]) {
      const { relations, members } = layoutFamilyMap(spec);
      for (const label of relations.flatMap((r) => r.labels)) {
        const w = textWidth(label.text, true);
        const left = label.anchor === "start" ? label.x : label.anchor === "end" ? label.x - w : label.x - w / 2;
        const box = { left, right: left + w, top: label.y - 11, bottom: label.y + 3 };
        for (const m of members) expect(boxesOverlap(box, m.box), `${label.text} / ${m.id}`).toBe(false);
      }
    }
  });

  it("gives members their shapes and marks the identified patient", () => {
    const { members } = layoutFamilyMap(everyRelationMap);
    const shape = (id: string) => members.find((m) => m.id === id)!;
    expect(shape("gm").shape).toBe("circle");
    expect(shape("f").shape).toBe("square");
    expect(shape("k").shape).toBe("diamond");
    expect(shape("t").shape).toBe("hexagon");
    expect(shape("k").outlines).toHaveLength(2);
    expect(shape("k").badge?.text.text).toBe("IP");
    expect(shape("s").outlines).toHaveLength(1);
  });

  it("wraps long labels at a role or an age", () => {
    expect(wrapLabel("Ana (mother)")).toEqual(["Ana (mother)"]);
    expect(wrapLabel("Rosa (maternal grandmother)")).toEqual(["Rosa", "(maternal grandmother)"]);
    expect(wrapLabel("Maximilian Alexander, 13")).toEqual(["Maximilian Alexander,", "13"]);
  });
});

describe("describeFamilyMap", () => {
  it("states the coalition, the boundaries and the identified patient in plain sentences", () => {
    const sentences = describeFamilyMap(coalitionMap);
    expect(sentences).toContain("Ana (mother) and Mateo, 13 form a coalition against Luis (father).");
    expect(sentences).toContain("The parental subsystem (Ana, Luis) has a diffuse boundary.");
    expect(sentences).toContain("The sibling subsystem (Mateo, Sofia) has a clear boundary.");
    expect(sentences).toContain("Mateo, 13 is the identified patient.");
    expect(sentences).toContain("Ana (mother) and Luis (father) are in open conflict.");
    expect(sentences).toContain("Mateo, 13 and Sofia, 9 form an alliance.");
    expect(sentences).toContain("Ana (mother) and Luis (father) are in the parents' generation.");
  });

  it("describes attack and support detouring differently", () => {
    const attack = familyMapSchema.parse({
      ...everyRelationMap,
      relations: [{ type: "detouring", between: ["m", "f"], through: "k", style: "attack" }],
    });
    expect(describeFamilyMap(attack)).toContain(
      "Elena (mother) and David (father) detour their conflict through Leo, 11: they unite in blaming Leo, 11 as the problem (attack detouring).",
    );
    expect(describeFamilyMap(everyRelationMap)).toContain(
      "Elena (mother) and David (father) detour their conflict through Leo, 11: they unite in protecting Leo, 11 as fragile or sick (support detouring).",
    );
  });

  it("covers the remaining relations and the therapist", () => {
    const sentences = describeFamilyMap(everyRelationMap);
    expect(sentences).toContain("The spousal subsystem (Elena, David) has a rigid boundary.");
    expect(sentences).toContain("Rosa (grandmother) and David (father) are emotionally cut off from each other.");
    expect(sentences).toContain("Rosa (grandmother) and Elena (mother) are enmeshed (over-involved, with a diffuse boundary between them).");
    expect(sentences).toContain("The therapist deliberately and temporarily affiliates with David (father) (unbalancing).");
    expect(sentences).toContain("The therapist is shown on the map.");
  });
});

describe("legendFor", () => {
  it("lists only the symbols the map uses", () => {
    expect(legendFor(coalitionMap).map((e) => e.key)).toEqual(["female", "male", "identified-patient", "clear", "diffuse", "alliance", "coalition", "conflict"]);
    const keys = legendFor(everyRelationMap).map((e) => e.key);
    expect(keys).toEqual(
      expect.arrayContaining(["nonbinary", "unspecified", "therapist", "rigid", "detouring", "cutoff", "enmeshed", "affiliation"]),
    );
    expect(keys).not.toContain("clear");
  });
});

describe("<FamilyMap>", () => {
  const render = (spec: unknown) => renderToStaticMarkup(<FamilyMap spec={typeof spec === "string" ? spec : JSON.stringify(spec)} />);

  it("renders an accessible SVG whose title and description it is labelled by", () => {
    const html = render(coalitionMap);
    const svg = /<svg[^>]*role="img"[^>]*>/.exec(html)?.[0];
    expect(svg).toBeDefined();
    const [titleId, descId] = /aria-labelledby="([^"]+)"/.exec(svg!)![1]!.split(" ");
    expect(html).toContain(`<title id="${titleId}">A cross-generational coalition</title>`);
    expect(html).toMatch(new RegExp(`<desc id="${descId}">[^<]*form a coalition against Luis \\(father\\)\\.`));
    expect(svg).toMatch(/viewBox="[-\d.]+ [-\d.]+ \d+ \d+"/);
  });

  it("has a figure with caption, an HTML legend and a text description", () => {
    const html = render(coalitionMap);
    expect(html).toMatch(/^<figure/);
    expect(html).toContain("<figcaption");
    expect(html).toContain("Mother and son are joined against father");
    expect(html).toMatch(/<ul[^>]*aria-labelledby="[^"]+-key"/);
    expect(html).toContain("Diffuse boundary (dotted)");
    expect(html).not.toContain("Cutoff");
    expect(html).toMatch(/<details[^>]*><summary[^>]*>Text description<\/summary><ul[^>]*><li>/);
    expect(html).toContain("<li>Mateo, 13 is the identified patient.</li>");
  });

  it("derives ids from the spec: stable for the same map, different for another", () => {
    const id = (html: string) => /<title id="([^"]+)"/.exec(html)![1];
    expect(id(render(coalitionMap))).toBe(id(render(coalitionMap)));
    expect(id(render(coalitionMap))).not.toBe(id(render(everyRelationMap)));
  });

  it("shows a visible error box for an invalid spec instead of throwing", () => {
    for (const bad of ["not json", { title: "Broken", members: [{ id: "a", label: "A", generation: 1 }], relations: [{ type: "alliance", between: ["a", "zz"] }] }]) {
      const html = render(bad);
      expect(html).toContain("This family map could not be drawn.");
      expect(html).not.toContain("<svg");
    }
    expect(render({ title: "Broken", members: [{ id: "a", label: "A", generation: 1 }], relations: [{ type: "alliance", between: ["a", "zz"] }] })).toContain(
      'unknown member &quot;zz&quot;',
    );
  });
});
