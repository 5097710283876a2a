import { LightningElement, api, wire } from 'lwc';
import ACCOUNT from '@salesforce/schema/Account';
import ADVOCATE from '@salesforce/schema/Advocate__c';
import getActivity from '@salesforce/apex/AdvocateActivityController.getActivity';
import type {
  ActivityData,
  ActivityReferral,
  ActivityReward,
  AdvocateActivity as AdvocateActivityDto
} from 'c/advocateDtos';
import { breakdown, toScoreReferrals, type ScoreBreakdown } from './scoreBreakdown';

// API names from the schema: Advocate__c carries the namespace prefix once installed
const PAGES = [ADVOCATE.objectApiName, ACCOUNT.objectApiName];
/** Referrals drawn as a path each; the rest are counted. */
export const SHOWN_REFERRALS = 20;

interface WireResult<T> {
  data?: T;
  error?: unknown;
}

interface ReferralRow extends ActivityReferral {
  step: string;
  hasError: boolean;
  title: string;
  subtitle: string;
}

/** The pipeline step a referral has reached, and whether it stopped there (lost or rejected). */
export function pipelineStep(referral: ActivityReferral): { step: string; hasError: boolean } {
  switch (referral.status) {
    case 'Won':
      return { step: 'WON', hasError: false };
    case 'Qualified':
      return { step: 'QUALIFIED', hasError: false };
    case 'Lost':
      return { step: referral.qualifiedDate ? 'QUALIFIED' : 'SUBMITTED', hasError: true };
    case 'Rejected':
      return { step: 'SUBMITTED', hasError: true };
    default:
      if (referral.wonDate) return { step: 'WON', hasError: false };
      if (referral.qualifiedDate) return { step: 'QUALIFIED', hasError: false };
      return { step: 'SUBMITTED', hasError: false };
  }
}

/**
 * An advocate's activity on the Advocate and Account record pages: each referral through the
 * pipeline (a path per referral), the reward ledger, points, and the score with its breakdown
 * (base parts and quality multiplier) computed by the TypeScript engine with the program's weights.
 */
export default class AdvocateActivity extends LightningElement {
  @api recordId: string | undefined;
  @api objectApiName: string | undefined;

  activity: ActivityData | undefined;
  error: unknown;
  selectedAdvocateId: string | undefined;

  rewardColumns = [
    { label: 'Reward', fieldName: 'name' },
    { label: 'Referral', fieldName: 'referralName' },
    { label: 'Milestone', fieldName: 'milestone' },
    { label: 'Value', fieldName: 'valueText' },
    { label: 'Status', fieldName: 'status' },
    { label: 'Entry', fieldName: 'entryType' },
    { label: 'Date', fieldName: 'createdDate' }
  ];

  @wire(getActivity, { recordId: '$activityRecordId' })
  wiredActivity(result: WireResult<ActivityData>): void {
    if (result.data) {
      this.activity = result.data;
      this.error = undefined;
    } else if (result.error) {
      this.activity = undefined;
      this.error = result.error;
    }
    this.scoring = this.computeScoring();
  }

  get wrongPage(): boolean {
    return (
      !this.recordId || (Boolean(this.objectApiName) && !PAGES.includes(this.objectApiName ?? ''))
    );
  }

  get activityRecordId(): string | undefined {
    return this.wrongPage ? undefined : this.recordId;
  }

  get isLoading(): boolean {
    return !this.wrongPage && this.activity === undefined && this.error === undefined;
  }

  get hasAdvocates(): boolean {
    return (this.activity?.advocates.length ?? 0) > 0;
  }

  get isEmpty(): boolean {
    return this.activity !== undefined && !this.hasAdvocates;
  }

  get showAdvocatePicker(): boolean {
    return (this.activity?.advocates.length ?? 0) > 1;
  }

  get advocateOptions(): { label: string; value: string }[] {
    return (this.activity?.advocates ?? []).map((advocate) => ({
      label: `${advocate.contactName ?? advocate.advocateName} \u2013 ${advocate.programName ?? ''} (${advocate.advocateName})`,
      value: advocate.advocateId
    }));
  }

  get advocate(): AdvocateActivityDto | undefined {
    const advocates = this.activity?.advocates ?? [];
    return advocates.find((a) => a.advocateId === this.selectedAdvocateId) ?? advocates[0];
  }

  get advocateId(): string | undefined {
    return this.advocate?.advocateId;
  }

  get facts(): { key: string; label: string; value: string }[] {
    const a = this.advocate;
    if (!a) return [];
    const text = (value: unknown): string => {
      return value === null || value === undefined || value === '' ? '\u2014' : String(value);
    };
    return [
      { key: 'program', label: 'Program', value: text(a.programName) },
      { key: 'status', label: 'Status', value: text(a.status) },
      { key: 'points', label: 'Points balance', value: text(a.pointsBalance ?? 0) },
      { key: 'score', label: 'Score (nightly)', value: text(a.storedScore) },
      { key: 'rank', label: 'Rank (nightly)', value: text(a.storedRank) },
      { key: 'scoreDate', label: 'Scored on', value: text(a.scoreDate) }
    ];
  }

  /** The breakdown of the advocate shown, computed when the data or the advocate changes. */
  scoring: { result: ScoreBreakdown | null; error?: unknown } = { result: null };

  private computeScoring(): { result: ScoreBreakdown | null; error?: unknown } {
    const a = this.advocate;
    if (!a || !a.weights || !this.activity) return { result: null };
    try {
      return {
        result: breakdown(
          this.activity.asOf,
          a.weights,
          toScoreReferrals(a.advocateId, a.referrals)
        )
      };
    } catch (e) {
      return { result: null, error: e };
    }
  }

  get scoreError(): unknown {
    return this.scoring.error;
  }

  get hasBreakdown(): boolean {
    return this.scoring.result !== null;
  }

  get breakdownRows(): { key: string; label: string; value: string }[] {
    const b = this.scoring.result;
    if (!b) return [];
    const n = (value: number): string => value.toFixed(2);
    return [
      { key: 'submitted', label: `Submitted (${b.submitted})`, value: n(b.submittedPart) },
      { key: 'qualified', label: `Qualified (${b.qualified})`, value: n(b.qualifiedPart) },
      { key: 'won', label: `Won, with revenue (${b.won})`, value: n(b.wonPart) },
      { key: 'base', label: 'Base (decayed)', value: n(b.base) },
      { key: 'multiplier', label: 'Quality multiplier', value: `\u00d7 ${n(b.multiplier)}` },
      { key: 'score', label: 'Score today', value: n(b.score) }
    ];
  }

  get referralRows(): ReferralRow[] {
    return (this.advocate?.referrals ?? []).slice(0, SHOWN_REFERRALS).map((referral) => {
      const { step, hasError } = pipelineStep(referral);
      return {
        ...referral,
        step,
        hasError,
        title: `${referral.name}: ${referral.referredName || 'Unnamed'}`,
        subtitle: [referral.referredCompany, referral.status, referral.submittedDate]
          .filter((part) => Boolean(part))
          .join(' \u00b7 ')
      };
    });
  }

  get hasReferrals(): boolean {
    return this.referralRows.length > 0;
  }

  get moreReferrals(): string | null {
    const total = this.advocate?.referrals.length ?? 0;
    if (total <= SHOWN_REFERRALS && !this.activity?.truncated) return null;
    return `Showing the ${SHOWN_REFERRALS} most recent of ${total.toLocaleString()}${this.activity?.truncated ? '+' : ''} referrals.`;
  }

  get rewardRows(): (ActivityReward & { valueText: string })[] {
    return (this.advocate?.rewards ?? []).map((reward) => ({
      ...reward,
      valueText:
        reward.rewardType === 'POINTS'
          ? `${reward.points ?? 0} points`
          : `${(reward.amount ?? 0).toFixed(2)} ${reward.currencyCode ?? ''}`.trim()
    }));
  }

  get hasRewards(): boolean {
    return this.rewardRows.length > 0;
  }

  handleAdvocateChange(event: CustomEvent<{ value: string }>): void {
    this.selectedAdvocateId = event.detail.value;
    this.scoring = this.computeScoring();
  }
}
