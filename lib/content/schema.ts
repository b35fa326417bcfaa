/**
 * zod schemas for everything in content/. Shared by the linter, the sync
 * into the database and the lesson renderer, so a file that passes
 * `npm run content:check` is exactly a file the app can load.
 */
import { z } from "zod";

export const DOMAIN_IDS = [1, 2, 3, 4, 5, 6] as const;
export const domainId = z.number().int().min(1).max(6);

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "use lower-case words joined by dashes");
const isoDate = z
  .union([z.string(), z.date()])
  .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v))
  .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "use YYYY-MM-DD"));

export const referenceSchema = z
  .object({
    author: z.string().min(2),
    year: z.number().int().min(1900).max(2100),
    title: z.string().min(2),
    publisher: z.string().optional(),
    journal: z.string().optional(),
    volume: z.union([z.string(), z.number()]).optional(),
    pages: z.string().optional(),
  })
  .strict()
  .refine((r) => !!r.publisher !== !!r.journal, { message: "a reference needs either publisher (book) or journal (article)" });

export const lessonFrontmatterSchema = z
  .object({
    slug,
    title: z.string().min(3).max(120),
    summary: z.string().min(20).max(400),
    domains: z.array(domainId).min(1).max(6),
    concepts: z.array(slug).min(1),
    /** The therapy model or practice area the lesson belongs to; /learn groups by it. */
    model: z.string().min(2).max(60).optional(),
    order: z.number().int().min(1),
    readingMinutes: z.number().int().min(1).max(60),
    lastReviewed: isoDate,
    references: z.array(referenceSchema).min(1),
  })
  .strict();
export type LessonFrontmatter = z.infer<typeof lessonFrontmatterSchema>;

export const OPTION_LETTERS = ["A", "B", "C", "D"] as const;
export type OptionLetter = (typeof OPTION_LETTERS)[number];

export const itemOptionSchema = z
  .object({
    text: z.string().trim().min(1, "option text is empty"),
    rationale: z.string().trim().min(1, "every option needs a rationale"),
  })
  .strict();

export const itemSchema = z
  .object({
    id: z.string().regex(/^[a-z]{2,4}-\d{3}$/, "ids look like abc-001"),
    lesson: slug,
    section: slug,
    domain: domainId,
    concepts: z.array(slug).min(1),
    difficulty: z.number().int().min(1).max(3),
    author: z.string().min(2),
    written: isoDate,
    blueprint: z.string().min(1),
    stem: z.string().trim().min(40, "the stem should be a vignette of a few sentences"),
    leadIn: z.string().trim().min(10),
    options: z.array(itemOptionSchema).length(4, "an item has exactly four options"),
    key: z.enum(OPTION_LETTERS, { message: "key must be one of A, B, C, D" }),
  })
  .strict();
export type ItemSource = z.infer<typeof itemSchema>;

// ── Family maps ──────────────────────────────────────────────

const memberId = z.string().regex(/^[A-Za-z0-9-]+$/, "member ids use letters, digits and dashes");
export const BOUNDARY_KINDS = ["clear", "diffuse", "rigid"] as const;
export const RELATION_TYPES = ["alliance", "coalition", "conflict", "detouring", "cutoff", "enmeshed", "affiliation"] as const;

export const familyMapSchema = z
  .object({
    title: z.string().min(3),
    caption: z.string().optional(),
    members: z
      .array(
        z
          .object({
            id: memberId,
            label: z.string().min(1),
            generation: z.number().int().min(0).max(3),
            gender: z.enum(["female", "male", "nonbinary"]).optional(),
            identifiedPatient: z.boolean().optional(),
            therapist: z.boolean().optional(),
          })
          .strict(),
      )
      .min(1),
    subsystems: z
      .array(z.object({ label: z.string().min(1), members: z.array(memberId).min(1), boundary: z.enum(BOUNDARY_KINDS) }).strict())
      .default([]),
    relations: z
      .array(
        z
          .object({
            type: z.enum(RELATION_TYPES),
            between: z.tuple([memberId, memberId]),
            against: memberId.optional(),
            through: memberId.optional(),
            style: z.enum(["attack", "support"]).optional(),
          })
          .strict(),
      )
      .default([]),
  })
  .strict()
  .superRefine((map, ctx) => {
    const ids = new Set<string>();
    map.members.forEach((m, i) => {
      if (ids.has(m.id)) ctx.addIssue({ code: "custom", path: ["members", i, "id"], message: `duplicate member id "${m.id}"` });
      ids.add(m.id);
    });
    const known = (id: string | undefined, path: (string | number)[]) => {
      if (id !== undefined && !ids.has(id)) ctx.addIssue({ code: "custom", path, message: `unknown member "${id}"` });
    };
    map.subsystems.forEach((s, i) => s.members.forEach((id, j) => known(id, ["subsystems", i, "members", j])));
    map.relations.forEach((r, i) => {
      r.between.forEach((id, j) => known(id, ["relations", i, "between", j]));
      known(r.against, ["relations", i, "against"]);
      known(r.through, ["relations", i, "through"]);
      if (r.between[0] === r.between[1]) ctx.addIssue({ code: "custom", path: ["relations", i, "between"], message: "a relation joins two different members" });
      if (r.type === "coalition" && !r.against) ctx.addIssue({ code: "custom", path: ["relations", i], message: "a coalition names the member it is against (against: <id>)" });
      if (r.type === "detouring" && (!r.through || !r.style))
        ctx.addIssue({ code: "custom", path: ["relations", i], message: "detouring names the child it runs through (through: <id>) and its style (attack | support)" });
      if (r.against && r.between.includes(r.against))
        ctx.addIssue({ code: "custom", path: ["relations", i, "against"], message: "a coalition is against a third member, not one of the pair" });
      if (r.through && r.between.includes(r.through))
        ctx.addIssue({ code: "custom", path: ["relations", i, "through"], message: "detouring runs through a third member, not one of the pair" });
      if (r.type !== "coalition" && r.against) ctx.addIssue({ code: "custom", path: ["relations", i, "against"], message: "only a coalition has 'against'" });
      if (r.type !== "detouring" && (r.through || r.style)) ctx.addIssue({ code: "custom", path: ["relations", i], message: "only detouring has 'through' and 'style'" });
    });
  });
export type FamilyMapSpec = z.infer<typeof familyMapSchema>;

// ── Blueprints ──────────────────────────────────────────────

export const blueprintSchema = z
  .object({
    id: z.string().min(1),
    name: z.string().min(1),
    effective: isoDate,
    source: z.string().min(10),
    totalItems: z.number().int().positive(),
    minutes: z.number().int().positive(),
    domains: z
      .array(z.object({ id: domainId, name: z.string().min(3), items: z.number().int().nonnegative(), share: z.number().min(0).max(1) }).strict())
      .min(1),
  })
  .strict()
  .refine((b) => b.domains.reduce((n, d) => n + d.items, 0) === b.totalItems, { message: "domain item counts must add up to totalItems" });
export type Blueprint = z.infer<typeof blueprintSchema>;
