import { LightningElement, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import getAskList from '@salesforce/apex/PropensityController.getAskList';
import invite from '@salesforce/apex/PropensityController.invite';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import type { InvitationResult } from 'c/invitationDtos';
import { formatLabel } from 'c/localization';
import { bandLabel, blockerOf, reasons, type PropensityView } from 'c/propensityDtos';
import TITLE from '@salesforce/label/c.Advocates_Ask_Title';
import EMPTY from '@salesforce/label/c.Advocates_Ask_Empty';
import HIDDEN_WINDOW from '@salesforce/label/c.Advocates_Ask_Hidden_Window';
import COL_CONTACT from '@salesforce/label/c.Advocates_Ask_Col_Contact';
import COL_ACCOUNT from '@salesforce/label/c.Advocates_Ask_Col_Account';
import COL_SCORE from '@salesforce/label/c.Advocates_Ask_Col_Score';
import COL_WHY from '@salesforce/label/c.Advocates_Ask_Col_Why';
import COL_ACTION from '@salesforce/label/c.Advocates_Ask_Col_Action';
import INVITE_SELECTED from '@salesforce/label/c.Advocates_Ask_Invite_Selected';
import SELECT_FIRST from '@salesforce/label/c.Advocates_Ask_Select_First';
import TABLE from '@salesforce/label/c.Advocates_Ask_Table';
import LOADING from '@salesforce/label/c.Advocates_Propensity_Loading';
import LOAD_FAILED from '@salesforce/label/c.Advocates_Propensity_Load_Failed';
import NO_PROGRAM from '@salesforce/label/c.Advocates_Propensity_No_Program';
import PROGRAM from '@salesforce/label/c.Advocates_Invite_Program';
import SENDING from '@salesforce/label/c.Advocates_Invite_Sending';
import NOBODY from '@salesforce/label/c.Advocates_Invite_Nobody';
import TOAST from '@salesforce/label/c.Advocates_Invite_Toast';
import SKIPPED from '@salesforce/label/c.Advocates_Invite_Skipped';
import LINE from '@salesforce/label/c.Advocates_Invite_Line';

export const SELECT_FIRST_MESSAGE = SELECT_FIRST;

/** One row of the table. */
interface AskRow {
  id: string;
  name: string;
  accountName: string;
  score: number | null;
  band: string;
  why: string;
  inviteDisabled: boolean;
}

/**
 * "Ask these customers now" on the rep's Home page: the contacts the rep can see with the highest
 * referral propensity, not advocates yet, not opted out, not asked within the program's days
 * between asks; one click invites a row, or every selected row (the existing advocate invitation).
 */
export default class AskTheseCustomers extends LightningElement {
  /** The program to ask for; null: the first active one (the server chooses). */
  programId: string | null = null;
  view?: PropensityView;
  error?: unknown;
  loaded = false;
  selectedIds: string[] = [];
  selectionError: string | null = null;
  inviting = false;
  inviteError?: unknown;
  result?: InvitationResult;
  private wiredResult: unknown;

  labels = {
    title: TITLE,
    empty: EMPTY,
    table: TABLE,
    loading: LOADING,
    loadFailed: LOAD_FAILED,
    noProgram: NO_PROGRAM,
    program: PROGRAM,
    sending: SENDING,
    nobody: NOBODY,
    skipped: SKIPPED
  };

  @wire(getAskList, { programId: '$programId' })
  wiredList(result: { data?: PropensityView; error?: unknown }): void {
    this.wiredResult = result;
    if (result.data) {
      this.view = result.data;
      this.error = undefined;
      this.loaded = true;
      const visible = new Set(result.data.rows.map((r) => r.contactId));
      this.selectedIds = this.selectedIds.filter((id) => visible.has(id));
    } else if (result.error) {
      this.error = result.error;
      this.view = undefined;
      this.loaded = true;
    }
  }

  get isLoading(): boolean {
    return !this.loaded;
  }

  get hasError(): boolean {
    return !!this.error;
  }

  get noProgram(): boolean {
    return !!this.view && this.view.programs.length === 0;
  }

  get isEmpty(): boolean {
    return !!this.view && this.view.programs.length > 0 && this.view.rows.length === 0;
  }

  get hasRows(): boolean {
    return !!this.view && this.view.programs.length > 0 && this.view.rows.length > 0;
  }

  get showProgramChoice(): boolean {
    return !!this.view && this.view.programs.length > 1;
  }

  get chosenProgramId(): string | null {
    return this.view?.programId ?? null;
  }

  get programOptions(): { label: string; value: string }[] {
    return (this.view?.programs ?? []).map((p) => ({ label: p.name, value: p.id }));
  }

  get windowText(): string {
    return formatLabel(HIDDEN_WINDOW, this.view?.askIntervalDays ?? '');
  }

  get rows(): AskRow[] {
    const programId = this.chosenProgramId;
    return (this.view?.rows ?? []).map((row) => {
      const blocker = blockerOf(row, programId);
      const why = reasons(row.breakdown).slice(0, 2);
      return {
        id: row.contactId,
        name: row.name,
        accountName: row.accountName ?? '',
        score: row.score,
        band: bandLabel(row.band),
        why: blocker ?? why.join('; '),
        inviteDisabled: blocker !== null || this.inviting
      };
    });
  }

  get columns(): unknown[] {
    return [
      { label: COL_CONTACT, fieldName: 'name', type: 'text' },
      { label: COL_ACCOUNT, fieldName: 'accountName', type: 'text' },
      { label: COL_SCORE, fieldName: 'score', type: 'number', initialWidth: 90 },
      { label: COL_WHY, fieldName: 'why', type: 'text', wrapText: true },
      {
        label: COL_ACTION,
        type: 'button',
        initialWidth: 110,
        typeAttributes: {
          label: COL_ACTION,
          name: 'invite',
          variant: 'brand',
          disabled: { fieldName: 'inviteDisabled' }
        }
      }
    ];
  }

  get inviteSelectedLabel(): string {
    return formatLabel(INVITE_SELECTED, this.selectedIds.length);
  }

  get skippedLines(): { key: string; text: string }[] {
    return (this.result?.skipped ?? []).map((s) => ({
      key: s.contactId,
      text: formatLabel(LINE, s.contactName ?? s.contactId, s.message)
    }));
  }

  get hasSkipped(): boolean {
    return this.skippedLines.length > 0;
  }

  handleProgramChange(event: CustomEvent<{ value: string }>): void {
    this.programId = event.detail.value;
    this.selectedIds = [];
    this.result = undefined;
  }

  handleRowSelection(event: CustomEvent<{ selectedRows: { id: string }[] }>): void {
    this.selectedIds = (event.detail.selectedRows ?? []).map((r) => r.id);
    if (this.selectedIds.length > 0) this.selectionError = null;
  }

  async handleRowAction(
    event: CustomEvent<{ action: { name: string }; row: { id: string } }>
  ): Promise<void> {
    if (event.detail.action.name === 'invite') {
      await this.inviteContacts([event.detail.row.id]);
    }
  }

  async handleInviteSelected(): Promise<void> {
    if (this.selectedIds.length === 0) {
      this.selectionError = SELECT_FIRST_MESSAGE;
      return;
    }
    await this.inviteContacts([...this.selectedIds]);
  }

  private async inviteContacts(contactIds: string[]): Promise<void> {
    const programId = this.chosenProgramId;
    if (!programId) return;
    this.inviting = true;
    this.inviteError = undefined;
    try {
      this.result = (await invite({ contactIds, programId })) as InvitationResult;
      this.dispatchEvent(
        new ShowToastEvent({
          title: TOAST,
          message: this.result.message,
          variant: this.result.invited.length > 0 ? 'success' : 'warning'
        })
      );
      this.selectedIds = [];
      await refreshApex(this.wiredResult);
    } catch (e) {
      this.inviteError = e;
    } finally {
      this.inviting = false;
    }
  }
}
