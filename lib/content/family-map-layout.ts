/**
 * Pure, deterministic layout of a structural family map (see the
 * ```familymap block in docs/content-format.md), plus its plain-language text
 * alternative and its legend. No React here: the SVG component only maps this
 * geometry to elements, and the same drawing helpers give the legend swatches,
 * so the key always matches the map.
 */
import type { FamilyMapSpec } from "@/lib/content/schema";

export type MapMember = FamilyMapSpec["members"][number];
export type MapRelation = FamilyMapSpec["relations"][number];
export type MapSubsystem = FamilyMapSpec["subsystems"][number];
export type RelationType = MapRelation["type"];
export type BoundaryKind = MapSubsystem["boundary"];
export type MemberShape = "circle" | "square" | "diamond" | "rounded-square" | "hexagon";

export interface Point {
  x: number;
  y: number;
}

export interface TextLabel {
  x: number;
  y: number;
  text: string;
  /** SVG text-anchor; middle when absent. */
  anchor?: "start" | "middle" | "end";
}

/** One stroked path; `dash` is an SVG stroke-dasharray. */
export interface StrokePath {
  d: string;
  width: number;
  dash?: string;
}

export interface RelationGlyph {
  lines: StrokePath[];
  /** Closed, filled paths. */
  arrowheads: string[];
}

export interface PlacedMember {
  id: string;
  label: string;
  x: number;
  y: number;
  generation: number;
  shape: MemberShape;
  identifiedPatient: boolean;
  therapist: boolean;
  /** One outline, or two for the identified patient. */
  outlines: string[];
  labelLines: TextLabel[];
  badge?: { x: number; y: number; width: number; height: number; text: TextLabel };
  /** The area the member and its label occupy. */
  box: Box;
}

export interface PlacedSubsystem {
  label: string;
  boundary: BoundaryKind;
  memberIds: string[];
  x: number;
  y: number;
  width: number;
  height: number;
  stroke: StrokePath;
  title: SubsystemTitle;
}

export interface SubsystemTitle extends TextLabel {
  anchor: "start" | "end";
}

export interface PlacedRelation extends RelationGlyph {
  type: RelationType;
  /** Position of the relation in spec.relations. */
  index: number;
  labels: TextLabel[];
}

export interface FamilyMapLayout {
  viewBox: { x: number; y: number; width: number; height: number };
  members: PlacedMember[];
  subsystems: PlacedSubsystem[];
  relations: PlacedRelation[];
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export const NODE_RADIUS = 20;
export const LABEL_FONT_SIZE = 13;
export const SMALL_FONT_SIZE = 11.5;
const LINE_HEIGHT = 16;
const CHAR_WIDTH = 7.2;
const SMALL_CHAR_WIDTH = 6.6;
const MIN_COLUMN = 132;
const COLUMN_GUTTER = 48;
const ROW_GAP = 184;
const IP_RING = 5;
const EDGE_GAP = 5;
const PARALLEL_SPACING = 24;
const AVOIDANCE_BOW = 42;
const MAX_LABEL_CHARS = 16;

export const BOUNDARY_DASH: Record<BoundaryKind, string | undefined> = {
  clear: "7 5",
  // A near-zero dash with round caps draws dots.
  diffuse: "0.1 5.5",
  rigid: undefined,
};
export const BOUNDARY_WIDTH: Record<BoundaryKind, number> = { clear: 1.75, diffuse: 2.5, rigid: 2.75 };

// ── Small geometry helpers ───────────────────────────────────

const round = (n: number) => Math.round(n * 10) / 10;
const sub = (a: Point, b: Point): Point => ({ x: a.x - b.x, y: a.y - b.y });
const len = (v: Point) => Math.hypot(v.x, v.y);

function unit(v: Point): Point {
  const l = len(v);
  return l === 0 ? { x: 1, y: 0 } : { x: v.x / l, y: v.y / l };
}

const normalOf = (dir: Point): Point => ({ x: -dir.y, y: dir.x });

export function pathData(points: Point[], close = false): string {
  const d = points.map((p, i) => `${i === 0 ? "M" : "L"}${round(p.x)} ${round(p.y)}`).join(" ");
  return close ? `${d} Z` : d;
}

function cumulative(points: Point[]): number[] {
  const out = [0];
  for (let i = 1; i < points.length; i++) out.push(out[i - 1]! + len(sub(points[i]!, points[i - 1]!)));
  return out;
}

function totalLength(points: Point[]): number {
  return cumulative(points).at(-1) ?? 0;
}

function pointAt(points: Point[], s: number): Point {
  const acc = cumulative(points);
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const s0 = acc[i - 1]!;
    const s1 = acc[i]!;
    if (s <= s1 || i === points.length - 1) {
      const t = s1 === s0 ? 0 : Math.min(1, Math.max(0, (s - s0) / (s1 - s0)));
      return { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
    }
  }
  return points[0] ?? { x: 0, y: 0 };
}

function directionAt(points: Point[], s: number): Point {
  const total = totalLength(points);
  const a = pointAt(points, Math.max(0, s - 1));
  const b = pointAt(points, Math.min(total, s + 1));
  return unit(sub(b, a));
}

/** The part of a polyline between two arc lengths. */
function slicePolyline(points: Point[], from: number, to: number): Point[] {
  const acc = cumulative(points);
  const out = [pointAt(points, from)];
  points.forEach((p, i) => {
    const s = acc[i]!;
    if (s > from && s < to) out.push(p);
  });
  out.push(pointAt(points, to));
  return out;
}

function offsetPolyline(points: Point[], distance: number): Point[] {
  return points.map((p, i) => {
    const prev = points[Math.max(0, i - 1)]!;
    const next = points[Math.min(points.length - 1, i + 1)]!;
    const n = normalOf(unit(sub(next, prev)));
    return { x: p.x + n.x * distance, y: p.y + n.y * distance };
  });
}

/** A straight line, or a quadratic curve whose apex sits `bow` off the chord. */
function curve(from: Point, to: Point, bow: number): Point[] {
  if (Math.abs(bow) < 0.5) return [from, to];
  const n = normalOf(unit(sub(to, from)));
  const control = { x: (from.x + to.x) / 2 + n.x * bow * 2, y: (from.y + to.y) / 2 + n.y * bow * 2 };
  const steps = 28;
  return Array.from({ length: steps + 1 }, (_, i) => {
    const t = i / steps;
    const u = 1 - t;
    return {
      x: u * u * from.x + 2 * u * t * control.x + t * t * to.x,
      y: u * u * from.y + 2 * u * t * control.y + t * t * to.y,
    };
  });
}

function distanceToSegment(p: Point, a: Point, b: Point): number {
  const ab = sub(b, a);
  const l2 = ab.x * ab.x + ab.y * ab.y;
  const t = l2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * ab.x + (p.y - a.y) * ab.y) / l2));
  return len(sub(p, { x: a.x + ab.x * t, y: a.y + ab.y * t }));
}

// ── Relation glyphs (shared with the legend swatches) ─────────

const ARROW_LENGTH = 11;
const ARROW_HALF_WIDTH = 5;

function arrowhead(tip: Point, dir: Point): string {
  const n = normalOf(dir);
  const base = { x: tip.x - dir.x * ARROW_LENGTH, y: tip.y - dir.y * ARROW_LENGTH };
  return pathData(
    [tip, { x: base.x + n.x * ARROW_HALF_WIDTH, y: base.y + n.y * ARROW_HALF_WIDTH }, { x: base.x - n.x * ARROW_HALF_WIDTH, y: base.y - n.y * ARROW_HALF_WIDTH }],
    true,
  );
}

/** A line ending in an arrowhead at its last point; the line stops inside the head so it never pokes out. */
function arrowLine(points: Point[], width: number, dash?: string): RelationGlyph {
  const total = totalLength(points);
  const tip = pointAt(points, total);
  const dir = directionAt(points, total - 0.5);
  const shaft = slicePolyline(points, 0, Math.max(0, total - ARROW_LENGTH + 1));
  return { lines: [{ d: pathData(shaft), width, ...(dash ? { dash } : {}) }], arrowheads: [arrowhead(tip, dir)] };
}

function zigzag(points: Point[], amplitude = 5, step = 5.5): Point[] {
  const total = totalLength(points);
  const lead = Math.min(8, total / 4);
  const out = [pointAt(points, 0), pointAt(points, lead)];
  let side = 1;
  for (let s = lead + step / 2; s < total - lead - step / 2; s += step) {
    const p = pointAt(points, s);
    const n = normalOf(directionAt(points, s));
    out.push({ x: p.x + n.x * amplitude * side, y: p.y + n.y * amplitude * side });
    side = -side;
  }
  out.push(pointAt(points, total - lead), pointAt(points, total));
  return out;
}

function brokenByDoubleBar(points: Point[]): RelationGlyph {
  const total = totalLength(points);
  const mid = total / 2;
  const halfGap = 4.5;
  const bar = (s: number) => {
    const p = pointAt(points, s);
    const n = normalOf(directionAt(points, s));
    return pathData([
      { x: p.x + n.x * 9, y: p.y + n.y * 9 },
      { x: p.x - n.x * 9, y: p.y - n.y * 9 },
    ]);
  };
  return {
    lines: [
      { d: pathData(slicePolyline(points, 0, mid - halfGap)), width: 2 },
      { d: pathData(slicePolyline(points, mid + halfGap, total)), width: 2 },
      { d: bar(mid - halfGap), width: 2.25 },
      { d: bar(mid + halfGap), width: 2.25 },
    ],
    arrowheads: [],
  };
}

function merge(...glyphs: RelationGlyph[]): RelationGlyph {
  return { lines: glyphs.flatMap((g) => g.lines), arrowheads: glyphs.flatMap((g) => g.arrowheads) };
}

/**
 * The line pattern of a two-person relation along `points` (already trimmed
 * to stop short of both members). Shapes, not colours, carry the meaning.
 */
export function pairGlyph(type: Exclude<RelationType, "detouring" | "affiliation">, points: Point[]): RelationGlyph {
  switch (type) {
    case "alliance":
      return { lines: [{ d: pathData(points), width: 2.25 }], arrowheads: [] };
    case "coalition":
      return { lines: [-2.75, 2.75].map((o) => ({ d: pathData(offsetPolyline(points, o)), width: 2.5 })), arrowheads: [] };
    case "conflict":
      return { lines: [{ d: pathData(zigzag(points)), width: 2 }], arrowheads: [] };
    case "cutoff":
      return brokenByDoubleBar(points);
    case "enmeshed":
      return { lines: [-4.5, 0, 4.5].map((o) => ({ d: pathData(offsetPolyline(points, o)), width: 1.5 })), arrowheads: [] };
  }
}

/** The coalition's marker: an arrow from the joined pair toward the member it is against. */
export function againstGlyph(points: Point[]): RelationGlyph {
  return arrowLine(points, 1.75);
}

export function detourGlyph(points: Point[]): RelationGlyph {
  return arrowLine(points, 2.25);
}

export function affiliationGlyph(points: Point[]): RelationGlyph {
  return arrowLine(points, 2, "6 4");
}

/** A small legend-sized drawing of each relation, in a 44 × 20 box. */
export function relationSwatch(type: RelationType): RelationGlyph {
  const line = (y = 10): Point[] => [
    { x: 3, y },
    { x: 41, y },
  ];
  switch (type) {
    case "detouring":
      return merge(
        detourGlyph([
          { x: 3, y: 3 },
          { x: 40, y: 10 },
        ]),
        detourGlyph([
          { x: 3, y: 17 },
          { x: 40, y: 10 },
        ]),
      );
    case "affiliation":
      return affiliationGlyph(line());
    case "coalition":
      return merge(
        pairGlyph("coalition", [
          { x: 3, y: 7 },
          { x: 21, y: 7 },
        ]),
        againstGlyph([
          { x: 12, y: 10 },
          { x: 41, y: 16 },
        ]),
      );
    default:
      return pairGlyph(type, line());
  }
}

// ── Members ──────────────────────────────────────────────────

export function memberShape(member: Pick<MapMember, "gender" | "therapist">): MemberShape {
  if (member.therapist) return "hexagon";
  switch (member.gender) {
    case "female":
      return "circle";
    case "male":
      return "square";
    case "nonbinary":
      return "diamond";
    default:
      return "rounded-square";
  }
}

/** Outline of a member shape of "radius" r centred on (cx, cy), sized so the shapes look equally big. */
export function shapePath(shape: MemberShape, cx: number, cy: number, r: number): string {
  const polygon = (pts: [number, number][]) => pathData(pts.map(([x, y]) => ({ x: cx + x, y: cy + y })), true);
  switch (shape) {
    case "circle":
      return `M${round(cx - r)} ${round(cy)} a${round(r)} ${round(r)} 0 1 0 ${round(2 * r)} 0 a${round(r)} ${round(r)} 0 1 0 ${round(-2 * r)} 0 Z`;
    case "square": {
      const h = r * 0.9;
      return polygon([
        [-h, -h],
        [h, -h],
        [h, h],
        [-h, h],
      ]);
    }
    case "diamond": {
      const h = r * 1.18;
      return polygon([
        [0, -h],
        [h, 0],
        [0, h],
        [-h, 0],
      ]);
    }
    case "rounded-square": {
      const h = r * 0.9;
      const c = r * 0.45;
      return [
        `M${round(cx - h + c)} ${round(cy - h)}`,
        `H${round(cx + h - c)} Q${round(cx + h)} ${round(cy - h)} ${round(cx + h)} ${round(cy - h + c)}`,
        `V${round(cy + h - c)} Q${round(cx + h)} ${round(cy + h)} ${round(cx + h - c)} ${round(cy + h)}`,
        `H${round(cx - h + c)} Q${round(cx - h)} ${round(cy + h)} ${round(cx - h)} ${round(cy + h - c)}`,
        `V${round(cy - h + c)} Q${round(cx - h)} ${round(cy - h)} ${round(cx - h + c)} ${round(cy - h)} Z`,
      ].join(" ");
    }
    case "hexagon":
      return polygon(
        Array.from({ length: 6 }, (_, i): [number, number] => {
          const a = (Math.PI / 3) * i;
          return [Math.cos(a) * r * 1.08, Math.sin(a) * r * 1.08];
        }),
      );
  }
}

/** Splits a long member label into at most two lines, preferring "Name (role)" and "Name, age" breaks. */
export function wrapLabel(label: string, maxChars = MAX_LABEL_CHARS): string[] {
  if (label.length <= maxChars) return [label];
  const paren = label.indexOf(" (");
  if (paren > 0) return [label.slice(0, paren), label.slice(paren + 1)];
  const comma = label.indexOf(", ");
  if (comma > 0) return [label.slice(0, comma + 1), label.slice(comma + 2)];
  const space = label.lastIndexOf(" ", maxChars);
  if (space > 0) return [label.slice(0, space), label.slice(space + 1)];
  return [label];
}

export const textWidth = (text: string, small = false) => text.length * (small ? SMALL_CHAR_WIDTH : CHAR_WIDTH);

function placeMember(member: MapMember, x: number, y: number): PlacedMember {
  const shape = memberShape(member);
  const ip = member.identifiedPatient === true;
  const outlines = [shapePath(shape, x, y, NODE_RADIUS)];
  if (ip) outlines.push(shapePath(shape, x, y, NODE_RADIUS + IP_RING));
  const lines = wrapLabel(member.label);
  const firstBaseline = y + NODE_RADIUS + (ip ? IP_RING : 0) + 17;
  const labelLines = lines.map((text, i) => ({ x, y: firstBaseline + i * LINE_HEIGHT, text }));
  const halfWidth = Math.max(NODE_RADIUS + IP_RING + 4, ...lines.map((l) => textWidth(l) / 2));
  const badge = ip
    ? {
        x: x + NODE_RADIUS * 0.6,
        y: y - NODE_RADIUS - IP_RING - 9,
        width: 22,
        height: 15,
        text: { x: x + NODE_RADIUS * 0.6 + 11, y: y - NODE_RADIUS - IP_RING + 2.5, text: "IP" },
      }
    : undefined;
  return {
    id: member.id,
    label: member.label,
    x,
    y,
    generation: member.generation,
    shape,
    identifiedPatient: ip,
    therapist: member.therapist === true,
    outlines,
    labelLines,
    ...(badge ? { badge } : {}),
    box: {
      left: x - halfWidth,
      right: Math.max(x + halfWidth, badge ? badge.x + badge.width : -Infinity),
      top: badge ? badge.y : y - NODE_RADIUS - (ip ? IP_RING : 0) - 2,
      bottom: firstBaseline + (lines.length - 1) * LINE_HEIGHT + 4,
    },
  };
}

// ── Subsystems ───────────────────────────────────────────────

/** How many other subsystems a subsystem encloses, so that enclosing boxes are drawn further out. */
function nestingLevels(subsystems: MapSubsystem[]): number[] {
  const sets = subsystems.map((s) => new Set(s.members));
  const contains = (outer: Set<string>, inner: Set<string>) => outer.size > inner.size && [...inner].every((id) => outer.has(id));
  const levels: number[] = subsystems.map(() => 0);
  // Sizes strictly increase along a containment chain, so processing by size settles every level.
  const order = subsystems.map((_, i) => i).sort((a, b) => sets[a]!.size - sets[b]!.size || a - b);
  for (const i of order) {
    for (const j of order) {
      if (contains(sets[i]!, sets[j]!)) levels[i] = Math.max(levels[i]!, levels[j]! + 1);
    }
  }
  return levels;
}

function convexHull(points: Point[]): Point[] {
  const sorted = [...points].sort((a, b) => a.x - b.x || a.y - b.y);
  const cross = (o: Point, a: Point, b: Point) => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
  const half = (pts: Point[]) => {
    const out: Point[] = [];
    for (const p of pts) {
      while (out.length >= 2 && cross(out[out.length - 2]!, out[out.length - 1]!, p) <= 0) out.pop();
      out.push(p);
    }
    out.pop();
    return out;
  };
  return [...half(sorted), ...half([...sorted].reverse())];
}

const CORNER_RADIUS = 12;

/**
 * The outline of a subsystem: the rounded convex hull of its members' areas.
 * For members side by side that is a rounded rectangle; for members on
 * different rows and columns it is a band that leaves out the people between
 * them, which a bounding rectangle would wrongly enclose.
 */
function subsystemOutline(boxes: Box[], pad: number): Point[] {
  const r = CORNER_RADIUS;
  const around = (c: Point) =>
    Array.from({ length: 24 }, (_, i) => ({ x: c.x + r * Math.cos((Math.PI * i) / 12), y: c.y + r * Math.sin((Math.PI * i) / 12) }));
  const corners = boxes.flatMap((b) => {
    const left = b.left - pad + r;
    const right = b.right + pad - r;
    // Extra room on top for the IP badge and the subsystem's name.
    const top = b.top - pad - 6 + r;
    const bottom = b.bottom + pad - r;
    return [
      { x: left, y: top },
      { x: right, y: top },
      { x: right, y: bottom },
      { x: left, y: bottom },
    ];
  });
  return convexHull(corners.flatMap(around)).map((p) => ({ x: round(p.x), y: round(p.y) }));
}

interface FramedSubsystem {
  placed: PlacedSubsystem;
  outline: Point[];
}

/**
 * Member areas evened out: members sharing a row share a top and bottom, and
 * members sharing a column share a width, so outlines run straight instead of
 * slanting with label lengths and IP badges.
 */
function evenedBoxes(members: PlacedMember[]): Box[] {
  return members.map((m) => {
    const row = members.filter((o) => o.y === m.y);
    const column = members.filter((o) => Math.abs(o.x - m.x) < 1);
    return {
      top: Math.min(...row.map((o) => o.box.top)),
      bottom: Math.max(...row.map((o) => o.box.bottom)),
      left: Math.min(...column.map((o) => o.box.left)),
      right: Math.max(...column.map((o) => o.box.right)),
    };
  });
}

function placeSubsystem(subsystem: MapSubsystem, level: number, byId: Map<string, PlacedMember>): FramedSubsystem {
  const boxes = evenedBoxes(
    subsystem.members.flatMap((id) => {
      const m = byId.get(id);
      return m ? [m] : [];
    }),
  );
  const outline = subsystemOutline(boxes, 10 + level * 9);
  const left = Math.min(...outline.map((p) => p.x));
  const right = Math.max(...outline.map((p) => p.x));
  const top = Math.min(...outline.map((p) => p.y));
  const bottom = Math.max(...outline.map((p) => p.y));
  const dash = BOUNDARY_DASH[subsystem.boundary];
  return {
    outline,
    placed: {
      label: subsystem.label,
      boundary: subsystem.boundary,
      memberIds: [...subsystem.members],
      x: round(left),
      y: round(top),
      width: round(right - left),
      height: round(bottom - top),
      stroke: { d: pathData(outline, true), width: BOUNDARY_WIDTH[subsystem.boundary], ...(dash ? { dash } : {}) },
      title: { x: round(left + CORNER_RADIUS), y: round(top + 4), text: subsystem.label, anchor: "start" },
    },
  };
}

/** The horizontal stretches of an outline (top edges first), where a name can sit on the line. */
function flatEdges(outline: Point[]): { y: number; from: number; to: number }[] {
  const edges: { y: number; from: number; to: number }[] = [];
  outline.forEach((a, i) => {
    const b = outline[(i + 1) % outline.length]!;
    if (Math.abs(a.y - b.y) < 0.5 && Math.abs(a.x - b.x) > 1) edges.push({ y: a.y, from: Math.min(a.x, b.x), to: Math.max(a.x, b.x) });
  });
  const top = Math.min(...outline.map((p) => p.y));
  return edges.sort((e, f) => Number(e.y > top + 1) - Number(f.y > top + 1) || e.y - f.y || e.from - f.from);
}

// ── Relations ────────────────────────────────────────────────

interface Segment {
  relation: number;
  from: string;
  to: string;
}

/** Every member-to-member line the relations need, in relation order. */
function memberSegments(relations: MapRelation[]): Segment[] {
  return relations.flatMap((r, relation): Segment[] => {
    const [a, b] = r.between;
    if (r.type === "detouring" && r.through) {
      return [
        { relation, from: a, to: r.through },
        { relation, from: b, to: r.through },
      ];
    }
    return [{ relation, from: a, to: b }];
  });
}

/** Bows a line away from members it would otherwise cross. */
function obstacleBow(from: Point, to: Point, others: PlacedMember[]): number {
  const blocking = others.filter((o) => distanceToSegment(o, from, to) < NODE_RADIUS + IP_RING + 12);
  if (blocking.length === 0) return 0;
  // Longer spans arc higher so they also clear the labels of the members they pass.
  const bow = Math.max(AVOIDANCE_BOW, 0.2 * len(sub(to, from)));
  const n = normalOf(unit(sub(to, from)));
  const side = blocking.reduce((acc, o) => acc + (n.x * (o.x - from.x) + n.y * (o.y - from.y)), 0);
  if (Math.abs(side) > 1) return side > 0 ? -bow : bow;
  // Exactly in line (usually the same row): go over the top.
  return n.y > 0 || (n.y === 0 && n.x > 0) ? -bow : bow;
}

const shapeReach = (m: PlacedMember) => NODE_RADIUS + (m.identifiedPatient ? IP_RING : 0) + (m.shape === "diamond" ? 3 : 0);

/** Whether a point lies on a member's shape or on the label under it. */
function coversPoint(m: PlacedMember, p: Point): boolean {
  if (len(sub(p, m)) < shapeReach(m)) return true;
  const b = m.badge;
  if (b && p.x >= b.x - 2 && p.x <= b.x + b.width + 2 && p.y >= b.y - 2 && p.y <= b.y + b.height + 2) return true;
  // From just below the shape's middle, so a line cannot slip out between the shape and its name.
  const labelTop = m.y + NODE_RADIUS * 0.55;
  const halfWidth = Math.max(...m.labelLines.map((l) => textWidth(l.text) / 2)) + 2;
  return p.y >= labelTop && p.y <= m.box.bottom && Math.abs(p.x - m.x) <= halfWidth;
}

/** How far along `points` the line leaves the member's shape and label, so lines never run through names. */
function exitLength(points: Point[], m: PlacedMember): number {
  const total = totalLength(points);
  for (let s = 0; s < total / 2; s += 1) if (!coversPoint(m, pointAt(points, s))) return s + EDGE_GAP;
  return shapeReach(m) + EDGE_GAP;
}

function trimmedBetween(points: Point[], start: PlacedMember | number, end: PlacedMember): Point[] {
  const startTrim = typeof start === "number" ? start : exitLength(points, start);
  const endTrim = exitLength([...points].reverse(), end);
  const total = totalLength(points);
  if (total <= startTrim + endTrim + 4) return points;
  return slicePolyline(points, startTrim, total - endTrim);
}

interface LabelRequest {
  relation: number;
  path: Point[];
  text: string;
}

interface PlacedLines {
  relations: PlacedRelation[];
  /** Every line drawn, as polylines, so labels can be kept off them. */
  ink: Point[][];
  labels: LabelRequest[];
}

function placeRelations(spec: FamilyMapSpec, members: PlacedMember[]): PlacedLines {
  const byId = new Map(members.map((m) => [m.id, m]));
  const order = new Map(members.map((m, i) => [m.id, i]));
  const labelOf = (id: string | undefined) => (id ? (byId.get(id)?.label ?? id) : "");
  const segments = memberSegments(spec.relations);

  // Lines that join the same two people fan out side by side instead of overlapping.
  const pairKey = (s: Segment) => [s.from, s.to].sort((a, b) => order.get(a)! - order.get(b)!).join("|");
  const pairCounts = new Map<string, number>();
  for (const s of segments) pairCounts.set(pairKey(s), (pairCounts.get(pairKey(s)) ?? 0) + 1);
  const pairSeen = new Map<string, number>();

  const route = (s: Segment): Point[] => {
    const key = pairKey(s);
    const [firstId, secondId] = key.split("|") as [string, string];
    const first = byId.get(firstId)!;
    const second = byId.get(secondId)!;
    const slot = pairSeen.get(key) ?? 0;
    pairSeen.set(key, slot + 1);
    const count = pairCounts.get(key) ?? 1;
    const others = members.filter((m) => m.id !== firstId && m.id !== secondId);
    const bow = obstacleBow(first, second, others) + (slot - (count - 1) / 2) * PARALLEL_SPACING;
    const canonical = trimmedBetween(curve(first, second, bow), first, second);
    return s.from === firstId ? canonical : [...canonical].reverse();
  };

  const routes = segments.map((s) => ({ segment: s, points: route(s) }));
  const ink: Point[][] = routes.map((r) => r.points);
  const labels: LabelRequest[] = [];
  const relations = spec.relations.map((relation, index): PlacedRelation => {
    const own = routes.filter((r) => r.segment.relation === index).map((r) => r.points);
    const main = own[0] ?? [];
    const placed = (glyph: RelationGlyph): PlacedRelation => ({ type: relation.type, index, ...glyph, labels: [] });
    switch (relation.type) {
      case "detouring":
        for (const path of own) labels.push({ relation: index, path, text: relation.style ?? "detouring" });
        return placed(merge(...own.map(detourGlyph)));
      case "affiliation": {
        // The arrow always starts at the therapist, whichever way round the pair is written.
        const reversed = byId.get(relation.between[1])?.therapist === true && byId.get(relation.between[0])?.therapist !== true;
        return placed(affiliationGlyph(reversed ? [...main].reverse() : main));
      }
      case "coalition": {
        const target = relation.against ? byId.get(relation.against) : undefined;
        const pair = pairGlyph("coalition", main);
        if (!target) return placed(pair);
        const start = pointAt(main, totalLength(main) / 2);
        const others = members.filter((m) => m.id !== target.id && !relation.between.includes(m.id));
        const arrow = trimmedBetween(curve(start, target, obstacleBow(start, target, others)), 7, target);
        ink.push(arrow);
        labels.push({ relation: index, path: arrow, text: `against ${labelOf(relation.against)}` });
        return placed(merge(pair, againstGlyph(arrow)));
      }
      default:
        return placed(pairGlyph(relation.type, main));
    }
  });
  return { relations, ink, labels };
}

// ── Keeping labels clear of other marks ──────────────────────

const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

function grow(b: Box, by: number): Box {
  return { left: b.left - by, right: b.right + by, top: b.top - by, bottom: b.bottom + by };
}

/** Points every ~2 units along a polyline: what label placement tests against. */
function dots(line: Point[]): Point[] {
  const out: Point[] = [];
  line.forEach((b, i) => {
    const a = line[i - 1];
    if (!a) return out.push(b);
    const steps = Math.max(1, Math.ceil(len(sub(b, a)) / 2));
    for (let k = 1; k <= steps; k++) out.push({ x: a.x + ((b.x - a.x) * k) / steps, y: a.y + ((b.y - a.y) * k) / steps });
  });
  return out;
}

function touches(b: Box, dotted: Point[]): boolean {
  return dotted.some((p) => p.x > b.left && p.x < b.right && p.y > b.top && p.y < b.bottom);
}

// Ink is tracked by centre line; double and triple lines spread this far either side.
const LINE_SPREAD = 7;

const ON_LINE_POSITIONS = [0.5, 0.4, 0.6, 0.3, 0.7];
const BESIDE_LINE_POSITIONS = [0.5, 0.35, 0.65, 0.2, 0.8, 0.05];

/** Candidate spots for a relation label: centred on its line first, then beside, above or below it. */
function labelCandidates(path: Point[], text: string): TextLabel[] {
  const total = totalLength(path);
  const at = (f: number) => pointAt(path, total * f);
  const onLine = ON_LINE_POSITIONS.map((f): TextLabel => ({ x: round(at(f).x), y: round(at(f).y + 4), text }));
  const beside = [9, 20, 34].flatMap((gap) =>
    BESIDE_LINE_POSITIONS.flatMap((f): TextLabel[] => [
      { x: round(at(f).x + gap), y: round(at(f).y + 4), text, anchor: "start" },
      { x: round(at(f).x - gap), y: round(at(f).y + 4), text, anchor: "end" },
    ]),
  );
  const aboveAndBelow = [0.5, 0.35, 0.65].flatMap((f): TextLabel[] => [
    { x: round(at(f).x), y: round(at(f).y - 9), text },
    { x: round(at(f).x), y: round(at(f).y + 18), text },
  ]);
  return [...onLine, ...beside, ...aboveAndBelow];
}

/** Puts each relation label by its own line where it covers no name, border, line or other label. */
function placeEdgeLabels(requests: LabelRequest[], members: PlacedMember[], outlines: Point[][], ink: Point[][]): Map<number, TextLabel[]> {
  const taken: Box[] = members.map((m) => m.box);
  const out = new Map<number, TextLabel[]>();
  const dottedOutlines = outlines.map(dots);
  const dottedInk = ink.map((line) => ({ line, dotted: dots(line) }));
  for (const r of requests) {
    const candidates = labelCandidates(r.path, r.text);
    // Take the first spot that is clear; failing that, the least cluttered one.
    const clutter = (l: TextLabel) => {
      const box = grow(labelBox(l, true), 2);
      return (
        // Covering a name is worst; crossing a boundary or a line can still be read.
        10 * taken.filter((t) => overlaps(box, t)).length +
        3 * dottedOutlines.filter((o) => touches(box, o)).length +
        2 * dottedInk.filter(({ line, dotted }) => line !== r.path && touches(grow(box, LINE_SPREAD), dotted)).length
      );
    };
    let chosen = candidates[0]!;
    let best = Infinity;
    for (const c of candidates) {
      const score = clutter(c);
      if (score < best) [chosen, best] = [c, score];
      if (score === 0) break;
    }
    taken.push(labelBox(chosen, true));
    out.set(r.relation, [...(out.get(r.relation) ?? []), chosen]);
  }
  return out;
}

/** Subsystem names sit on a corner of their box; the first corner no line or label passes through wins. */
function placeSubsystemTitles(framed: FramedSubsystem[], ink: Point[][], labels: TextLabel[]): PlacedSubsystem[] {
  const taken = labels.map((l) => labelBox(l, true));
  const dotted = ink.flatMap(dots);
  return framed.map(({ placed, outline }) => {
    const width = textWidth(placed.label, true);
    const spots = flatEdges(outline)
      .filter(({ from, to }) => to - from >= 24)
      .flatMap(({ y, from, to }): SubsystemTitle[] => {
        const along = (x: number, anchor: "start" | "end"): SubsystemTitle => ({ x: round(x), y: round(y + 4), text: placed.label, anchor });
        // The corners first; then further along the edge, still on it.
        const inner = [];
        for (let x = from + 24; x + width <= to - 4; x += 16) inner.push(along(x, "start"));
        return [along(from + 2, "start"), along(to - 2, "end"), ...inner];
      });
    const boxOf = (c: SubsystemTitle) => grow(labelBox(c, true), 2 + LINE_SPREAD);
    const title = spots.find((c) => !touches(boxOf(c), dotted) && !taken.some((t) => overlaps(boxOf(c), t))) ?? spots[0] ?? placed.title;
    taken.push(boxOf(title));
    return { ...placed, title };
  });
}

// ── The whole map ────────────────────────────────────────────

function pointsOfPath(d: string): Point[] {
  const nums = [...d.matchAll(/-?\d+(?:\.\d+)?/g)].map((m) => Number(m[0]));
  const out: Point[] = [];
  for (let i = 0; i + 1 < nums.length; i += 2) out.push({ x: nums[i]!, y: nums[i + 1]! });
  return out;
}

function labelBox(label: TextLabel, small: boolean): Box {
  const w = textWidth(label.text, small);
  const size = small ? SMALL_FONT_SIZE : LABEL_FONT_SIZE;
  const left = label.anchor === "start" ? label.x : label.anchor === "end" ? label.x - w : label.x - w / 2;
  return { left, right: left + w, top: label.y - size, bottom: label.y + 4 };
}

/**
 * Places members in one row per generation present (oldest on top), spread
 * evenly in spec order, with columns wide enough for the longest label so
 * labels never collide. Same input, same coordinates.
 */
export function layoutFamilyMap(spec: FamilyMapSpec): FamilyMapLayout {
  const generations = [...new Set(spec.members.map((m) => m.generation))].sort((a, b) => a - b);
  const rows = generations.map((g) => spec.members.filter((m) => m.generation === g));
  const widest = Math.max(...spec.members.flatMap((m) => wrapLabel(m.label).map((l) => textWidth(l))));
  const column = Math.max(MIN_COLUMN, Math.ceil(widest + COLUMN_GUTTER));
  const columns = Math.max(...rows.map((r) => r.length));
  const centre = (columns * column) / 2;

  const placed = new Map<string, PlacedMember>();
  rows.forEach((row, r) => {
    row.forEach((member, i) => {
      placed.set(member.id, placeMember(member, centre + (i - (row.length - 1) / 2) * column, r * ROW_GAP));
    });
  });
  // Keep spec order in the output so the SVG reads in the author's order.
  const members = spec.members.map((m) => placed.get(m.id)!);
  const byId = new Map(members.map((m) => [m.id, m]));

  const levels = nestingLevels(spec.subsystems);
  const framed = spec.subsystems.map((s, i) => placeSubsystem(s, levels[i]!, byId));
  const outlines = framed.map((f) => [...f.outline, f.outline[0]!]);
  const lines = placeRelations(spec, members);
  const edgeLabels = placeEdgeLabels(lines.labels, members, outlines, lines.ink);
  const relations = lines.relations.map((r) => ({ ...r, labels: edgeLabels.get(r.index) ?? [] }));
  const subsystems = placeSubsystemTitles(
    framed,
    lines.ink,
    relations.flatMap((r) => r.labels),
  );

  const boxes: Box[] = [
    ...members.map((m) => m.box),
    ...subsystems.map((s) => ({ left: s.x, top: s.y, right: s.x + s.width, bottom: s.y + s.height })),
    ...subsystems.map((s) => labelBox(s.title, true)),
    ...relations.flatMap((r) => r.labels.map((l) => labelBox(l, true))),
    ...relations.flatMap((r) => [...r.lines.map((l) => l.d), ...r.arrowheads].flatMap(pointsOfPath).map((p) => ({ left: p.x, right: p.x, top: p.y, bottom: p.y }))),
  ];
  const margin = 14;
  const left = Math.min(...boxes.map((b) => b.left)) - margin;
  const top = Math.min(...boxes.map((b) => b.top)) - margin;
  const right = Math.max(...boxes.map((b) => b.right)) + margin;
  const bottom = Math.max(...boxes.map((b) => b.bottom)) + margin;
  return {
    viewBox: { x: Math.floor(left), y: Math.floor(top), width: Math.ceil(right - left), height: Math.ceil(bottom - top) },
    members,
    subsystems,
    relations,
  };
}

// ── Text alternative ─────────────────────────────────────────

const GENERATION_NAMES = ["grandparents'", "parents'", "children's", "grandchildren's"] as const;

/** "A and B", "A, B and C"; semicolons when a label itself has a comma ("Mateo, 13"). */
function joinList(items: string[]): string {
  if (items.length <= 1) return items.join("");
  const sep = items.some((i) => i.includes(",")) ? "; " : ", ";
  if (items.length === 2) return `${items[0]} and ${items[1]}`;
  return `${items.slice(0, -1).join(sep)}${sep.trim()} and ${items.at(-1)}`;
}

/** "Ana (mother)" → "Ana", "Mateo, 13" → "Mateo": short enough to list inside parentheses. */
function shortName(label: string): string {
  const short = label.replace(/\s*\(.*\)\s*$/, "").replace(/,.*$/, "").trim();
  return short || label;
}

function subsystemName(label: string, memberNames: Set<string>): string {
  const first = label.split(/\s+/)[0] ?? "";
  // "Parental" reads as a common word mid-sentence; a name ("Rosa and Ana") keeps its capital.
  const common = /^[A-Z][a-z]/.test(first) && !memberNames.has(first);
  const base = common ? first.toLowerCase() + label.slice(first.length) : label;
  return /\bsubsystem$/i.test(base) ? base : `${base} subsystem`;
}

const isJustTherapist = (label: string) => /^(the )?therapist$/i.test(label.trim());

/** One plain-language sentence per fact of the map: its text alternative. */
export function describeFamilyMap(spec: FamilyMapSpec): string[] {
  const byId = new Map(spec.members.map((m) => [m.id, m]));
  const label = (id: string | undefined) => (id ? (byId.get(id)?.label ?? id) : "someone");
  const sentences: string[] = [];

  const generations = [...new Set(spec.members.map((m) => m.generation))].sort((a, b) => a - b);
  for (const g of generations) {
    const people = spec.members.filter((m) => m.generation === g && !m.therapist).map((m) => m.label);
    if (people.length === 0) continue;
    sentences.push(`${joinList(people)} ${people.length === 1 ? "is" : "are"} in the ${GENERATION_NAMES[g] ?? `generation ${g}`} generation.`);
  }
  for (const m of spec.members) if (m.therapist) sentences.push(isJustTherapist(m.label) ? "The therapist is shown on the map." : `${m.label} is the therapist.`);
  for (const m of spec.members) if (m.identifiedPatient) sentences.push(`${m.label} is the identified patient.`);

  const names = new Set(spec.members.map((m) => shortName(m.label)));
  for (const s of spec.subsystems) {
    const who = s.members.map((id) => shortName(label(id))).join(", ");
    sentences.push(`The ${subsystemName(s.label, names)} (${who}) has ${s.boundary === "clear" ? "a clear" : `a ${s.boundary}`} boundary.`);
  }

  for (const r of spec.relations) {
    const [a, b] = r.between.map(label) as [string, string];
    switch (r.type) {
      case "alliance":
        sentences.push(`${a} and ${b} form an alliance.`);
        break;
      case "coalition":
        sentences.push(`${a} and ${b} form a coalition against ${label(r.against)}.`);
        break;
      case "conflict":
        sentences.push(`${a} and ${b} are in open conflict.`);
        break;
      case "detouring":
        sentences.push(
          r.style === "support"
            ? `${a} and ${b} detour their conflict through ${label(r.through)}: they unite in protecting ${label(r.through)} as fragile or sick (support detouring).`
            : `${a} and ${b} detour their conflict through ${label(r.through)}: they unite in blaming ${label(r.through)} as the problem (attack detouring).`,
        );
        break;
      case "cutoff":
        sentences.push(`${a} and ${b} are emotionally cut off from each other.`);
        break;
      case "enmeshed":
        sentences.push(`${a} and ${b} are enmeshed (over-involved, with a diffuse boundary between them).`);
        break;
      case "affiliation": {
        const fromTherapist = byId.get(r.between[0])?.therapist === true;
        const toTherapist = byId.get(r.between[1])?.therapist === true;
        const [from, to] = toTherapist && !fromTherapist ? [b, a] : [a, b];
        const therapist = isJustTherapist(from) ? "The therapist" : `The therapist, ${from},`;
        sentences.push(
          fromTherapist || toTherapist
            ? `${therapist} deliberately and temporarily affiliates with ${to} (unbalancing).`
            : `${from} deliberately and temporarily affiliates with ${to}.`,
        );
        break;
      }
    }
  }
  return sentences;
}

// ── Legend ───────────────────────────────────────────────────

export type LegendEntry =
  | { kind: "member"; key: "female" | "male" | "nonbinary" | "unspecified" | "therapist" | "identified-patient"; label: string }
  | { kind: "boundary"; key: BoundaryKind; label: string }
  | { kind: "relation"; key: RelationType; label: string };

const MEMBER_LEGEND = [
  { key: "female", label: "Female (circle)", uses: (m: MapMember) => !m.therapist && m.gender === "female" },
  { key: "male", label: "Male (square)", uses: (m: MapMember) => !m.therapist && m.gender === "male" },
  { key: "nonbinary", label: "Nonbinary (diamond)", uses: (m: MapMember) => !m.therapist && m.gender === "nonbinary" },
  { key: "unspecified", label: "Gender not stated (rounded square)", uses: (m: MapMember) => !m.therapist && !m.gender },
  { key: "therapist", label: "Therapist (hexagon)", uses: (m: MapMember) => m.therapist === true },
  { key: "identified-patient", label: "Identified patient (double outline, IP)", uses: (m: MapMember) => m.identifiedPatient === true },
] as const;

const BOUNDARY_LEGEND: Record<BoundaryKind, string> = {
  clear: "Clear boundary (dashed)",
  diffuse: "Diffuse boundary (dotted)",
  rigid: "Rigid boundary (solid)",
};

const RELATION_LEGEND: Record<RelationType, string> = {
  alliance: "Alliance (single line)",
  coalition: "Coalition (double line; an arrow points at the member it is against)",
  conflict: "Conflict (zig-zag line)",
  detouring: "Detouring (arrows converge on the child, marked attack or support)",
  cutoff: "Cutoff (line broken by a double bar)",
  enmeshed: "Enmeshment (triple line)",
  affiliation: "Therapist's affiliation (dashed arrow from the therapist)",
};

/** The legend entries for the symbols this map actually uses, in a fixed order. */
export function legendFor(spec: FamilyMapSpec): LegendEntry[] {
  const members = MEMBER_LEGEND.filter((e) => spec.members.some(e.uses)).map((e): LegendEntry => ({ kind: "member", key: e.key, label: e.label }));
  const boundaries = (Object.keys(BOUNDARY_LEGEND) as BoundaryKind[])
    .filter((b) => spec.subsystems.some((s) => s.boundary === b))
    .map((key): LegendEntry => ({ kind: "boundary", key, label: BOUNDARY_LEGEND[key] }));
  const relations = (Object.keys(RELATION_LEGEND) as RelationType[])
    .filter((t) => spec.relations.some((r) => r.type === t))
    .map((key): LegendEntry => ({ kind: "relation", key, label: RELATION_LEGEND[key] }));
  return [...members, ...boundaries, ...relations];
}
