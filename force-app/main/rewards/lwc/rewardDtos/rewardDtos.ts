/**
 * What RewardCalculatorController returns, declared once for the components and the local preview.
 * Mirrored by the Apex inner classes of RewardCalculatorController (same names, @AuraEnabled fields).
 */

/** The opportunity behind the deal (Opportunity fields; currency from CurrencyIsoCode or the org). */
export interface DealInfo {
  opportunityId: string;
  name: string;
  amount: number | null;
  currencyCode: string;
  stageName: string;
  isClosed: boolean;
  isWon: boolean;
}

/** The referral linked to the opportunity. `milestone` is the RULES.md milestone reached. */
export interface ReferralInfo {
  id: string;
  name: string;
  status: string | null;
  milestone: 'SUBMITTED' | 'QUALIFIED' | 'WON';
  referredName: string | null;
  referredCompany: string | null;
}

/** The advocate who made the referral. */
export interface AdvocateInfo {
  id: string;
  name: string;
  contactName: string | null;
  accountName: string | null;
  status: string | null;
}

/** The program whose rules decide the rewards. */
export interface ProgramInfo {
  id: string;
  name: string;
  currencyCode: string;
  annualCashCapPerAdvocate: number | null;
}

/** One active Reward_Rule__c, in the engine's field names; `tiersJson` is Tiers_JSON__c as stored. */
export interface RuleInfo {
  id: string;
  name: string;
  active: boolean;
  milestone: 'SUBMITTED' | 'QUALIFIED' | 'WON';
  recipient: 'ADVOCATE' | 'REFERRED';
  rewardType: 'CASH' | 'POINTS';
  calculation: 'FLAT' | 'PERCENT' | 'TIERED';
  value: number | null;
  tiersJson: string | null;
  tierMode: 'STEP' | 'MARGINAL' | null;
  minDealAmount: number | null;
  maxReward: number | null;
  startDate: string | null;
  endDate: string | null;
}

/** One ledger row (Reward__c) of the referral. */
export interface RewardRow {
  id: string;
  name: string;
  key: string | null;
  entryType: string | null;
  milestone: string | null;
  recipient: string | null;
  rewardType: string | null;
  amount: number | null;
  currencyCode: string | null;
  points: number | null;
  status: string | null;
  capped: boolean;
}

/** One reward the rules would issue (RULES.md `reward` decision, with the rule's name). */
export interface RewardProjection {
  key: string;
  ruleId: string;
  ruleName: string | null;
  milestone: 'SUBMITTED' | 'QUALIFIED' | 'WON';
  recipient: 'ADVOCATE' | 'REFERRED';
  rewardType: 'CASH' | 'POINTS';
  amount: number | null;
  currencyCode: string | null;
  points: number | null;
  capped: boolean;
}

/** RewardCalculatorController.getCalculatorData. */
export interface CalculatorData {
  /** False when the opportunity has no referral: `message` says so, nothing else is set. */
  hasReferral: boolean;
  message: string | null;
  deal: DealInfo | null;
  referral: ReferralInfo | null;
  advocate: AdvocateInfo | null;
  program: ProgramInfo | null;
  rules: RuleInfo[];
  /** CurrencyType.ConversionRate by ISO code; empty in a single-currency org. */
  rates: Record<string, number>;
  /** Idempotency keys already in the ledger: never projected again. */
  existingKeys: string[];
  advocateCashYtd: number;
  /** The day the projection is made for (`YYYY-MM-DD`, the server's today). */
  today: string;
  rewards: RewardRow[];
  /** The server's (authoritative) projection for the current amount, through WON. */
  projected: RewardProjection[];
  /** Why the server could not project (an engine error sentence), or null. */
  projectionError: string | null;
}
