/**
 * `c/referralEngine`: the TypeScript rules engine of docs/rules.md. Seven pure decisions with
 * exact decimal money; the Apex `RulesEngine` makes the same decisions on the server, and the
 * conformance vectors (static resource `ReferralRulesVectors`) prove the two agree.
 */
export { ReferralEngineError } from './errors';
export type { ReferralEngineErrorCode } from './errors';
export { reward } from './reward';
export { clawback } from './clawback';
export { score } from './score';
export { route } from './route';
export { screen, normaliseEmail } from './screen';
export { metrics } from './metrics';
export { propensity } from './propensity';
export { dayNumber, isCalendarDate } from './dates';
export type {
  Calculation,
  CashRewardDecision,
  ClawbackAction,
  ClawbackInput,
  DateString,
  LedgerReward,
  MetricsInput,
  MetricsResult,
  Milestone,
  PointsRewardDecision,
  PropensityBand,
  PropensityBreakdown,
  PropensityContact,
  PropensityInput,
  PropensityReason,
  PropensityRow,
  Recipient,
  RewardDecision,
  RewardInput,
  RewardStatus,
  RewardType,
  Route,
  RouteInput,
  RouteResult,
  RoutingPolicy,
  Rule,
  ScoreInput,
  ScoreReferral,
  ScoreRow,
  ScoreWeights,
  ScreenInput,
  ScreenReason,
  ScreenResult,
  Tier,
  TierCalculation,
  TierMode,
  TopShare,
  Verdict
} from './types';
