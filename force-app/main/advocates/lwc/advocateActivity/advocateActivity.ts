import { LightningElement, api, wire } from 'lwc';
import ACCOUNT_OBJECT from '@salesforce/schema/Account';
import ADVOCATE_OBJECT from '@salesforce/schema/Advocate__c';
import getActivity from '@salesforce/apex/AdvocateActivityController.getActivity';
import type {
  ActivityData,
  ActivityReferral,
  ActivityReward,
  AdvocateActivity as AdvocateActivityDto
} from 'c/advocateDtos';
import { breakdown, toScoreReferrals, type ScoreBreakdown } from './scoreBreakdown';
import { formatDate, formatFixed, formatLabel, formatNumber } from 'c/localization';
import { picklistLabel } from 'c/picklistLabels';
import TITLE from '@salesforce/label/c.Advocates_Activity_Title';
import WRONG_PAGE from '@salesforce/label/c.Advocates_Activity_Wrong_Page';
import LOAD_FAILED from '@salesforce/label/c.Advocates_Activity_Load_Failed';
import LOADING from '@salesforce/label/c.Advocates_Activity_Loading';
import EMPTY from '@salesforce/label/c.Advocates_Activity_Empty';
import ADVOCATE from '@salesforce/label/c.Advocates_Activity_Advocate';
import BREAKDOWN from '@salesforce/label/c.Advocates_Activity_Breakdown';
import WEIGHTS_INVALID from '@salesforce/label/c.Advocates_Activity_Weights_Invalid';
import BREAKDOWN_CAPTION from '@salesforce/label/c.Advocates_Activity_Breakdown_Caption';
import NO_SCORE from '@salesforce/label/c.Advocates_Activity_No_Score';
import REFERRALS from '@salesforce/label/c.Advocates_Activity_Referrals';
import NO_REFERRALS from '@salesforce/label/c.Advocates_Activity_No_Referrals';
import REWARDS from '@salesforce/label/c.Advocates_Activity_Rewards';
import NO_REWARDS from '@salesforce/label/c.Advocates_Activity_No_Rewards';
import COL_REWARD from '@salesforce/label/c.Advocates_Activity_Col_Reward';
import COL_REFERRAL from '@salesforce/label/c.Advocates_Activity_Col_Referral';
import COL_MILESTONE from '@salesforce/label/c.Advocates_Activity_Col_Milestone';
import COL_AMOUNT from '@salesforce/label/c.Advocates_Activity_Col_Amount';
import COL_POINTS from '@salesforce/label/c.Advocates_Activity_Col_Points';
import COL_STATUS from '@salesforce/label/c.Advocates_Activity_Col_Status';
import COL_ENTRY from '@salesforce/label/c.Advocates_Activity_Col_Entry';
import COL_DATE from '@salesforce/label/c.Advocates_Activity_Col_Date';
import PROGRAM from '@salesforce/label/c.Advocates_Activity_Program';
import STATUS from '@salesforce/label/c.Advocates_Activity_Status';
import POINTS_BALANCE from '@salesforce/label/c.Advocates_Activity_Points_Balance';
import SCORE from '@salesforce/label/c.Advocates_Activity_Score';
import RANK from '@salesforce/label/c.Advocates_Activity_Rank';
import SCORED_ON from '@salesforce/label/c.Advocates_Activity_Scored_On';
import SUBMITTED_PART from '@salesforce/label/c.Advocates_Activity_Submitted_Part';
import QUALIFIED_PART from '@salesforce/label/c.Advocates_Activity_Qualified_Part';
import WON_PART from '@salesforce/label/c.Advocates_Activity_Won_Part';
import BASE from '@salesforce/label/c.Advocates_Activity_Base';
import MULTIPLIER from '@salesforce/label/c.Advocates_Activity_Multiplier';
import SCORE_TODAY from '@salesforce/label/c.Advocates_Activity_Score_Today';
import UNNAMED from '@salesforce/label/c.Advocates_Activity_Unnamed';
import REFERRAL_TITLE from '@salesforce/label/c.Advocates_Activity_Referral_Title';
import MORE from '@salesforce/label/c.Advocates_Activity_More';

// API names from the schema: Advocate__c carries the namespace prefix once installed
const PAGES = [ADVOCATE_OBJECT.objectApiName, ACCOUNT_OBJECT.objectApiName];
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

  labels = {
    title: TITLE,
    wrongPage: WRONG_PAGE,
    loadFailed: LOAD_FAILED,
    loading: LOADING,
    empty: EMPTY,
    advocate: ADVOCATE,
    breakdown: BREAKDOWN,
    weightsInvalid: WEIGHTS_INVALID,
    breakdownCaption: BREAKDOWN_CAPTION,
    noScore: NO_SCORE,
    referrals: REFERRALS,
    noReferrals: NO_REFERRALS,
    rewards: REWARDS,
    noRewards: NO_REWARDS,
    stepSubmitted: picklistLabel('MILESTONE', 'SUBMITTED'),
    stepQualified: picklistLabel('MILESTONE', 'QUALIFIED'),
    stepWon: picklistLabel('MILESTONE', 'WON')
  };

  // money typed as currency and points as a number (both sort); dates as dates in the user's locale
  rewardColumns = [
    { label: COL_REWARD, fieldName: 'name' },
    { label: COL_REFERRAL, fieldName: 'referralName' },
    { label: COL_MILESTONE, fieldName: 'milestoneLabel' },
    {
      label: COL_AMOUNT,
      fieldName: 'amount',
      type: 'currency',
      typeAttributes: { currencyCode: { fieldName: 'currencyCode' } }
    },
    { label: COL_POINTS, fieldName: 'points', type: 'number' },
    { label: COL_STATUS, fieldName: 'statusLabel' },
    { label: COL_ENTRY, fieldName: 'entryLabel' },
    { label: COL_DATE, fieldName: 'createdDate', type: 'date' }
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
      { key: 'program', label: PROGRAM, value: text(a.programName) },
      { key: 'status', label: STATUS, value: text(picklistLabel('ADVOCATE_STATUS', a.status)) },
      { key: 'points', label: POINTS_BALANCE, value: formatNumber(a.pointsBalance ?? 0) },
      { key: 'score', label: SCORE, value: text(formatNumber(a.storedScore, 2)) },
      { key: 'rank', label: RANK, value: text(formatNumber(a.storedRank)) },
      { key: 'scoreDate', label: SCORED_ON, value: text(formatDate(a.scoreDate)) }
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
    const n = (value: number): string => formatFixed(value, 2);
    return [
      {
        key: 'submitted',
        label: formatLabel(SUBMITTED_PART, b.submitted),
        value: n(b.submittedPart)
      },
      {
        key: 'qualified',
        label: formatLabel(QUALIFIED_PART, b.qualified),
        value: n(b.qualifiedPart)
      },
      { key: 'won', label: formatLabel(WON_PART, b.won), value: n(b.wonPart) },
      { key: 'base', label: BASE, value: n(b.base) },
      { key: 'multiplier', label: MULTIPLIER, value: `\u00d7 ${n(b.multiplier)}` },
      { key: 'score', label: SCORE_TODAY, value: n(b.score) }
    ];
  }

  get referralRows(): ReferralRow[] {
    return (this.advocate?.referrals ?? []).slice(0, SHOWN_REFERRALS).map((referral) => {
      const { step, hasError } = pipelineStep(referral);
      return {
        ...referral,
        step,
        hasError,
        title: formatLabel(REFERRAL_TITLE, referral.name, referral.referredName || UNNAMED),
        subtitle: [
          referral.referredCompany,
          picklistLabel('REFERRAL_STATUS', referral.status),
          formatDate(referral.submittedDate)
        ]
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
    const shownTotal = `${formatNumber(total)}${this.activity?.truncated ? '+' : ''}`;
    return formatLabel(MORE, SHOWN_REFERRALS, shownTotal);
  }

  get rewardRows(): (ActivityReward & {
    milestoneLabel: string;
    statusLabel: string;
    entryLabel: string;
  })[] {
    return (this.advocate?.rewards ?? []).map((reward) => ({
      ...reward,
      amount: reward.rewardType === 'POINTS' ? null : reward.amount,
      points: reward.rewardType === 'POINTS' ? reward.points : null,
      milestoneLabel: picklistLabel('MILESTONE', reward.milestone),
      statusLabel: picklistLabel('REWARD_STATUS', reward.status),
      entryLabel: picklistLabel('ENTRY_TYPE', reward.entryType)
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
