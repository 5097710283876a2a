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
import { formatCurrency, formatDate, formatLabel, formatNumber } from 'c/localization';
import { picklistLabel } from 'c/picklistLabels';
import TITLE from '@salesforce/label/c.Rewards_Approvals_Title';
import REFRESH from '@salesforce/label/c.Rewards_Approvals_Refresh';
import FILTERS from '@salesforce/label/c.Rewards_Approvals_Filters';
import STATUS from '@salesforce/label/c.Rewards_Approvals_Status';
import PROGRAM from '@salesforce/label/c.Rewards_Approvals_Program';
import TYPE from '@salesforce/label/c.Rewards_Approvals_Type';
import APPROVE from '@salesforce/label/c.Rewards_Approvals_Approve';
import PAYOUT_REFERENCE from '@salesforce/label/c.Rewards_Approvals_Payout_Reference';
import PAYOUT_HELP from '@salesforce/label/c.Rewards_Approvals_Payout_Help';
import ISSUE_CASH from '@salesforce/label/c.Rewards_Approvals_Issue_Cash';
import ISSUE_TITLE from '@salesforce/label/c.Rewards_Approvals_Issue_Title';
import NOT_CHANGED from '@salesforce/label/c.Rewards_Approvals_Not_Changed';
import RESULTS from '@salesforce/label/c.Rewards_Approvals_Results';
import OUTCOME_LINE from '@salesforce/label/c.Rewards_Approvals_Outcome_Line';
import LOADING from '@salesforce/label/c.Rewards_Approvals_Loading';
import SAVING from '@salesforce/label/c.Rewards_Approvals_Saving';
import LOAD_FAILED from '@salesforce/label/c.Rewards_Approvals_Load_Failed';
import TABLE from '@salesforce/label/c.Rewards_Approvals_Table';
import REFERENCE_REQUIRED from '@salesforce/label/c.Rewards_Approvals_Reference_Required';
import SELECT_FIRST_LABEL from '@salesforce/label/c.Rewards_Approvals_Select_First';
import EMPTY from '@salesforce/label/c.Rewards_Approvals_Empty';
import COL_REWARD from '@salesforce/label/c.Rewards_Approvals_Col_Reward';
import COL_ADVOCATE from '@salesforce/label/c.Rewards_Approvals_Col_Advocate';
import COL_MILESTONE from '@salesforce/label/c.Rewards_Approvals_Col_Milestone';
import COL_AMOUNT from '@salesforce/label/c.Rewards_Approvals_Col_Amount';
import COL_POINTS from '@salesforce/label/c.Rewards_Approvals_Col_Points';
import COL_HELD_REASON from '@salesforce/label/c.Rewards_Approvals_Col_Held_Reason';
import COL_RESULT from '@salesforce/label/c.Rewards_Approvals_Col_Result';
import STATUS_ALL from '@salesforce/label/c.Rewards_Approvals_Status_All';
import TYPE_ALL from '@salesforce/label/c.Rewards_Approvals_Type_All';
import ALL_PROGRAMS from '@salesforce/label/c.Rewards_Approvals_All_Programs';
import TRUNCATED from '@salesforce/label/c.Rewards_Approvals_Truncated';
import SELECTED_ONE from '@salesforce/label/c.Rewards_Approvals_Selected_One';
import SELECTED_MANY from '@salesforce/label/c.Rewards_Approvals_Selected_Many';
import NO_REASON from '@salesforce/label/c.Rewards_Approvals_No_Reason';
import REFUSED from '@salesforce/label/c.Rewards_Approvals_Refused';
import HELD from '@salesforce/label/c.Rewards_Approvals_Held';
import ISSUED_ON_APPROVAL from '@salesforce/label/c.Rewards_Approvals_Issued_On_Approval';
import ISSUED from '@salesforce/label/c.Rewards_Approvals_Issued';
import APPROVED from '@salesforce/label/c.Rewards_Approvals_Approved';
import COUNT_APPROVED from '@salesforce/label/c.Rewards_Approvals_Count_Approved';
import COUNT_ISSUED from '@salesforce/label/c.Rewards_Approvals_Count_Issued';
import COUNT_HELD from '@salesforce/label/c.Rewards_Approvals_Count_Held';
import COUNT_REFUSED from '@salesforce/label/c.Rewards_Approvals_Count_Refused';
import { LABELS } from './labels';

export const PAYOUT_REFERENCE_REQUIRED = REFERENCE_REQUIRED;
export const SELECT_FIRST = SELECT_FIRST_LABEL;
export const EMPTY_MESSAGE = EMPTY;

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
  line: string;
  cssClass: string;
}

/** A row as the table shows it. */
interface TableRow extends RewardRow {
  typeLabel: string;
  milestoneLabel: string;
  statusLabel: string;
  approvedLabel: string;
  blockedReason: string;
  outcome: string;
}

interface Column {
  label: string;
  fieldName: string;
  type?: string;
  typeAttributes?: Record<string, unknown>;
  cellAttributes?: Record<string, unknown>;
  wrapText?: boolean;
  initialWidth?: number;
}

const COLUMNS: Column[] = [
  { label: COL_REWARD, fieldName: 'name', initialWidth: 120 },
  { label: COL_ADVOCATE, fieldName: 'advocateName', wrapText: true },
  { label: PROGRAM, fieldName: 'programName', wrapText: true },
  { label: TYPE, fieldName: 'typeLabel', initialWidth: 90 },
  { label: COL_MILESTONE, fieldName: 'milestoneLabel', initialWidth: 110 },
  // money typed as currency (sorts as a number, shown in the user's locale, in its own currency)
  {
    label: COL_AMOUNT,
    fieldName: 'amount',
    type: 'currency',
    typeAttributes: { currencyCode: { fieldName: 'currencyCode' } },
    initialWidth: 130
  },
  { label: COL_POINTS, fieldName: 'points', type: 'number', initialWidth: 90 },
  { label: STATUS, fieldName: 'statusLabel', initialWidth: 100 },
  { label: COL_HELD_REASON, fieldName: 'holdReason', wrapText: true },
  { label: LABELS.COL_APPROVED_BY, fieldName: 'approvedLabel', wrapText: true, initialWidth: 160 },
  { label: LABELS.COL_BLOCKED, fieldName: 'blockedReason', wrapText: true, initialWidth: 240 },
  { label: COL_RESULT, fieldName: 'outcome', wrapText: true }
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
  labels = {
    ...LABELS,
    title: TITLE,
    refresh: REFRESH,
    filters: FILTERS,
    status: STATUS,
    program: PROGRAM,
    type: TYPE,
    approve: APPROVE,
    payoutReference: PAYOUT_REFERENCE,
    payoutHelp: PAYOUT_HELP,
    issueCash: ISSUE_CASH,
    issueTitle: ISSUE_TITLE,
    notChanged: NOT_CHANGED,
    loading: LOADING,
    saving: SAVING,
    loadFailed: LOAD_FAILED,
    table: TABLE
  };
  rows: TableRow[] = [];
  programs: ProgramOption[] = [];
  truncated = false;
  maxRows = 0;

  statusFilter = ALL;
  programFilter = ALL;
  typeFilter = ALL;

  selectedIds: string[] = [];
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
      { label: STATUS_ALL, value: ALL },
      { label: picklistLabel('REWARD_STATUS', 'Pending'), value: 'Pending' },
      { label: picklistLabel('REWARD_STATUS', 'Approved'), value: 'Approved' }
    ];
  }

  get typeOptions(): ProgramOption[] {
    return [
      { label: TYPE_ALL, value: ALL },
      { label: picklistLabel('REWARD_TYPE', 'CASH'), value: 'CASH' },
      { label: picklistLabel('REWARD_TYPE', 'POINTS'), value: 'POINTS' }
    ];
  }

  get programOptions(): ProgramOption[] {
    return [{ label: ALL_PROGRAMS, value: ALL }, ...this.programs];
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
    return formatLabel(TRUNCATED, this.maxRows);
  }

  get selectedCount(): number {
    return this.selectedIds.length;
  }

  get selectionLabel(): string {
    const n = this.selectedIds.length;
    return n === 1 ? SELECTED_ONE : formatLabel(SELECTED_MANY, n);
  }

  /** The total of the selection per currency (and points), or '' when nothing is selected. */
  get selectionTotal(): string {
    return this.selectedIds.length
      ? formatLabel(LABELS.SELECTED_TOTAL, this.totalOf(this.selectedIds))
      : '';
  }

  get actionsDisabled(): boolean {
    return this.working || this.loading || this.selectedIds.length === 0;
  }

  get outcomeSummary(): string {
    const count = (kind: Outcome['kind']): number =>
      this.outcomes.filter((o) => o.kind === kind).length;
    const parts: [number, string][] = [
      [count('approved'), COUNT_APPROVED],
      [count('issued'), COUNT_ISSUED],
      [count('held'), COUNT_HELD],
      [count('rejected'), LABELS.SUMMARY_REJECTED],
      [count('refused'), COUNT_REFUSED]
    ];
    return parts
      .filter(([n]) => n > 0)
      .map(([n, label]) => formatLabel(label, n))
      .join(', ');
  }

  get resultsHeading(): string {
    return formatLabel(RESULTS, this.outcomeSummary);
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
      formatLabel(LABELS.CONFIRM_APPROVE, ids.length, this.totalOf(ids))
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
      formatLabel(LABELS.CONFIRM_REJECT, ids.length, this.totalOf(ids), reason)
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
      formatLabel(LABELS.CONFIRM_ISSUE, ids.length, this.totalOf(ids), reference)
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
    if (points) parts.push(formatLabel(LABELS.POINTS, formatNumber(points)));
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
      const text = formatLabel(REFUSED, result.message ?? NO_REASON);
      return toOutcomeRow(rewardId, name, 'refused', text, 'slds-text-color_error');
    }
    if (result.message) {
      // the server's hold sentence starts "Held:" in the org's language; show it once
      const text = formatLabel(HELD, result.message.replace(/^Held:\s*/, ''));
      return toOutcomeRow(rewardId, name, 'held', text, 'slds-text-color_weak');
    }
    if (action === 'reject') {
      return toOutcomeRow(rewardId, name, 'rejected', LABELS.REJECTED, 'slds-text-color_success');
    }
    if (result.status === 'Issued') {
      const how = action === 'approve' ? ISSUED_ON_APPROVAL : ISSUED;
      return toOutcomeRow(rewardId, name, 'issued', how, 'slds-text-color_success');
    }
    return toOutcomeRow(rewardId, name, 'approved', APPROVED, 'slds-text-color_success');
  }

  private toTableRow(row: RewardRow): TableRow {
    const outcome = this.outcomes.find((o) => o.rewardId === row.id);
    return {
      ...row,
      typeLabel: picklistLabel('REWARD_TYPE', row.rewardType === 'POINTS' ? 'POINTS' : 'CASH'),
      milestoneLabel: picklistLabel('MILESTONE', row.milestone),
      statusLabel: picklistLabel('REWARD_STATUS', row.status),
      approvedLabel: approvedLabel(row),
      blockedReason: row.trail?.blockedReason ?? '',
      outcome: outcome ? outcome.text : ''
    };
  }
}

function toOutcomeRow(
  rewardId: string,
  name: string,
  kind: Outcome['kind'],
  text: string,
  cssClass: string
): Outcome {
  return { rewardId, name, kind, text, line: formatLabel(OUTCOME_LINE, name, text), cssClass };
}

function approvedLabel(row: RewardRow): string {
  const { approvedByName, approvedOn } = row.trail ?? {};
  if (!approvedByName) return '';
  if (!approvedOn) return approvedByName;
  return formatLabel(LABELS.APPROVED_BY_ON, approvedByName, formatDate(approvedOn));
}
