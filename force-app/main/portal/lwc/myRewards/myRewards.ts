import { LightningElement } from 'lwc';
import getMyRewards from '@salesforce/apex/PortalController.getMyRewards';
import type { RewardsView } from 'c/portalModel';
import { USER_CURRENCY, formatLabel } from 'c/localization';
import { picklistLabel } from 'c/picklistLabels';
import TITLE from '@salesforce/label/c.Portal_Rewards_Title';
import LOADING from '@salesforce/label/c.Portal_Rewards_Loading';
import LOAD_FAILED from '@salesforce/label/c.Portal_Rewards_Load_Failed';
import POINTS_BALANCE from '@salesforce/label/c.Portal_Rewards_Points_Balance';
import CASH_THIS_YEAR from '@salesforce/label/c.Portal_Rewards_Cash_This_Year';
import AWAITING_APPROVAL from '@salesforce/label/c.Portal_Rewards_Awaiting_Approval';
import HISTORY from '@salesforce/label/c.Portal_Rewards_History';
import EMPTY from '@salesforce/label/c.Portal_Rewards_Empty';
import COL_DATE from '@salesforce/label/c.Portal_Rewards_Col_Date';
import COL_ENTRY from '@salesforce/label/c.Portal_Rewards_Col_Entry';
import COL_MILESTONE from '@salesforce/label/c.Portal_Rewards_Col_Milestone';
import COL_POINTS from '@salesforce/label/c.Portal_Rewards_Col_Points';
import COL_AMOUNT from '@salesforce/label/c.Portal_Rewards_Col_Amount';
import COL_STATUS from '@salesforce/label/c.Portal_Rewards_Col_Status';
import MILESTONE_SUBMITTED from '@salesforce/label/c.Portal_Rewards_Milestone_Submitted';
import MILESTONE_QUALIFIED from '@salesforce/label/c.Portal_Rewards_Milestone_Qualified';
import MILESTONE_WON from '@salesforce/label/c.Portal_Rewards_Milestone_Won';
import PENDING_NONE from '@salesforce/label/c.Portal_Rewards_Pending_None';
import PENDING_ONE from '@salesforce/label/c.Portal_Rewards_Pending_One';
import PENDING_MANY from '@salesforce/label/c.Portal_Rewards_Pending_Many';

/** Ledger columns: every movement is a row, nothing is overwritten. */
export const COLUMNS = [
  { label: COL_DATE, fieldName: 'createdDate', type: 'date-local' },
  { label: COL_ENTRY, fieldName: 'entryLabel', type: 'text' },
  { label: COL_MILESTONE, fieldName: 'milestoneLabel', type: 'text' },
  { label: COL_POINTS, fieldName: 'points', type: 'number' },
  {
    label: COL_AMOUNT,
    fieldName: 'amount',
    type: 'currency',
    typeAttributes: { currencyCode: { fieldName: 'currencyCode' } }
  },
  { label: COL_STATUS, fieldName: 'statusLabel', type: 'text' }
];

const MILESTONES: Record<string, string> = {
  SUBMITTED: MILESTONE_SUBMITTED,
  QUALIFIED: MILESTONE_QUALIFIED,
  WON: MILESTONE_WON
};

/** Portal: points balance, cash paid this calendar year, rewards awaiting approval and the ledger. */
export default class MyRewards extends LightningElement {
  rewards?: RewardsView;
  loading = true;
  error?: unknown;
  columns = COLUMNS;
  labels = {
    title: TITLE,
    loading: LOADING,
    loadFailed: LOAD_FAILED,
    pointsBalance: POINTS_BALANCE,
    cashThisYear: CASH_THIS_YEAR,
    awaitingApproval: AWAITING_APPROVAL,
    history: HISTORY,
    empty: EMPTY
  };

  override connectedCallback(): void {
    this.load();
  }

  async load(): Promise<void> {
    this.loading = true;
    this.error = undefined;
    try {
      this.rewards = (await getMyRewards()) as RewardsView;
    } catch (error) {
      this.error = error;
    } finally {
      this.loading = false;
    }
  }

  get hasRewards(): boolean {
    return this.rewards !== undefined;
  }

  get rows(): Record<string, unknown>[] {
    return (this.rewards?.entries ?? []).map((entry) => ({
      ...entry,
      entryLabel: picklistLabel('ENTRY_TYPE', entry.entryType),
      statusLabel: picklistLabel('REWARD_STATUS', entry.status),
      milestoneLabel: entry.milestone
        ? (MILESTONES[entry.milestone] ?? picklistLabel('MILESTONE', entry.milestone))
        : null
    }));
  }

  get hasEntries(): boolean {
    return this.rows.length > 0;
  }

  get currencyCode(): string {
    return this.rewards?.currencyCode ?? USER_CURRENCY;
  }

  get pendingText(): string {
    const count = this.rewards?.pendingCount ?? 0;
    if (count === 0) return PENDING_NONE;
    return count === 1 ? PENDING_ONE : formatLabel(PENDING_MANY, count);
  }
}
