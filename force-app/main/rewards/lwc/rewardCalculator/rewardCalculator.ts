import { LightningElement, api, wire } from 'lwc';
import OPPORTUNITY from '@salesforce/schema/Opportunity';
import getCalculatorData from '@salesforce/apex/RewardCalculatorController.getCalculatorData';
import { reward, ReferralEngineError } from 'c/referralEngine';
import type { RewardDecision, RewardInput, Rule } from 'c/referralEngine';
import type { CalculatorData, RewardProjection, RewardRow, RuleInfo } from 'c/rewardDtos';
import {
  formatCurrency,
  formatEditableNumber,
  formatLabel,
  formatNumber,
  numberExample,
  parseNumber
} from 'c/localization';
import { picklistLabel } from 'c/picklistLabels';
import TITLE from '@salesforce/label/c.Rewards_Calc_Title';
import LOADING from '@salesforce/label/c.Rewards_Calc_Loading';
import LOAD_FAILED from '@salesforce/label/c.Rewards_Calc_Load_Failed';
import REFERRAL from '@salesforce/label/c.Rewards_Calc_Referral';
import REFERRED from '@salesforce/label/c.Rewards_Calc_Referred';
import ADVOCATE from '@salesforce/label/c.Rewards_Calc_Advocate';
import PROGRAM from '@salesforce/label/c.Rewards_Calc_Program';
import DEAL_AMOUNT from '@salesforce/label/c.Rewards_Calc_Deal_Amount';
import STILL_TO_COME from '@salesforce/label/c.Rewards_Calc_Still_To_Come';
import NO_FURTHER from '@salesforce/label/c.Rewards_Calc_No_Further';
import WHAT_IF_HELP from '@salesforce/label/c.Rewards_Calc_What_If_Help';
import RESET from '@salesforce/label/c.Rewards_Calc_Reset';
import RESET_TITLE from '@salesforce/label/c.Rewards_Calc_Reset_Title';
import WHAT_IF_TABLE from '@salesforce/label/c.Rewards_Calc_What_If_Table';
import TOTAL from '@salesforce/label/c.Rewards_Calc_Total';
import NO_REWARDS_AMOUNT from '@salesforce/label/c.Rewards_Calc_No_Rewards_Amount';
import LEDGER from '@salesforce/label/c.Rewards_Calc_Ledger';
import NO_LEDGER from '@salesforce/label/c.Rewards_Calc_No_Ledger';
import RECIPIENT_ADVOCATE from '@salesforce/label/c.Rewards_Calc_Recipient_Advocate';
import RECIPIENT_REFERRED from '@salesforce/label/c.Rewards_Calc_Recipient_Referred';
import WRONG_PAGE from '@salesforce/label/c.Rewards_Calc_Wrong_Page';
import NEGATIVE from '@salesforce/label/c.Rewards_Calc_Negative';
import NOT_A_NUMBER from '@salesforce/label/c.Rewards_Calc_Not_A_Number';
import CASH from '@salesforce/label/c.Rewards_Calc_Cash';
import AND from '@salesforce/label/c.Rewards_Calc_And';
import NOTHING from '@salesforce/label/c.Rewards_Calc_Nothing';
import POINTS from '@salesforce/label/c.Rewards_Calc_Points';
import BAD_TIERS from '@salesforce/label/c.Rewards_Calc_Bad_Tiers';
import NO_AMOUNT from '@salesforce/label/c.Rewards_Calc_No_Amount';
import WHAT_IF_LABEL from '@salesforce/label/c.Rewards_Calc_What_If_Label';
import { engineErrorFromText, engineErrorMessage } from 'c/engineMessages';
import COL_MILESTONE from '@salesforce/label/c.Rewards_Calc_Col_Milestone';
import COL_RULE from '@salesforce/label/c.Rewards_Calc_Col_Rule';
import COL_RECIPIENT from '@salesforce/label/c.Rewards_Calc_Col_Recipient';
import COL_REWARD from '@salesforce/label/c.Rewards_Calc_Col_Reward';
import COL_CAPPED from '@salesforce/label/c.Rewards_Calc_Col_Capped';
import COL_VALUE from '@salesforce/label/c.Rewards_Calc_Col_Value';
import COL_STATUS from '@salesforce/label/c.Rewards_Calc_Col_Status';

/** One row of the projection table. */
interface ProjectionRow {
  key: string;
  milestone: string;
  ruleName: string;
  recipient: string;
  value: string;
  capped: string;
}

/** One row of the ledger table. */
interface LedgerRow {
  id: string;
  name: string;
  milestone: string;
  recipient: string;
  value: string;
  status: string;
}

/** The what-if result: table rows, a problem sentence, and the total. */
interface WhatIfResult {
  rows: ProjectionRow[];
  problem: string | null;
  total: string;
}

const RECIPIENT_LABELS: Record<string, string> = {
  ADVOCATE: RECIPIENT_ADVOCATE,
  REFERRED: RECIPIENT_REFERRED
};

export const WRONG_PAGE_MESSAGE = WRONG_PAGE;
export const NEGATIVE_AMOUNT_MESSAGE = NEGATIVE;
/** "Enter the deal amount as a number, such as 12,000.50." with the example in the user's locale. */
export const NOT_A_NUMBER_MESSAGE = formatLabel(NOT_A_NUMBER, numberExample());

/** Money in the user's locale, in its own currency ("$12,000.00", "12.000,00 €"). */
export function formatMoney(amount: number | null | undefined, currency: string | null): string {
  if (amount === null || amount === undefined) return '';
  return currency ? formatCurrency(amount, currency) : formatNumber(amount, 2);
}

/** "652.17 USD cash and 120 points": the sum of the decisions, or "Nothing" when none. */
export function totalOf(decisions: RewardDecision[], programCurrency: string): string {
  let cash = 0;
  let points = 0;
  for (const d of decisions) {
    if (d.rewardType === 'CASH') cash = Math.round((cash + d.amount) * 100) / 100;
    else points += d.points;
  }
  const parts: string[] = [];
  if (cash > 0) parts.push(formatLabel(CASH, formatMoney(cash, programCurrency)));
  if (points > 0) parts.push(formatPoints(points));
  if (parts.length === 0) return NOTHING;
  return parts.length === 2 ? formatLabel(AND, parts[0], parts[1]) : parts[0];
}

function formatPoints(points: number | null | undefined): string {
  return points === null || points === undefined ? '' : formatLabel(POINTS, formatNumber(points));
}

/**
 * Parses the what-if amount the rep typed in their locale ("12.000,50" in de-DE): a number of 0 or
 * more, or a sentence saying why not. An empty field means "no amount" (null), which the engine
 * treats as a deal without an amount.
 */
export function parseAmount(
  raw: string | null | undefined,
  locale?: string
): {
  amount: number | null;
  error: string | null;
} {
  const text = (raw ?? '').toString().trim();
  if (text === '') return { amount: null, error: null };
  const amount = parseNumber(text, locale);
  if (amount === null) return { amount: null, error: NOT_A_NUMBER_MESSAGE };
  if (amount < 0) return { amount: null, error: NEGATIVE_AMOUNT_MESSAGE };
  return { amount: Math.round(amount * 100) / 100, error: null };
}

/** The program's rules in the engine's shape; a rule with unreadable tiers is reported, not used. */
export function toEngineRules(rules: RuleInfo[]): { rules: Rule[]; problems: string[] } {
  const engineRules: Rule[] = [];
  const problems: string[] = [];
  for (const rule of rules) {
    let tiers: Rule['tiers'] = null;
    if (rule.calculation === 'TIERED') {
      try {
        tiers = rule.tiersJson ? (JSON.parse(rule.tiersJson) as Rule['tiers']) : null;
      } catch {
        problems.push(formatLabel(BAD_TIERS, rule.name));
        continue;
      }
    }
    engineRules.push({
      id: rule.id,
      active: rule.active,
      milestone: rule.milestone,
      recipient: rule.recipient,
      rewardType: rule.rewardType,
      calculation: rule.calculation,
      value: rule.value,
      tiers,
      tierMode: rule.tierMode ?? 'STEP',
      minDealAmount: rule.minDealAmount,
      maxReward: rule.maxReward,
      startDate: rule.startDate,
      endDate: rule.endDate
    });
  }
  return { rules: engineRules, problems };
}

/**
 * Reward calculator for the Opportunity record page: the referral and advocate behind the deal,
 * the rewards the program's rules would still issue for the current amount (the server's decision)
 * and for a what-if amount (recalculated live in the browser by the TypeScript engine), and the
 * rewards already in the ledger.
 */
export default class RewardCalculator extends LightningElement {
  @api recordId?: string;
  @api objectApiName?: string;

  data?: CalculatorData;
  error?: unknown;
  loaded = false;
  whatIfText = '';
  whatIfError: string | null = null;
  labels = {
    title: TITLE,
    loading: LOADING,
    loadFailed: LOAD_FAILED,
    referral: REFERRAL,
    referred: REFERRED,
    advocate: ADVOCATE,
    program: PROGRAM,
    dealAmount: DEAL_AMOUNT,
    stillToCome: STILL_TO_COME,
    noFurther: NO_FURTHER,
    whatIfHelp: WHAT_IF_HELP,
    reset: RESET,
    resetTitle: RESET_TITLE,
    whatIfTable: WHAT_IF_TABLE,
    noRewardsAmount: NO_REWARDS_AMOUNT,
    ledger: LEDGER,
    noLedger: NO_LEDGER
  };

  @wire(getCalculatorData, { opportunityId: '$recordId' })
  wiredData(result: { data?: CalculatorData; error?: unknown }): void {
    if (result.data) {
      this.data = result.data;
      this.error = undefined;
      this.loaded = true;
      this.whatIfText = formatEditableNumber(result.data.deal?.amount);
      this.whatIfError = null;
    } else if (result.error) {
      this.error = result.error;
      this.data = undefined;
      this.loaded = true;
    }
  }

  get isWrongPage(): boolean {
    return (
      !this.recordId || (!!this.objectApiName && this.objectApiName !== OPPORTUNITY.objectApiName)
    );
  }

  get wrongPageMessage(): string {
    return WRONG_PAGE_MESSAGE;
  }

  get isLoading(): boolean {
    return !this.isWrongPage && !this.loaded;
  }

  get hasError(): boolean {
    return !this.isWrongPage && this.loaded && !!this.error;
  }

  get isEmpty(): boolean {
    return !this.isWrongPage && !!this.data && (!this.data.hasReferral || !this.data.program);
  }

  get emptyMessage(): string {
    return this.data?.message ?? '';
  }

  get isReady(): boolean {
    return !this.isWrongPage && !!this.data && this.data.hasReferral && !!this.data.program;
  }

  get referralName(): string {
    return this.data?.referral?.name ?? '';
  }

  get referralStatus(): string {
    return this.data?.referral?.status ?? '';
  }

  get referralStatusLabel(): string {
    return picklistLabel('REFERRAL_STATUS', this.data?.referral?.status);
  }

  get referredName(): string {
    const referral = this.data?.referral;
    if (!referral) return '';
    return referral.referredCompany
      ? `${referral.referredName ?? ''} (${referral.referredCompany})`
      : (referral.referredName ?? '');
  }

  get advocateLabel(): string {
    const advocate = this.data?.advocate;
    if (!advocate) return '';
    const who = advocate.contactName ?? advocate.name;
    return advocate.accountName ? `${who}, ${advocate.accountName}` : who;
  }

  get programLabel(): string {
    const program = this.data?.program;
    return program ? `${program.name} (${program.currencyCode})` : '';
  }

  get currentAmountLabel(): string {
    const deal = this.data?.deal;
    if (!deal || deal.amount === null) return NO_AMOUNT;
    return formatMoney(deal.amount, deal.currencyCode);
  }

  get notANumberMessage(): string {
    return NOT_A_NUMBER_MESSAGE;
  }

  get dealCurrency(): string {
    return this.data?.deal?.currencyCode ?? '';
  }

  get whatIfLabel(): string {
    return formatLabel(WHAT_IF_LABEL, this.dealCurrency);
  }

  /** The server's engine refusal, said in the user's language (never the engine's diagnostic). */
  get projectionError(): string | null {
    const text = this.data?.projectionError;
    if (!text) return null;
    const error = engineErrorFromText(text);
    if (!error) return text;
    return engineErrorMessage(error, { ruleNames: (this.data?.rules ?? []).map((r) => r.name) });
  }

  /** The server's projection for the current amount. */
  get serverRows(): ProjectionRow[] {
    return (this.data?.projected ?? []).map((p) => this.projectionRow(p));
  }

  get hasServerRows(): boolean {
    return this.serverRows.length > 0;
  }

  /** The live what-if: the TypeScript engine on the amount typed, or null with a reason. */
  get whatIf(): WhatIfResult {
    const data = this.data;
    if (!data || !data.program || !data.referral || !data.deal || this.whatIfError) {
      return { rows: [], problem: null, total: '' };
    }
    const parsed = parseAmount(this.whatIfText);
    const { rules, problems } = toEngineRules(data.rules);
    const input: RewardInput = {
      program: {
        currency: data.program.currencyCode,
        annualCashCapPerAdvocate: data.program.annualCashCapPerAdvocate
      },
      rules,
      referral: { id: data.referral.id, milestone: 'WON', milestoneDate: data.today },
      deal: { amount: parsed.amount, currency: data.deal.currencyCode },
      rates: data.rates ?? {},
      existingKeys: data.existingKeys ?? [],
      advocateCashYtd: data.advocateCashYtd ?? 0
    };
    const names = new Map(data.rules.map((r) => [r.id, r.name]));
    const ruleNames = rules.map((rule) => names.get(rule.id));
    try {
      const decisions = reward(input);
      const rows = decisions.map((d) => this.decisionRow(d, names.get(d.ruleId) ?? d.ruleId));
      return {
        rows,
        problem: problems.length > 0 ? problems.join(' ') : null,
        total: totalOf(decisions, data.program.currencyCode)
      };
    } catch (e) {
      if (e instanceof ReferralEngineError) {
        return { rows: [], problem: engineErrorMessage(e, { ruleNames }), total: '' };
      }
      return { rows: [], problem: e instanceof Error ? e.message : String(e), total: '' };
    }
  }

  get whatIfRows(): ProjectionRow[] {
    return this.whatIf.rows;
  }

  get whatIfProblem(): string | null {
    return this.whatIf.problem;
  }

  get hasWhatIfRows(): boolean {
    return this.whatIfRows.length > 0;
  }

  get showWhatIfEmpty(): boolean {
    return !this.whatIfError && !this.whatIfProblem && this.whatIfRows.length === 0;
  }

  get whatIfTotal(): string {
    return this.whatIf.total;
  }

  get whatIfTotalText(): string {
    return formatLabel(TOTAL, this.whatIf.total);
  }

  get ledgerRows(): LedgerRow[] {
    return (this.data?.rewards ?? []).map((r: RewardRow) => ({
      id: r.id,
      name: r.name,
      milestone: picklistLabel('MILESTONE', r.milestone),
      recipient: RECIPIENT_LABELS[r.recipient ?? ''] ?? r.recipient ?? '',
      value:
        r.rewardType === 'POINTS' ? formatPoints(r.points) : formatMoney(r.amount, r.currencyCode),
      status: picklistLabel('REWARD_STATUS', r.status)
    }));
  }

  get hasLedgerRows(): boolean {
    return this.ledgerRows.length > 0;
  }

  get projectionColumns(): unknown[] {
    return [
      { label: COL_MILESTONE, fieldName: 'milestone', type: 'text' },
      { label: COL_RULE, fieldName: 'ruleName', type: 'text' },
      { label: COL_RECIPIENT, fieldName: 'recipient', type: 'text' },
      { label: COL_REWARD, fieldName: 'value', type: 'text' },
      { label: COL_CAPPED, fieldName: 'capped', type: 'text' }
    ];
  }

  get ledgerColumns(): unknown[] {
    return [
      { label: COL_REWARD, fieldName: 'name', type: 'text' },
      { label: COL_MILESTONE, fieldName: 'milestone', type: 'text' },
      { label: COL_RECIPIENT, fieldName: 'recipient', type: 'text' },
      { label: COL_VALUE, fieldName: 'value', type: 'text' },
      { label: COL_STATUS, fieldName: 'status', type: 'text' }
    ];
  }

  handleWhatIfChange(event: Event): void {
    const input = event.target as HTMLInputElement & {
      setCustomValidity?: (message: string) => void;
      reportValidity?: () => boolean;
    };
    const raw = (event as CustomEvent<{ value?: string }>).detail?.value ?? input.value;
    this.whatIfText = raw ?? '';
    const { error } = parseAmount(this.whatIfText);
    this.whatIfError = error;
    input.setCustomValidity?.(error ?? '');
    input.reportValidity?.();
  }

  handleReset(): void {
    this.whatIfText = formatEditableNumber(this.data?.deal?.amount);
    this.whatIfError = null;
    const input = this.template?.querySelector('lightning-input') as
      (HTMLElement & { setCustomValidity?: (m: string) => void }) | null | undefined;
    input?.setCustomValidity?.('');
  }

  private decisionRow(decision: RewardDecision, ruleName: string): ProjectionRow {
    return this.projectionRow({
      key: decision.key,
      ruleId: decision.ruleId,
      ruleName,
      milestone: decision.milestone,
      recipient: decision.recipient,
      rewardType: decision.rewardType,
      amount: decision.rewardType === 'CASH' ? decision.amount : null,
      currencyCode: decision.rewardType === 'CASH' ? decision.currency : null,
      points: decision.rewardType === 'POINTS' ? decision.points : null,
      capped: decision.capped
    });
  }

  private projectionRow(p: RewardProjection): ProjectionRow {
    return {
      key: p.key,
      milestone: picklistLabel('MILESTONE', p.milestone),
      ruleName: p.ruleName ?? p.ruleId,
      recipient: RECIPIENT_LABELS[p.recipient] ?? p.recipient,
      value:
        p.rewardType === 'POINTS' ? formatPoints(p.points) : formatMoney(p.amount, p.currencyCode),
      capped: p.capped ? COL_CAPPED : ''
    };
  }
}
