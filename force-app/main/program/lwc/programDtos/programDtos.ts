/**
 * DTOs of the program components, declared once here and mirrored by Apex inner classes
 * (ProgramSimulatorController.*, ProgramMetricsController.*). Dates are `YYYY-MM-DD` strings;
 * Decimal fields are numbers; nullable fields say `| null`.
 */

/** ProgramSimulatorController.SimTier: a TIERED rule's tier. */
export interface SimTier {
  upTo: number | null;
  calculation: 'FLAT' | 'PERCENT';
  value: number;
}

/** ProgramSimulatorController.SimRule: a reward rule as docs/rules.md reward reads it, plus its name. */
export interface SimRule {
  id: string;
  name: string | null;
  active: boolean;
  milestone: 'SUBMITTED' | 'QUALIFIED' | 'WON';
  recipient: 'ADVOCATE' | 'REFERRED';
  rewardType: 'CASH' | 'POINTS';
  calculation: 'FLAT' | 'PERCENT' | 'TIERED';
  value: number | null;
  tiers: SimTier[] | null;
  tierMode: 'STEP' | 'MARGINAL' | null;
  minDealAmount: number | null;
  maxReward: number | null;
  startDate: string | null;
  endDate: string | null;
}

/** ProgramSimulatorController.SimReferral: a referral with its milestone dates and deal. */
export interface SimReferral {
  id: string;
  advocateId: string;
  submittedDate: string;
  qualifiedDate: string | null;
  wonDate: string | null;
  dealAmount: number | null;
  dealCurrency: string | null;
}

/** ProgramSimulatorController.SimulationData. */
export interface SimulationData {
  programId: string;
  programName: string;
  currencyCode: string;
  annualCashCapPerAdvocate: number | null;
  periodStart: string;
  periodEnd: string;
  rates: Record<string, number> | null;
  rules: SimRule[];
  referrals: SimReferral[];
  truncated: boolean;
  rowLimit: number;
}

/** ProgramMetricsController.MetricsAdvocate: an enrolled advocate. */
export interface MetricsAdvocate {
  id: string;
  enrolledDate: string;
}

/** ProgramMetricsController.MetricsReferral: a referral of the period. */
export interface MetricsReferral {
  id: string;
  advocateId: string;
  submittedDate: string;
  won: boolean;
  /** Reached QUALIFIED (won referrals did too); absent from older servers. */
  qualified?: boolean;
}

/** ProgramMetricsController.MetricsData. */
export interface MetricsData {
  programId: string;
  programName: string;
  periodStart: string;
  periodEnd: string;
  advocates: MetricsAdvocate[];
  referrals: MetricsReferral[];
  truncated: boolean;
  rowLimit: number;
}
