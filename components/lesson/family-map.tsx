import { familyMapSchema, type FamilyMapSpec } from "@/lib/content/schema";
import {
  BOUNDARY_DASH,
  BOUNDARY_WIDTH,
  LABEL_FONT_SIZE,
  SMALL_FONT_SIZE,
  describeFamilyMap,
  layoutFamilyMap,
  legendFor,
  relationSwatch,
  shapePath,
  type LegendEntry,
  type MemberShape,
  type RelationGlyph,
  type RelationType,
  type StrokePath,
  type TextLabel,
} from "@/lib/content/family-map-layout";

// Each relation keeps a distinct line shape; colour only reinforces it.
const RELATION_COLOUR: Record<RelationType, string> = {
  alliance: "text-emerald-700 dark:text-emerald-400",
  coalition: "text-violet-700 dark:text-violet-300",
  conflict: "text-red-700 dark:text-red-400",
  detouring: "text-amber-700 dark:text-amber-400",
  cutoff: "text-slate-600 dark:text-slate-300",
  enmeshed: "text-blue-700 dark:text-blue-300",
  affiliation: "text-cyan-700 dark:text-cyan-300",
};
const INK = "text-slate-800 dark:text-slate-100";
const PAPER = "fill-white dark:fill-slate-900";
const HALO = "stroke-white dark:stroke-slate-900";
const BOUNDARY_INK = "text-slate-500 dark:text-slate-400";

type ParsedMap = { ok: true; spec: FamilyMapSpec } | { ok: false; problems: string[] };

/** Reads the JSON the remark plugin puts in the `spec` prop; problems are returned, never thrown. */
export function parseFamilyMapSpec(json: string): ParsedMap {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return { ok: false, problems: ["The map data is not valid JSON."] };
  }
  const result = familyMapSchema.safeParse(raw);
  if (result.success) return { ok: true, spec: result.data };
  return { ok: false, problems: result.error.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message)) };
}

/** FNV-1a: a stable id per map so server renders are reproducible (no random ids). */
function familyMapId(json: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < json.length; i++) {
    hash ^= json.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `family-map-${(hash >>> 0).toString(36)}`;
}

export function FamilyMap({ spec }: { spec: string }) {
  const parsed = parseFamilyMapSpec(spec);
  if (!parsed.ok) return <FamilyMapError problems={parsed.problems} />;
  const map = parsed.spec;
  const layout = layoutFamilyMap(map);
  const sentences = describeFamilyMap(map);
  const legend = legendFor(map);
  const id = familyMapId(spec);
  const { x, y, width, height } = layout.viewBox;

  return (
    <figure className="my-8 rounded-xl border border-slate-200 bg-white p-4 text-slate-900 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100">
      <figcaption className="mb-3">
        <span className="block font-semibold">{map.title}</span>
        {map.caption ? <span className="mt-1 block text-sm text-slate-700 dark:text-slate-300">{map.caption}</span> : null}
      </figcaption>
      {/* Wide maps scroll inside this box rather than the page; tabIndex lets keyboard users scroll it. */}
      <div
        className="overflow-x-auto rounded-lg focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600"
        tabIndex={0}
        role="group"
        aria-label={`${map.title} (map)`}
      >
        <svg
          viewBox={`${x} ${y} ${width} ${height}`}
          role="img"
          aria-labelledby={`${id}-title ${id}-desc`}
          className="mx-auto block h-auto w-full"
          style={{ maxWidth: Math.round(width * 1.3), minWidth: Math.round(width * 0.72) }}
          fontFamily="inherit"
        >
          <title id={`${id}-title`}>{map.title}</title>
          <desc id={`${id}-desc`}>{sentences.join(" ")}</desc>
          <g className={BOUNDARY_INK} fill="none">
            {layout.subsystems.map((s, i) => (
              <Stroke key={i} stroke={s.stroke} />
            ))}
          </g>
          {layout.relations.map((r) => (
            <Glyph key={r.index} glyph={r} className={RELATION_COLOUR[r.type]} />
          ))}
          <g className={INK}>
            {layout.members.map((m) => (
              <g key={m.id}>
                {m.outlines.map((d, i) => (
                  <path key={i} d={d} className={PAPER} stroke="currentColor" strokeWidth={i === 0 ? 2.25 : 1.5} fillOpacity={i === 0 ? 1 : 0} />
                ))}
                {m.badge ? (
                  <g>
                    <rect
                      x={m.badge.x}
                      y={m.badge.y}
                      width={m.badge.width}
                      height={m.badge.height}
                      rx={4}
                      className="fill-slate-800 dark:fill-slate-100"
                    />
                    <text
                      x={m.badge.text.x}
                      y={m.badge.text.y}
                      textAnchor="middle"
                      fontSize={10}
                      fontWeight={700}
                      className="fill-white dark:fill-slate-900"
                    >
                      {m.badge.text.text}
                    </text>
                  </g>
                ) : null}
              </g>
            ))}
          </g>
          {layout.subsystems.map((s, i) => (
            <HaloText key={i} label={s.title} size={SMALL_FONT_SIZE} className="fill-slate-600 dark:fill-slate-300" weight={600} />
          ))}
          {layout.members.flatMap((m) =>
            m.labelLines.map((l, i) => <HaloText key={`${m.id}-${i}`} label={l} size={LABEL_FONT_SIZE} className="fill-slate-900 dark:fill-slate-100" />),
          )}
          {layout.relations.flatMap((r) =>
            r.labels.map((l, i) => (
              <g key={`${r.index}-${i}`} className={RELATION_COLOUR[r.type]}>
                <HaloText label={l} size={SMALL_FONT_SIZE} className="fill-current" weight={600} />
              </g>
            )),
          )}
        </svg>
      </div>
      <FamilyMapLegend entries={legend} headingId={`${id}-key`} />
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer font-medium text-sky-800 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 dark:text-sky-300">
          Text description
        </summary>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-slate-800 dark:text-slate-200">
          {sentences.map((s, i) => (
            <li key={i}>{s}</li>
          ))}
        </ul>
      </details>
    </figure>
  );
}

function Stroke({ stroke }: { stroke: StrokePath }) {
  return (
    <path
      d={stroke.d}
      fill="none"
      stroke="currentColor"
      strokeWidth={stroke.width}
      strokeDasharray={stroke.dash}
      strokeLinecap="round"
      strokeLinejoin="round"
    />
  );
}

function Glyph({ glyph, className }: { glyph: RelationGlyph; className: string }) {
  return (
    <g className={className}>
      {glyph.lines.map((l, i) => (
        <Stroke key={i} stroke={l} />
      ))}
      {glyph.arrowheads.map((d, i) => (
        <path key={`a${i}`} d={d} fill="currentColor" />
      ))}
    </g>
  );
}

/** Text with a background-coloured outline so it stays legible where lines pass under it. */
function HaloText({ label, size, className, weight }: { label: TextLabel; size: number; className: string; weight?: number }) {
  return (
    <text
      x={label.x}
      y={label.y}
      textAnchor={label.anchor ?? "middle"}
      fontSize={size}
      fontWeight={weight}
      className={`${className} ${HALO}`}
      strokeWidth={4}
      strokeLinejoin="round"
      paintOrder="stroke"
    >
      {label.text}
    </text>
  );
}

function FamilyMapLegend({ entries, headingId }: { entries: LegendEntry[]; headingId: string }) {
  if (entries.length === 0) return null;
  return (
    <div className="mt-3 border-t border-slate-200 pt-3 dark:border-slate-700">
      <p id={headingId} className="mb-1.5 text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-300">
        Key
      </p>
      <ul className="grid gap-x-6 gap-y-1.5 text-sm text-slate-800 sm:grid-cols-2 dark:text-slate-200" aria-labelledby={headingId}>
        {entries.map((e) => (
          <li key={`${e.kind}-${e.key}`} className="flex items-center gap-2">
            <LegendSwatch entry={e} />
            <span>{e.label}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function LegendSwatch({ entry }: { entry: LegendEntry }) {
  return (
    <svg width={44} height={20} viewBox="0 0 44 20" aria-hidden="true" focusable="false" className="shrink-0">
      {entry.kind === "relation" ? <Glyph glyph={relationSwatch(entry.key)} className={RELATION_COLOUR[entry.key]} /> : null}
      {entry.kind === "boundary" ? (
        <g className={BOUNDARY_INK}>
          <Stroke
            stroke={{
              d: "M5 3 H39 A2 2 0 0 1 41 5 V15 A2 2 0 0 1 39 17 H5 A2 2 0 0 1 3 15 V5 A2 2 0 0 1 5 3 Z",
              width: BOUNDARY_WIDTH[entry.key],
              ...(BOUNDARY_DASH[entry.key] ? { dash: BOUNDARY_DASH[entry.key] } : {}),
            }}
          />
        </g>
      ) : null}
      {entry.kind === "member" ? <MemberSwatch entryKey={entry.key} /> : null}
    </svg>
  );
}

type MemberLegendKey = Extract<LegendEntry, { kind: "member" }>["key"];

const LEGEND_SHAPE: Record<MemberLegendKey, MemberShape> = {
  female: "circle",
  male: "square",
  nonbinary: "diamond",
  unspecified: "rounded-square",
  therapist: "hexagon",
  "identified-patient": "circle",
};

function MemberSwatch({ entryKey }: { entryKey: MemberLegendKey }) {
  const shape = LEGEND_SHAPE[entryKey];
  const outlines = entryKey === "identified-patient" ? [shapePath(shape, 22, 10, 5.5), shapePath(shape, 22, 10, 8.5)] : [shapePath(shape, 22, 10, 7.5)];
  return (
    <g className={INK}>
      {outlines.map((d, i) => (
        <path key={i} d={d} fill="none" stroke="currentColor" strokeWidth={1.75} />
      ))}
    </g>
  );
}

function FamilyMapError({ problems }: { problems: string[] }) {
  return (
    <div className="my-6 rounded-lg border-2 border-red-700 bg-red-50 p-4 text-sm text-red-900 dark:border-red-400 dark:bg-red-950 dark:text-red-100">
      <p className="font-semibold">This family map could not be drawn.</p>
      <ul className="mt-2 list-disc pl-5">
        {problems.map((p, i) => (
          <li key={i}>{p}</li>
        ))}
      </ul>
    </div>
  );
}
