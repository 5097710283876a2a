import { LightningElement } from 'lwc';
import getMyRewards from '@salesforce/apex/PortalController.getMyRewards';
import type { RewardsView } from 'c/portalModel';

/** Ledger columns: every movement is a row, nothing is overwritten. */
export const COLUMNS = [
  { label: 'Date', fieldName: 'createdDate', type: 'date-local' },
  { label: 'Entry', fieldName: 'entryType', type: 'text' },
  { label: 'Milestone', fieldName: 'milestoneLabel', type: 'text' },
  { label: 'Points', fieldName: 'points', type: 'number' },
  {
    label: 'Amount',
    fieldName: 'amount',
    type: 'currency',
    typeAttributes: { currencyCode: { fieldName: 'currencyCode' } }
  },
  { label: 'Status', fieldName: 'status', type: 'text' }
];

const MILESTONES: Record<string, string> = {
  SUBMITTED: 'Referral submitted',
  QUALIFIED: 'Referral qualified',
  WON: 'Deal won'
};

/** Portal: points balance, cash paid this calendar year, rewards awaiting approval and the ledger. */
export default class MyRewards extends LightningElement {
  rewards?: RewardsView;
  loading = true;
  error?: unknown;
  columns = COLUMNS;

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
      milestoneLabel: entry.milestone ? (MILESTONES[entry.milestone] ?? entry.milestone) : null
    }));
  }

  get hasEntries(): boolean {
    return this.rows.length > 0;
  }

  get currencyCode(): string {
    return this.rewards?.currencyCode ?? 'USD';
  }

  get pendingText(): string {
    const count = this.rewards?.pendingCount ?? 0;
    if (count === 0) return 'Nothing is waiting for approval.';
    return count === 1
      ? '1 reward is waiting for approval or payout.'
      : `${count} rewards are waiting for approval or payout.`;
  }
}
