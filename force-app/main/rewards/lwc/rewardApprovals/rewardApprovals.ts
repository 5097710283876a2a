import { LightningElement } from 'lwc';
import getRewards from '@salesforce/apex/RewardApprovalController.getRewards';
import approve from '@salesforce/apex/RewardApprovalController.approve';
import issue from '@salesforce/apex/RewardApprovalController.issue';
import reject from '@salesforce/apex/RewardApprovalController.reject';
import LightningConfirm from 'lightning/confirm';
import { reduceErrors } from 'c/errorMessages';
import type {
  ProgramOption,
  RewardApprovalResult,
  RewardQueue,
  RewardRow
} from 'c/rewardApprovalDtos';
import { LABELS, format } from './labels';

export const PAYOUT_REFERENCE_REQUIRED =
  'Enter the payout reference of the payment or transfer before issuing cash rewards.';
export const SELECT_FIRST = 'Select at least one reward first.';
export const EMPTY_MESSAGE = 'No rewards are waiting for approval or payout with these filters.';

const ALL = '';

type Action = 'approve' | 'issue' | 'reject';

interface Confirmable {
  open(options: { label: string; message: string; theme?: string }): Promise<boolean>;
}

/** How one row's request ended, as the results list and the Result column show it. */
interface Outcome {
  rewardId: string;
  name: string;
  kind: 'approved' | 'issued' | 'held' | 'rejected' | 'refused';
  text: string;
  cssClass: string;
}

/** A row as the table shows it. */
interface TableRow extends RewardRow {
  valueLabel: string;
  typeLabel: string;
  approvedLabel: string;
  blockedReason: string;
  outcome: string;
}

interface Column {
  label: string;
  fieldName: string;
  type?: string;
  wrapText?: boolean;
  initialWidth?: number;
}

const COLUMNS: Column[] = [
  { label: 'Reward', fieldName: 'name', initialWidth: 120 },
  { label: 'Advocate', fieldName: 'advocateName', wrapText: true },
  { label: 'Program', fieldName: 'programName', wrapText: true },
  { label: 'Type', fieldName: 'typeLabel', initialWidth: 90 },
  { label: 'Milestone', fieldName: 'milestone', initialWidth: 110 },
  { label: 'Value', fieldName: 'valueLabel', initialWidth: 130 },
  { label: 'Status', fieldName: 'status', initialWidth: 100 },
  { label: 'Held Reason', fieldName: 'holdReason', wrapText: true, initialWidth: 240 },
  { label: LABELS.COL_APPROVED_BY, fieldName: 'approvedLabel', wrapText: true, initialWidth: 160 },
  { label: LABELS.COL_BLOCKED, fieldName: 'blockedReason', wrapText: true, initialWidth: 240 },
  { label: 'Result', fieldName: 'outcome', wrapText: true }
];

/**
 * Reward approvals for finance and admins: Pending and Approved rewards (with the reason a payout
 * is held, who approved, and why the user may not act on a row), filtered by status, program and
 * type. Three separate steps, each after a confirmation with the count and the total per currency:
 * approve a selection (points are issued on approval), reject it with a reason (Cancelled), and
 * issue the selected approved cash rewards with a payout reference (required only there). Every
 * row's outcome (approved, issued, held with its reason, rejected, refused with the server's
 * sentence) is listed.
 */
export default class RewardApprovals extends LightningElement {
  columns = COLUMNS;
  rows: TableRow[] = [];
  programs: ProgramOption[] = [];
  truncated = false;
  maxRows = 0;

  statusFilter = ALL;
  programFilter = ALL;
  typeFilter = ALL;

  selectedIds: string[] = [];
  labels = LABELS;
  payoutReference = '';
  payoutError = '';
  rejectReason = '';
  rejectReasonError = '';
  outcomes: Outcome[] = [];

  loading = true;
  working = false;
  error?: unknown;
  actionError?: unknown;

  override connectedCallback(): void {
    this.load();
  }

  // ------------------------------------------------------------------ state for the template

  get statusOptions(): ProgramOption[] {
    return [
      { label: 'Pending and Approved', value: ALL },
      { label: 'Pending', value: 'Pending' },
      { label: 'Approved', value: 'Approved' }
    ];
  }

  get typeOptions(): ProgramOption[] {
    return [
      { label: 'Cash and Points', value: ALL },
      { label: 'Cash', value: 'CASH' },
      { label: 'Points', value: 'POINTS' }
    ];
  }

  get programOptions(): ProgramOption[] {
    return [{ label: 'All programs', value: ALL }, ...this.programs];
  }

  get hasError(): boolean {
    return !this.loading && !!this.error;
  }

  get isEmpty(): boolean {
    return !this.loading && !this.error && this.rows.length === 0;
  }

  get hasRows(): boolean {
    return !this.error && this.rows.length > 0;
  }

  get hasOutcomes(): boolean {
    return this.outcomes.length > 0;
  }

  get emptyMessage(): string {
    return EMPTY_MESSAGE;
  }

  get truncatedMessage(): string {
    return `Only the first ${this.maxRows} rewards are shown; narrow the filters to see the rest.`;
  }

  get selectedCount(): number {
    return this.selectedIds.length;
  }

  get selectionLabel(): string {
    const n = this.selectedIds.length;
    return n === 1 ? '1 reward selected' : `${n} rewards selected`;
  }

  /** The total of the selection per currency (and points), or '' when nothing is selected. */
  get selectionTotal(): string {
    return this.selectedIds.length
      ? format(LABELS.SELECTED_TOTAL, this.totalOf(this.selectedIds))
      : '';
  }

  get actionsDisabled(): boolean {
    return this.working || this.loading || this.selectedIds.length === 0;
  }

  get outcomeSummary(): string {
    const count = (kind: Outcome['kind']): number =>
      this.outcomes.filter((o) => o.kind === kind).length;
    const parts = [
      [count('approved'), 'approved'],
      [count('issued'), 'issued'],
      [count('held'), 'held'],
      [count('rejected'), null],
      [count('refused'), 'refused']
    ]
      .filter(([n]) => (n as number) > 0)
      .map(([n, label]) => {
        return label === null ? format(LABELS.SUMMARY_REJECTED, n as number) : `${n} ${label}`;
      });
    return parts.join(', ');
  }

  // ------------------------------------------------------------------ handlers

  handleStatusChange(event: CustomEvent<{ value: string }>): void {
    this.statusFilter = event.detail.value;
    this.load();
  }

  handleProgramChange(event: CustomEvent<{ value: string }>): void {
    this.programFilter = event.detail.value;
    this.load();
  }

  handleTypeChange(event: CustomEvent<{ value: string }>): void {
    this.typeFilter = event.detail.value;
    this.load();
  }

  handleRowSelection(event: CustomEvent<{ selectedRows: RewardRow[] }>): void {
    this.selectedIds = (event.detail.selectedRows ?? []).map((row) => row.id);
  }

  handlePayoutReferenceChange(event: CustomEvent<{ value: string }>): void {
    this.payoutReference = event.detail.value ?? '';
    if (this.payoutReference.trim()) {
      this.setPayoutError('');
    }
  }

  handleRejectReasonChange(event: CustomEvent<{ value: string }>): void {
    this.rejectReason = event.detail.value ?? '';
    if (this.rejectReason.trim()) {
      this.setReasonError('');
    }
  }

  async handleRefresh(): Promise<void> {
    await this.load();
  }

  async handleApprove(): Promise<void> {
    if (!this.requireSelection()) return;
    const ids = [...this.selectedIds];
    const confirmed = await this.confirm(
      LABELS.CONFIRM_APPROVE_TITLE,
      format(LABELS.CONFIRM_APPROVE, ids.length, this.totalOf(ids))
    );
    if (!confirmed) return;
    await this.run(() => approve({ rewardIds: ids }), 'approve', ids);
  }

  async handleReject(): Promise<void> {
    if (!this.requireSelection()) return;
    const reason = this.rejectReason.trim();
    if (!reason) {
      this.setReasonError(LABELS.REJECT_REASON_REQUIRED);
      return;
    }
    this.setReasonError('');
    const ids = [...this.selectedIds];
    const confirmed = await this.confirm(
      LABELS.CONFIRM_REJECT_TITLE,
      format(LABELS.CONFIRM_REJECT, ids.length, this.totalOf(ids), reason)
    );
    if (!confirmed) return;
    await this.run(() => reject({ rewardIds: ids, reason }), 'reject', ids);
    if (this.outcomes.some((o) => o.kind === 'rejected')) {
      this.rejectReason = '';
    }
  }

  async handleIssue(): Promise<void> {
    if (!this.requireSelection()) return;
    const reference = this.payoutReference.trim();
    if (!reference) {
      this.setPayoutError(PAYOUT_REFERENCE_REQUIRED);
      return;
    }
    this.setPayoutError('');
    const ids = [...this.selectedIds];
    const confirmed = await this.confirm(
      LABELS.CONFIRM_ISSUE_TITLE,
      format(LABELS.CONFIRM_ISSUE, ids.length, this.totalOf(ids), reference)
    );
    if (!confirmed) return;
    await this.run(() => issue({ rewardIds: ids, payoutReference: reference }), 'issue', ids);
  }

  // ------------------------------------------------------------------ work

  private async load(): Promise<void> {
    this.loading = true;
    this.error = undefined;
    try {
      const queue = (await getRewards({
        status: this.statusFilter || null,
        programId: this.programFilter || null,
        rewardType: this.typeFilter || null
      })) as RewardQueue;
      this.programs = queue?.programs ?? [];
      this.truncated = !!queue?.truncated;
      this.maxRows = queue?.maxRows ?? 0;
      this.rows = (queue?.rows ?? []).map((row) => this.toTableRow(row));
      const listed = new Set(this.rows.map((row) => row.id));
      this.selectedIds = this.selectedIds.filter((id) => listed.has(id));
    } catch (e) {
      this.error = e;
      this.rows = [];
      this.selectedIds = [];
    } finally {
      this.loading = false;
    }
  }

  private async confirm(label: string, message: string): Promise<boolean> {
    return (LightningConfirm as unknown as Confirmable).open({ label, message, theme: 'default' });
  }

  /** The total of some rows: each currency's cash summed (sorted by code), then the points. */
  private totalOf(ids: string[]): string {
    const chosen = new Set(ids);
    const cash = new Map<string, number>();
    let points = 0;
    for (const row of this.rows) {
      if (!chosen.has(row.id)) continue;
      if (row.rewardType === 'POINTS') {
        points += row.points ?? 0;
      } else {
        const code = row.currencyCode ?? '';
        cash.set(code, (cash.get(code) ?? 0) + (row.amount ?? 0));
      }
    }
    const parts = [...cash.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([code, amount]) => formatCurrency(amount, code));
    if (points) parts.push(format(LABELS.POINTS, points.toLocaleString()));
    return parts.join(', ');
  }

  private async run(call: () => Promise<unknown>, action: Action, ids: string[]): Promise<void> {
    this.working = true;
    this.actionError = undefined;
    const names = new Map(this.rows.map((row) => [row.id, row.name]));
    try {
      const results = ((await call()) ?? []) as RewardApprovalResult[];
      this.outcomes = results.map((result) =>
        this.toOutcome(result, action, names.get(result.rewardId) ?? result.rewardId)
      );
      if (action === 'issue' && results.some((r) => r.success && r.status === 'Issued')) {
        this.payoutReference = '';
      }
      this.selectedIds = [];
      await this.load();
    } catch (e) {
      // The whole request was refused (permissions, a missing reference): every row says why.
      this.actionError = e;
      const sentence = reduceErrors(e).join(' ');
      this.outcomes = ids.map((id) =>
        this.toOutcome(
          { rewardId: id, success: false, status: null, message: sentence },
          action,
          names.get(id) ?? id
        )
      );
      this.rows = this.rows.map((row) => this.toTableRow(row));
    } finally {
      this.working = false;
    }
  }

  private requireSelection(): boolean {
    if (this.selectedIds.length > 0) return true;
    this.actionError = SELECT_FIRST;
    return false;
  }

  private setReasonError(message: string): void {
    this.rejectReasonError = message;
    const input = this.template?.querySelector<
      HTMLElement & { setCustomValidity(m: string): void; reportValidity(): boolean }
    >('lightning-textarea[data-id="rejectReason"]');
    if (input) {
      input.setCustomValidity(message);
      input.reportValidity();
    }
  }

  private setPayoutError(message: string): void {
    this.payoutError = message;
    const input = this.template?.querySelector<
      HTMLElement & { setCustomValidity(m: string): void; reportValidity(): boolean }
    >('lightning-input[data-id="payoutReference"]');
    if (input) {
      input.setCustomValidity(message);
      input.reportValidity();
    }
  }

  private toOutcome(result: RewardApprovalResult, action: Action, name: string): Outcome {
    const rewardId = result.rewardId;
    if (!result.success) {
      const text = result.message ?? 'The server gave no reason; reload the page and try again.';
      return {
        rewardId,
        name,
        kind: 'refused',
        text: `Refused: ${text}`,
        cssClass: 'slds-text-color_error'
      };
    }
    if (result.message) {
      return {
        rewardId,
        name,
        kind: 'held',
        text: `Held: ${result.message.replace(/^Held:\s*/, '')}`,
        cssClass: 'slds-text-color_weak'
      };
    }
    if (action === 'reject') {
      return {
        rewardId,
        name,
        kind: 'rejected',
        text: LABELS.REJECTED,
        cssClass: 'slds-text-color_success'
      };
    }
    if (result.status === 'Issued') {
      const how = action === 'approve' ? 'Issued (points are issued on approval).' : 'Issued.';
      return { rewardId, name, kind: 'issued', text: how, cssClass: 'slds-text-color_success' };
    }
    return {
      rewardId,
      name,
      kind: 'approved',
      text: 'Approved.',
      cssClass: 'slds-text-color_success'
    };
  }

  private toTableRow(row: RewardRow): TableRow {
    const outcome = this.outcomes.find((o) => o.rewardId === row.id);
    return {
      ...row,
      typeLabel: row.rewardType === 'POINTS' ? 'Points' : 'Cash',
      valueLabel:
        row.rewardType === 'POINTS'
          ? `${row.points ?? 0} points`
          : `${formatMoney(row.amount)} ${row.currencyCode ?? ''}`.trim(),
      approvedLabel: approvedLabel(row),
      blockedReason: row.trail?.blockedReason ?? '',
      outcome: outcome ? outcome.text : ''
    };
  }
}

function approvedLabel(row: RewardRow): string {
  const { approvedByName, approvedOn } = row.trail ?? {};
  if (!approvedByName) return '';
  if (!approvedOn) return approvedByName;
  return format(LABELS.APPROVED_BY_ON, approvedByName, new Date(approvedOn).toLocaleDateString());
}

function formatCurrency(amount: number, code: string): string {
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency: code }).format(amount);
  } catch {
    // Not an ISO currency code: the amount and the code as stored.
    return `${formatMoney(amount)} ${code}`.trim();
  }
}

function formatMoney(amount: number | null): string {
  if (amount === null || amount === undefined) return '';
  return amount.toLocaleString(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}
