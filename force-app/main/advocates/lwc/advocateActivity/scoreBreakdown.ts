/**
 * The parts of an advocate's score (docs/rules.md section 3), each computed by the engine's `score`:
 * a part is the score with only that weight kept and the multiplier pinned to 1, so decay and
 * rounding are the engine's own. The multiplier is docs/rules.md's clamp(((w + k·p0) / (s + k)) / p0).
 */
import { score } from 'c/referralEngine';
import type { ScoreReferral, ScoreWeights } from 'c/referralEngine';
import type { ActivityReferral } from 'c/advocateDtos';

export interface ScoreBreakdown {
  submittedPart: number;
  qualifiedPart: number;
  wonPart: number;
  base: number;
  multiplier: number;
  score: number;
  submitted: number;
  qualified: number;
  won: number;
}

const ZERO = { submitted: 0, qualified: 0, won: 0, revenuePer1000: 0 };

export function toScoreReferrals(
  advocateId: string,
  referrals: ActivityReferral[]
): ScoreReferral[] {
  const rows: ScoreReferral[] = [];
  for (const referral of referrals) {
    if (!referral.submittedDate) continue;
    rows.push({
      advocateId,
      submittedDate: referral.submittedDate,
      qualifiedDate: referral.qualifiedDate,
      wonDate: referral.wonDate,
      wonAmount: referral.wonAmount
    });
  }
  return rows;
}

/** The breakdown, or null when the advocate has no referral to score. */
export function breakdown(
  asOf: string,
  weights: ScoreWeights,
  referrals: ScoreReferral[]
): ScoreBreakdown | null {
  if (referrals.length === 0) return null;
  const part = (kept: Partial<ScoreWeights>): number =>
    score({
      asOf,
      weights: { ...weights, ...ZERO, ...kept, minMultiplier: 1, maxMultiplier: 1 },
      referrals
    })[0].score;
  const full = score({ asOf, weights, referrals })[0];
  const submittedPart = part({ submitted: weights.submitted });
  const qualifiedPart = part({ qualified: weights.qualified });
  const wonPart = part({ won: weights.won, revenuePer1000: weights.revenuePer1000 });
  const p0 = weights.priorConversion;
  const k = weights.priorStrength;
  const raw = (full.won + k * p0) / (full.submitted + k) / p0;
  const multiplier = Math.min(Math.max(raw, weights.minMultiplier), weights.maxMultiplier);
  return {
    submittedPart,
    qualifiedPart,
    wonPart,
    base: Math.round((submittedPart + qualifiedPart + wonPart) * 100) / 100,
    multiplier: Math.round(multiplier * 100) / 100,
    score: full.score,
    submitted: full.submitted,
    qualified: full.qualified,
    won: full.won
  };
}
