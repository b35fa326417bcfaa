/**
 * Classical item analysis of one assignment: how hard each item was
 * (facility), whether it separates stronger from weaker members
 * (discrimination), how the options were chosen, and flags for items an
 * instructor should look at. Pure: the caller passes each member's first
 * completed attempt.
 */

export interface ItemResponse {
  memberId: string;
  itemId: string;
  /** Index of the option chosen, null when the member left the item unanswered. */
  chosen: number | null;
  correct: boolean;
}

export interface AnalysedItemInput {
  id: string;
  keyIndex: number;
  /** Defaults to 4 (A–D). */
  optionCount?: number;
}

export type ItemFlag = "possible-miskey" | "non-discriminating" | "too-easy" | "too-hard" | "weak-distractor";

export interface ItemAnalysis {
  itemId: string;
  keyIndex: number;
  /** Members who were given the item (answered or left it blank). */
  n: number;
  /** Members who answered it correctly. */
  correct: number;
  /** Proportion correct (p); an omitted item counts as wrong. Null when n = 0. */
  facility: number | null;
  /**
   * Corrected point-biserial: the correlation between getting this item right
   * and the member's score on the other items of the assignment. Null when
   * either has no variance (everyone right, or everyone with the same rest score).
   */
  pointBiserial: number | null;
  /** Facility in the upper 27% by total score minus facility in the lower 27% (D). Null when the groups are too small. */
  upperLower: number | null;
  upperFacility: number | null;
  lowerFacility: number | null;
  /** Size of each group among those given the item (fractional when members tie at the cut; see upperLowerWeights). */
  upperN: number;
  lowerN: number;
  /** How many chose each option, in option order. */
  optionCounts: number[];
  omitted: number;
  upperOptionCounts: number[];
  lowerOptionCounts: number[];
  /** For each option, the correlation between choosing it and the rest score (for the key, equal to pointBiserial). */
  optionPointBiserials: (number | null)[];
  flags: ItemFlag[];
}

/**
 * Share of members in each of the upper and lower groups. 27% is Kelley's
 * (1939) value: it makes the two groups as different as possible while
 * keeping them large enough to estimate from.
 */
export const UPPER_LOWER_SHARE = 0.27;
/** Groups of fewer members than this give no upper−lower index (fewer than 6 members in all). */
export const UPPER_LOWER_MIN_GROUP = 2;
/**
 * Statistics are shown for any number of responses, but items are only
 * flagged from this many on: below it one member changes p by more than 0.1
 * and the correlations swing wildly.
 */
export const FLAG_MIN_RESPONSES = 10;
/**
 * Facility above this: nearly everyone gets it right, so it tells little
 * apart. 0.30–0.90 is the usual rule-of-thumb range for a four-option
 * item in classical item analysis (the chance level is 0.25).
 */
export const TOO_EASY_FACILITY = 0.9;
export const TOO_HARD_FACILITY = 0.3;
/** A distractor chosen by fewer than this share of members is flagged… */
export const WEAK_DISTRACTOR_SHARE = 0.05;
/** …once at least this many members were given the item. */
export const WEAK_DISTRACTOR_MIN_RESPONSES = 30;
/**
 * Corrected point-biserial below this: the item barely agrees with the rest
 * of the assignment. 0.20 is the common "acceptable" line for rpb; 0.15 is
 * used here because cohorts are small and the estimate is noisy, so only
 * clearly weak items are flagged.
 */
export const MIN_POINT_BISERIAL = 0.15;
/**
 * Upper−lower index below this: non-discriminating. Ebel & Frisbie (1991)
 * call D ≥ 0.40 very good, 0.30–0.39 reasonably good, 0.20–0.29 marginal and
 * below 0.20 poor; 0.10 flags only the clearly poor, for the same reason as
 * MIN_POINT_BISERIAL.
 */
export const MIN_UPPER_LOWER = 0.1;

const DEFAULT_OPTION_COUNT = 4;

/** Pearson correlation of two equally long series; null when either has no variance or n < 2. */
export function pearson(x: readonly number[], y: readonly number[]): number | null {
  const n = Math.min(x.length, y.length);
  if (n < 2) return null;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    sx += x[i]!;
    sy += y[i]!;
  }
  const mx = sx / n;
  const my = sy / n;
  let cov = 0;
  let vx = 0;
  let vy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - mx;
    const dy = y[i]! - my;
    cov += dx * dy;
    vx += dx * dx;
    vy += dy * dy;
  }
  // Sums of squares of identical values can come out as tiny non-zeros.
  if (vx < 1e-12 || vy < 1e-12) return null;
  return cov / Math.sqrt(vx * vy);
}

/**
 * Membership weights of the upper or lower group: `size` members, taken in
 * order of total score. Members tied at the cut share the places left
 * equally (each gets places ÷ tied), so the result does not depend on the
 * order of the input and a group never holds more than its size. With
 * scores 9, 8, 8, 8, 5 and size 2, the 9 has weight 1 and each 8 has 1/3.
 */
export function upperLowerWeights(totals: ReadonlyMap<string, number>, size: number, group: "upper" | "lower"): Map<string, number> {
  const byScore = new Map<number, string[]>();
  for (const [member, total] of totals) byScore.set(total, [...(byScore.get(total) ?? []), member]);
  const scores = [...byScore.keys()].sort((a, b) => (group === "upper" ? b - a : a - b));
  const weights = new Map<string, number>();
  let places = size;
  for (const score of scores) {
    if (places <= 0) break;
    const members = byScore.get(score)!;
    const weight = members.length <= places ? 1 : places / members.length;
    for (const member of members) weights.set(member, weight);
    places -= members.length * weight;
  }
  return weights;
}

// Fractional counts (from ties) are rounded so 1/3 + 1/3 + 1/3 prints as 1.
const tidy = (value: number) => Math.round(value * 1e9) / 1e9;

/**
 * Analyses each item of an assignment from its members' responses.
 *
 * - A member's total is the number of items they got right among `items`
 *   (responses to other items are ignored); only the first response per
 *   member and item counts, as the caller passes first attempts.
 * - A chosen index outside the item's options counts as omitted.
 * - Upper and lower groups are the top and bottom round(27% × members) by
 *   total, over every member with a response; ties at a cut share the places
 *   (see upperLowerWeights), so option counts in the groups may be
 *   fractional.
 * - Flags need at least FLAG_MIN_RESPONSES responses:
 *   too-easy (facility > 0.9), too-hard (< 0.3), non-discriminating
 *   (point-biserial < 0.15 or upper−lower < 0.1), possible-miskey (a
 *   distractor chosen by a larger share of the upper group than the key,
 *   or with a positive correlation with the rest score above the key's).
 *
 * Returns one analysis per item, in the order of `items`.
 */
export function analyseItems(responses: readonly ItemResponse[], items: readonly AnalysedItemInput[]): ItemAnalysis[] {
  const known = new Set(items.map((i) => i.id));
  const byItem = new Map<string, Map<string, ItemResponse>>(items.map((i) => [i.id, new Map()]));
  const totals = new Map<string, number>();
  for (const response of responses) {
    if (!known.has(response.itemId)) continue;
    const forItem = byItem.get(response.itemId)!;
    if (forItem.has(response.memberId)) continue;
    forItem.set(response.memberId, response);
    totals.set(response.memberId, (totals.get(response.memberId) ?? 0) + (response.correct ? 1 : 0));
  }

  const groupSize = Math.round(UPPER_LOWER_SHARE * totals.size);
  const groupsUsable = groupSize >= UPPER_LOWER_MIN_GROUP;
  const upper = upperLowerWeights(totals, groupsUsable ? groupSize : 0, "upper");
  const lower = upperLowerWeights(totals, groupsUsable ? groupSize : 0, "lower");

  return items.map((item) => {
    const optionCount = item.optionCount ?? DEFAULT_OPTION_COUNT;
    const answered = [...byItem.get(item.id)!.values()];
    const validChoice = (r: ItemResponse) => (r.chosen !== null && Number.isInteger(r.chosen) && r.chosen >= 0 && r.chosen < optionCount ? r.chosen : null);

    const optionCounts = new Array<number>(optionCount).fill(0);
    const upperOptionCounts = new Array<number>(optionCount).fill(0);
    const lowerOptionCounts = new Array<number>(optionCount).fill(0);
    let omitted = 0;
    let correct = 0;
    let upperN = 0;
    let lowerN = 0;
    let upperCorrect = 0;
    let lowerCorrect = 0;
    for (const r of answered) {
      const choice = validChoice(r);
      const wUpper = upper.get(r.memberId) ?? 0;
      const wLower = lower.get(r.memberId) ?? 0;
      if (r.correct) correct++;
      upperN += wUpper;
      lowerN += wLower;
      if (r.correct) {
        upperCorrect += wUpper;
        lowerCorrect += wLower;
      }
      if (choice === null) {
        omitted++;
        continue;
      }
      optionCounts[choice]! += 1;
      upperOptionCounts[choice]! += wUpper;
      lowerOptionCounts[choice]! += wLower;
    }

    const n = answered.length;
    const facility = n === 0 ? null : correct / n;
    const itemScores = answered.map((r) => (r.correct ? 1 : 0));
    const restScores = answered.map((r) => totals.get(r.memberId)! - (r.correct ? 1 : 0));
    const pointBiserial = pearson(itemScores, restScores);
    const optionPointBiserials = Array.from({ length: optionCount }, (_, option) =>
      option === item.keyIndex
        ? pointBiserial
        : pearson(
            answered.map((r) => (validChoice(r) === option ? 1 : 0)),
            restScores,
          ),
    );
    const upperFacility = groupsUsable && upperN > 0 ? upperCorrect / upperN : null;
    const lowerFacility = groupsUsable && lowerN > 0 ? lowerCorrect / lowerN : null;
    const upperLower = upperFacility !== null && lowerFacility !== null ? tidy(upperFacility - lowerFacility) : null;

    const flags: ItemFlag[] = [];
    if (n >= FLAG_MIN_RESPONSES && facility !== null) {
      const keyUpper = upperOptionCounts[item.keyIndex] ?? 0;
      const miskeyed = upperOptionCounts.some((count, option) => {
        if (option === item.keyIndex) return false;
        const chosenMoreByUpper = upperFacility !== null && count > keyUpper;
        const rpb = optionPointBiserials[option] ?? null;
        const correlatesBetter = rpb !== null && rpb > 0 && (pointBiserial === null || rpb > pointBiserial);
        return chosenMoreByUpper || correlatesBetter;
      });
      if (miskeyed) flags.push("possible-miskey");
      if ((pointBiserial !== null && pointBiserial < MIN_POINT_BISERIAL) || (upperLower !== null && upperLower < MIN_UPPER_LOWER)) flags.push("non-discriminating");
      if (facility > TOO_EASY_FACILITY) flags.push("too-easy");
      if (facility < TOO_HARD_FACILITY) flags.push("too-hard");
    }
    // A distractor almost nobody picks does no work; judged only once enough members have answered for 5% to mean something.
    if (n >= WEAK_DISTRACTOR_MIN_RESPONSES && optionCounts.some((count, option) => option !== item.keyIndex && count / n < WEAK_DISTRACTOR_SHARE)) flags.push("weak-distractor");

    return {
      itemId: item.id,
      keyIndex: item.keyIndex,
      n,
      correct,
      facility,
      pointBiserial,
      upperLower,
      upperFacility,
      lowerFacility,
      upperN: tidy(upperN),
      lowerN: tidy(lowerN),
      optionCounts,
      omitted,
      upperOptionCounts: upperOptionCounts.map(tidy),
      lowerOptionCounts: lowerOptionCounts.map(tidy),
      optionPointBiserials,
      flags,
    };
  });
}
