// Next type-checks with tsconfig.next.json, which does not include types/; this makes the jstat declaration visible there too.
/// <reference path="../../types/jstat.d.ts" />
import jStat from "jstat";
import type { Blueprint } from "@/lib/content/schema";
import { blueprintWeights } from "@/lib/exam/scoring";

// The reasoning behind every constant here is in docs/readiness.md.

/** Beta(2, 2): centred on 50%, worth four answers, so a few lucky answers cannot claim mastery. */
export const READINESS_PRIOR = { alpha: 2, beta: 2 } as const;
/** Mass of the equal-tailed credible interval. */
export const CREDIBLE_MASS = 0.9;
export const DEFAULT_HALF_LIFE_DAYS = 45;
/** Below this many effective answers overall there is no band. */
export const MIN_TOTAL_EVIDENCE = 30;
/** Every weighted domain needs at least this many effective answers. */
export const MIN_DOMAIN_EVIDENCE = 3;
/**
 * Where raw cut scores of licensing exams like this one typically fall, as a
 * proportion correct. An assumption for orientation, not AMFTRB's cut: that
 * is set per form by modified Angoff and equating.
 */
export const REFERENCE_ZONE = { low: 0.65, high: 0.75 } as const;
/** The overall estimate may sit this far above the learner's raw share correct before the explanation says why. */
export const ABOVE_RAW_NOTE = 0.02;

const DAY_MS = 86_400_000;

export type ReadinessBand = "not-enough-data" | "building" | "approaching" | "on-track";

export type ReadinessAnswer = { domain: number; correct: boolean; answeredAt: Date };

/** Proportions are on a 0–1 scale (0.72 = 72% correct). */
export type DomainReadiness = {
  domain: number;
  name: string;
  /** Blueprint share, normalised to sum 1. */
  weight: number;
  mean: number;
  lower: number;
  upper: number;
  /** Effective number of answers after recency weighting. */
  evidence: number;
  /** False when nothing in this domain has been answered: the estimate is only the prior and is not shown as a result. */
  hasAnswers: boolean;
};

export type Readiness = {
  domains: DomainReadiness[];
  /**
   * The blueprint-weighted mix over the domains the learner has answered in
   * (weights renormalised over them), so unpractised domains do not pull it
   * toward the prior's 50%; over all domains (the prior alone) without answers.
   */
  overall: { mean: number; lower: number; upper: number };
  /** The learner's own recency-weighted share correct over every answer, and how many answers that is; null without answers. */
  raw: { share: number; evidence: number } | null;
  band: ReadinessBand;
  explanation: string;
};

/** Weight of an answer `ageDays` old: halves every `halfLifeDays`; answers stamped in the future count as fresh. */
export function recencyWeight(ageDays: number, halfLifeDays: number = DEFAULT_HALF_LIFE_DAYS): number {
  return 0.5 ** (Math.max(0, ageDays) / halfLifeDays);
}

/**
 * The overall proportion correct is Σ weight × p_domain over independent
 * Beta posteriors. Its exact distribution has no closed form, so it is
 * replaced by the Beta with the same mean and variance: deterministic, a
 * handful of operations (cohort tables compute it per member), and within
 * about half a percentage point of a large Monte Carlo run on the 90% bounds
 * (checked in tests/unit/exam-readiness.test.ts).
 */
export function overallPosterior(posteriors: readonly { weight: number; alpha: number; beta: number }[]): { alpha: number; beta: number; mean: number } {
  let mean = 0;
  let variance = 0;
  for (const { weight, alpha, beta } of posteriors) {
    const n = alpha + beta;
    mean += (weight * alpha) / n;
    variance += (weight ** 2 * alpha * beta) / (n ** 2 * (n + 1));
  }
  // A mix of Betas always has variance below m(1 − m); the guard only protects against rounding.
  const concentration = Math.max((mean * (1 - mean)) / variance - 1, 1e-6);
  return { alpha: mean * concentration, beta: (1 - mean) * concentration, mean };
}

function percent(p: number): string {
  return `${Math.round(p * 100)}%`;
}

function explain(band: ReadinessBand, thinnest: string | null): string {
  const zone = `${percent(REFERENCE_ZONE.low)}–${percent(REFERENCE_ZONE.high)}`;
  switch (band) {
    case "not-enough-data":
      return `${thinnest ? `Answer more practice items, especially in ${thinnest}, so there is enough to estimate your readiness across the exam's domains.` : "Answer a few dozen practice items across the exam's domains before we estimate your readiness."} The passing score is not a fixed percentage, so even then the estimate is a guide, not a prediction.`;
    case "building":
      return `Your estimated share of correct answers is still below ${zone}, the range where passing scores for exams like this one usually fall. The AMFTRB passing score is set for each exam form rather than fixed, so use this to decide where to study next.`;
    case "approaching":
      return `Your estimated share of correct answers overlaps ${zone}, the range where passing scores for exams like this one usually fall. The AMFTRB passing score is set for each exam form rather than fixed, so keep practising until your estimate sits clearly above that range.`;
    case "on-track":
      return `Even the cautious end of your estimate is above ${zone}, the range where passing scores for exams like this one usually fall. The AMFTRB passing score is set for each exam form rather than fixed, so this is encouragement, not a guarantee.`;
  }
}

/**
 * The band for an overall interval: no band until there are enough effective
 * answers overall and in every weighted domain; then "on-track" only when the
 * whole interval clears the reference zone, "building" when it lies wholly
 * below it, and "approaching" whenever it touches the zone.
 */
export function readinessBand(
  overall: { lower: number; upper: number },
  domains: readonly { weight: number; evidence: number }[],
): ReadinessBand {
  const totalEvidence = domains.reduce((acc, d) => acc + d.evidence, 0);
  if (totalEvidence < MIN_TOTAL_EVIDENCE) return "not-enough-data";
  if (domains.some((d) => d.weight > 0 && d.evidence < MIN_DOMAIN_EVIDENCE)) return "not-enough-data";
  if (overall.lower > REFERENCE_ZONE.high) return "on-track";
  if (overall.upper < REFERENCE_ZONE.low) return "building";
  return "approaching";
}

/**
 * A readiness estimate per blueprint domain and overall, from the learner's
 * answers. Each domain is a Beta-Binomial with a Beta(2, 2) prior whose
 * successes and failures are recency-weighted counts; the overall proportion
 * is the blueprint-weighted mix of the domain posteriors, its 90% interval from
 * a moment-matched Beta. The band compares that interval with a reference
 * zone for the cut; it is never a pass probability. Proportions are 0–1.
 */
export function estimateReadiness({
  answers,
  blueprint,
  now,
  halfLifeDays = DEFAULT_HALF_LIFE_DAYS,
}: {
  answers: readonly ReadinessAnswer[];
  blueprint: Blueprint;
  now: Date;
  halfLifeDays?: number;
}): Readiness {
  if (!(halfLifeDays > 0) || !Number.isFinite(halfLifeDays)) throw new RangeError(`halfLifeDays must be a positive number, got ${halfLifeDays}`);

  const counts = new Map<number, { successes: number; failures: number }>(blueprint.domains.map((d) => [d.id, { successes: 0, failures: 0 }]));
  for (const answer of answers) {
    const row = counts.get(answer.domain);
    // Answers from domains the blueprint does not list have no weight in the exam.
    if (!row) continue;
    const w = recencyWeight((now.getTime() - answer.answeredAt.getTime()) / DAY_MS, halfLifeDays);
    if (answer.correct) row.successes += w;
    else row.failures += w;
  }

  const weights = blueprintWeights(blueprint);
  const lowerP = (1 - CREDIBLE_MASS) / 2;
  const posteriors = [...blueprint.domains]
    .sort((a, b) => a.id - b.id)
    .map((d) => {
      const { successes, failures } = counts.get(d.id) ?? { successes: 0, failures: 0 };
      const alpha = READINESS_PRIOR.alpha + successes;
      const beta = READINESS_PRIOR.beta + failures;
      return { domain: d.id, name: d.name, weight: weights.get(d.id) ?? 0, alpha, beta, evidence: successes + failures };
    });

  const domains: DomainReadiness[] = posteriors.map(({ domain, name, weight, alpha, beta, evidence }) => ({
    domain,
    name,
    weight,
    mean: alpha / (alpha + beta),
    lower: jStat.beta.inv(lowerP, alpha, beta),
    upper: jStat.beta.inv(1 - lowerP, alpha, beta),
    evidence,
    hasAnswers: evidence > 0,
  }));

  const answered = posteriors.filter((p) => p.evidence > 0 && p.weight > 0);
  const answeredWeight = answered.reduce((acc, p) => acc + p.weight, 0);
  const mixed = overallPosterior(answered.length > 0 ? answered.map((p) => ({ ...p, weight: p.weight / answeredWeight })) : posteriors);
  const overall = {
    mean: mixed.mean,
    lower: jStat.beta.inv(lowerP, mixed.alpha, mixed.beta),
    upper: jStat.beta.inv(1 - lowerP, mixed.alpha, mixed.beta),
  };

  const band = readinessBand(overall, domains);
  const thinnest = domains.filter((d) => d.weight > 0 && d.evidence < MIN_DOMAIN_EVIDENCE).sort((a, b) => a.evidence - b.evidence || b.weight - a.weight)[0];

  const successes = [...counts.values()].reduce((acc, c) => acc + c.successes, 0);
  const evidence = [...counts.values()].reduce((acc, c) => acc + c.successes + c.failures, 0);
  const raw = evidence > 0 ? { share: successes / evidence, evidence } : null;
  let explanation = explain(band, thinnest?.name ?? null);
  if (raw !== null && overall.mean > raw.share + ABOVE_RAW_NOTE) {
    explanation += ` The estimate (${percent(overall.mean)}) is above your raw ${percent(raw.share)} correct because each estimate starts from 50% and moves to your own results as answers accumulate, and because domains count by their weight on the exam.`;
  }

  return { domains, overall, raw, band, explanation };
}
