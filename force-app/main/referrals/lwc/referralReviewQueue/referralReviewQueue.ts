import { LightningElement } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import LightningConfirm from 'lightning/confirm';
import getQueue from '@salesforce/apex/ReferralReviewController.getQueue';
import accept from '@salesforce/apex/ReferralReviewController.accept';
import reject from '@salesforce/apex/ReferralReviewController.reject';
import { reduceErrors } from 'c/errorMessages';
import type { ReviewDecision, ReviewQueue, ReviewRow } from 'c/referralDtos';
import { LABELS, format } from './labels';

type Action = 'accept' | 'reject';

/** How one referral's decision ended, as the results list and the Result column show it. */
interface Outcome {
  referralId: string;
  name: string;
  kind: 'accepted' | 'rejected' | 'refused';
  text: string;
  cssClass: string;
}

/** A row as the table shows it. */
interface TableRow extends ReviewRow {
  referred: string;
  matchesLabel: string;
  outcome: string;
}

interface Column {
  label: string;
  fieldName: string;
  type?: string;
  wrapText?: boolean;
  initialWidth?: number;
  typeAttributes?: Record<string, unknown>;
}

const COLUMNS: Column[] = [
  {
    label: LABELS.COL_REFERRAL,
    fieldName: 'name',
    type: 'button',
    initialWidth: 130,
    typeAttributes: { label: { fieldName: 'name' }, name: 'open', variant: 'base' }
  },
  { label: LABELS.COL_REFERRED, fieldName: 'referred', wrapText: true },
  { label: LABELS.COL_ADVOCATE, fieldName: 'advocateName', wrapText: true },
  { label: LABELS.COL_PROGRAM, fieldName: 'programName', wrapText: true },
  {
    label: LABELS.COL_SUBMITTED,
    fieldName: 'submittedDate',
    type: 'date-local',
    initialWidth: 120
  },
  { label: LABELS.COL_REASON, fieldName: 'reason', wrapText: true, initialWidth: 280 },
  { label: LABELS.COL_MATCHES, fieldName: 'matchesLabel', wrapText: true, initialWidth: 220 },
  { label: LABELS.COL_ON_ACCEPT, fieldName: 'acceptEffect', wrapText: true, initialWidth: 220 },
  { label: LABELS.COL_RESULT, fieldName: 'outcome', wrapText: true, initialWidth: 220 }
];

const MATCH_KIND: Record<string, string> = {
  Contact: LABELS.MATCH_CONTACT,
  Lead: LABELS.MATCH_LEAD,
  Opportunity: LABELS.MATCH_OPPORTUNITY
};

interface Confirmable {
  open(options: { label: string; message: string; theme?: string }): Promise<boolean>;
}

/**
 * The review queue for admins: the referrals screening sent to review (existing contact, open
 * opportunity, existing lead, other signals) with the reason in plain words and the matched records
 * the reviewer may see. Accept (a new lead, or the existing lead attached) or reject with a reason
 * the advocate reads, on a selection, after a confirmation; every row's outcome is listed.
 */
export default class ReferralReviewQueue extends NavigationMixin(LightningElement) {
  labels = LABELS;
  columns = COLUMNS;
  rows: TableRow[] = [];
  truncated = false;
  maxRows = 0;

  selectedIds: string[] = [];
  reason = '';
  reasonError = '';
  outcomes: Outcome[] = [];

  loading = true;
  working = false;
  error?: unknown;
  actionError?: unknown;

  override connectedCallback(): void {
    this.load();
  }

  // ------------------------------------------------------------------ state for the template

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

  get truncatedMessage(): string {
    return format(LABELS.TRUNCATED, this.maxRows);
  }

  get selectionLabel(): string {
    const n = this.selectedIds.length;
    return n === 1 ? LABELS.SELECTED_ONE : format(LABELS.SELECTED_MANY, n);
  }

  get actionsDisabled(): boolean {
    return this.working || this.loading || this.selectedIds.length === 0;
  }

  get outcomeHeading(): string {
    const count = (kind: Outcome['kind']): number =>
      this.outcomes.filter((o) => o.kind === kind).length;
    const parts: string[] = [];
    if (count('accepted')) parts.push(format(LABELS.SUMMARY_ACCEPTED, count('accepted')));
    if (count('rejected')) parts.push(format(LABELS.SUMMARY_REJECTED, count('rejected')));
    if (count('refused')) parts.push(format(LABELS.SUMMARY_REFUSED, count('refused')));
    return format(LABELS.RESULTS, parts.join(', '));
  }

  // ------------------------------------------------------------------ handlers

  handleRowSelection(event: CustomEvent<{ selectedRows: ReviewRow[] }>): void {
    this.selectedIds = (event.detail.selectedRows ?? []).map((row) => row.id);
    if (this.selectedIds.length) this.actionError = undefined;
  }

  handleRowAction(event: CustomEvent<{ row: ReviewRow }>): void {
    const recordId = event.detail.row.id;
    (this as unknown as Record<symbol, (ref: unknown) => void>)[NavigationMixin.Navigate]({
      type: 'standard__recordPage',
      attributes: { recordId, actionName: 'view' }
    });
  }

  handleReasonChange(event: CustomEvent<{ value: string }>): void {
    this.reason = event.detail.value ?? '';
    if (this.reason.trim()) this.setReasonError('');
  }

  async handleRefresh(): Promise<void> {
    await this.load();
  }

  async handleAccept(): Promise<void> {
    if (!this.requireSelection()) return;
    const selected = this.rows.filter((row) => this.selectedIds.includes(row.id));
    const attach = selected.filter((row) => row.attachesLead).length;
    const confirmed = await this.confirm(
      LABELS.CONFIRM_ACCEPT_TITLE,
      format(
        LABELS.CONFIRM_ACCEPT,
        this.selectedIds.length,
        attach,
        this.selectedIds.length - attach
      )
    );
    if (!confirmed) return;
    const ids = [...this.selectedIds];
    await this.run(() => accept({ referralIds: ids }), 'accept', ids);
  }

  async handleReject(): Promise<void> {
    if (!this.requireSelection()) return;
    const reason = this.reason.trim();
    if (!reason) {
      this.setReasonError(LABELS.REASON_REQUIRED);
      return;
    }
    this.setReasonError('');
    const confirmed = await this.confirm(
      LABELS.CONFIRM_REJECT_TITLE,
      format(LABELS.CONFIRM_REJECT, this.selectedIds.length, reason)
    );
    if (!confirmed) return;
    const ids = [...this.selectedIds];
    await this.run(() => reject({ referralIds: ids, reason }), 'reject', ids);
    if (this.outcomes.some((o) => o.kind === 'rejected')) this.reason = '';
  }

  // ------------------------------------------------------------------ work

  private async load(): Promise<void> {
    this.loading = true;
    this.error = undefined;
    try {
      const queue = (await getQueue()) as ReviewQueue;
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

  private async run(call: () => Promise<unknown>, action: Action, ids: string[]): Promise<void> {
    this.working = true;
    this.actionError = undefined;
    const names = new Map(this.rows.map((row) => [row.id, row.name]));
    try {
      const decisions = ((await call()) ?? []) as ReviewDecision[];
      this.outcomes = decisions.map((decision) => this.toOutcome(decision, action));
      this.selectedIds = [];
      await this.load();
    } catch (e) {
      // The whole request was refused (permissions, a missing reason): every row says why.
      this.actionError = e;
      const sentence = reduceErrors(e).join(' ');
      this.outcomes = ids.map((id) =>
        this.toOutcome(
          { referralId: id, name: names.get(id) ?? id, success: false, message: sentence },
          action
        )
      );
      this.rows = this.rows.map((row) => this.toTableRow(row));
    } finally {
      this.working = false;
    }
  }

  private requireSelection(): boolean {
    if (this.selectedIds.length > 0) return true;
    this.actionError = LABELS.SELECT_FIRST;
    return false;
  }

  private setReasonError(message: string): void {
    this.reasonError = message;
    const input = this.template?.querySelector<
      HTMLElement & { setCustomValidity(m: string): void; reportValidity(): boolean }
    >('lightning-textarea[data-id="reason"]');
    if (input) {
      input.setCustomValidity(message);
      input.reportValidity();
    }
  }

  private toOutcome(decision: ReviewDecision, action: Action): Outcome {
    const base = { referralId: decision.referralId, name: decision.name };
    if (!decision.success) {
      return {
        ...base,
        kind: 'refused',
        text: format(LABELS.RESULT_REFUSED, decision.message ?? LABELS.NO_REASON_GIVEN),
        cssClass: 'slds-text-color_error'
      };
    }
    return {
      ...base,
      kind: action === 'accept' ? 'accepted' : 'rejected',
      text: decision.message ?? '',
      cssClass: 'slds-text-color_success'
    };
  }

  private toTableRow(row: ReviewRow): TableRow {
    const outcome = this.outcomes.find((o) => o.referralId === row.id);
    const referred = [row.referredName, row.referredCompany, row.referredEmail]
      .filter((part) => !!part)
      .join(' · ');
    const matches = (row.matches ?? [])
      .map((match) => `${MATCH_KIND[match.kind] ?? match.kind}: ${match.name}`)
      .join('; ');
    return {
      ...row,
      referred,
      matchesLabel: matches || LABELS.NO_VISIBLE_MATCH,
      outcome: outcome ? outcome.text : ''
    };
  }
}
