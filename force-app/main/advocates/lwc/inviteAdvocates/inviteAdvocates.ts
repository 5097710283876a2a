import { LightningElement, api, wire } from 'lwc';
import ACCOUNT from '@salesforce/schema/Account';
import getInviteContext from '@salesforce/apex/InviteAdvocatesController.getInviteContext';
import invite from '@salesforce/apex/InviteAdvocatesController.invite';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { CloseActionScreenEvent } from 'lightning/actions';
import type {
  InvitationResult,
  InviteCandidate,
  InviteContext,
  SkippedRow
} from 'c/invitationDtos';
import { formatLabel } from 'c/localization';
import TITLE from '@salesforce/label/c.Advocates_Invite_Title';
import LOADING from '@salesforce/label/c.Advocates_Invite_Loading';
import LOAD_FAILED from '@salesforce/label/c.Advocates_Invite_Load_Failed';
import PROGRAM from '@salesforce/label/c.Advocates_Invite_Program';
import CHOOSE_PROGRAM from '@salesforce/label/c.Advocates_Invite_Choose_Program';
import PROGRAM_HELP from '@salesforce/label/c.Advocates_Invite_Program_Help';
import CONTACTS from '@salesforce/label/c.Advocates_Invite_Contacts';
import NOBODY from '@salesforce/label/c.Advocates_Invite_Nobody';
import CANCEL from '@salesforce/label/c.Advocates_Invite_Cancel';
import SENDING from '@salesforce/label/c.Advocates_Invite_Sending';
import INVITED from '@salesforce/label/c.Advocates_Invite_Invited';
import SKIPPED from '@salesforce/label/c.Advocates_Invite_Skipped';
import SKIPPED_TABLE from '@salesforce/label/c.Advocates_Invite_Skipped_Table';
import DONE from '@salesforce/label/c.Advocates_Invite_Done';
import WRONG_PAGE from '@salesforce/label/c.Advocates_Invite_Wrong_Page';
import PROGRAM_REQUIRED from '@salesforce/label/c.Advocates_Invite_Program_Required';
import SELECTION_REQUIRED from '@salesforce/label/c.Advocates_Invite_Selection_Required';
import ALREADY_ADVOCATE from '@salesforce/label/c.Advocates_Invite_Already_Advocate';
import NO_EMAIL from '@salesforce/label/c.Advocates_Invite_No_Email';
import OPTED_OUT from '@salesforce/label/c.Advocates_Invite_Opted_Out';
import READY from '@salesforce/label/c.Advocates_Invite_Ready';
import COL_NAME from '@salesforce/label/c.Advocates_Invite_Col_Name';
import COL_EMAIL from '@salesforce/label/c.Advocates_Invite_Col_Email';
import COL_TITLE from '@salesforce/label/c.Advocates_Invite_Col_Title';
import COL_INVITATION from '@salesforce/label/c.Advocates_Invite_Col_Invitation';
import COL_CONTACT from '@salesforce/label/c.Advocates_Invite_Col_Contact';
import COL_WHY from '@salesforce/label/c.Advocates_Invite_Col_Why';
import INVITE_ONE from '@salesforce/label/c.Advocates_Invite_One';
import INVITE_MANY from '@salesforce/label/c.Advocates_Invite_Many';
import SENT_TO from '@salesforce/label/c.Advocates_Invite_Sent_To';
import LINE from '@salesforce/label/c.Advocates_Invite_Line';
import EMAIL_NOT_SENT from '@salesforce/label/c.Advocates_Invite_Email_Not_Sent';
import TOAST from '@salesforce/label/c.Advocates_Invite_Toast';

/** Days an invitation link stays valid (AdvocateInvitationService.VALID_DAYS). */
const INVITATION_VALID_DAYS = 14;

export const WRONG_PAGE_MESSAGE = WRONG_PAGE;
export const PROGRAM_REQUIRED_MESSAGE = PROGRAM_REQUIRED;
export const SELECTION_REQUIRED_MESSAGE = SELECTION_REQUIRED;

/** One row of the contacts table. */
interface CandidateRow {
  id: string;
  name: string;
  email: string;
  title: string;
  status: string;
}

/** Why a contact cannot be invited to the program, as the table shows it, or null when it can. */
export function blockerOf(contact: InviteCandidate, programId: string | null): string | null {
  if (programId && contact.advocateProgramIds.includes(programId)) {
    return ALREADY_ADVOCATE;
  }
  if (!contact.email) return NO_EMAIL;
  if (contact.hasOptedOutOfEmail) return OPTED_OUT;
  return null;
}

/**
 * Invites contacts to a referral program in one click: creates their advocate records, sends each
 * the invitation email with their personal link, and shows who was skipped and why. Runs as an
 * Account record action and inside the screen flow behind the Contacts list view button.
 */
export default class InviteAdvocates extends LightningElement {
  @api recordId?: string;
  @api objectApiName?: string;
  /** Contacts selected in a list view (the flow's `ids`). */
  @api contactIds?: string[];

  context?: InviteContext;
  error?: unknown;
  loaded = false;
  programId: string | null = null;
  selectedIds: string[] = [];
  programError: string | null = null;
  selectionError: string | null = null;
  inviting = false;
  inviteError?: unknown;
  result?: InvitationResult;

  @wire(getInviteContext, { recordId: '$accountId', contactIds: '$selectedListIds' })
  wiredContext(response: { data?: InviteContext; error?: unknown }): void {
    if (response.data) {
      this.context = response.data;
      this.error = undefined;
      this.loaded = true;
      this.programId = this.programId ?? response.data.defaultProgramId ?? null;
      this.selectedIds = this.invitableIds();
    } else if (response.error) {
      this.error = response.error;
      this.context = undefined;
      this.loaded = true;
    }
  }

  /** The account whose contacts are offered (record action), else null. */
  get accountId(): string | null {
    if (this.isWrongPage) return null;
    return this.objectApiName === ACCOUNT.objectApiName ? (this.recordId ?? null) : null;
  }

  /** Contacts passed by the list view flow, else null. */
  get selectedListIds(): string[] | null {
    return this.contactIds && this.contactIds.length > 0 ? [...this.contactIds] : null;
  }

  get isWrongPage(): boolean {
    const onAccount = this.objectApiName === ACCOUNT.objectApiName && !!this.recordId;
    const fromList = !!this.contactIds && this.contactIds.length > 0;
    return !onAccount && !fromList;
  }

  get wrongPageMessage(): string {
    return WRONG_PAGE_MESSAGE;
  }

  get isLoading(): boolean {
    return !this.isWrongPage && !this.loaded;
  }

  get hasError(): boolean {
    return !this.isWrongPage && !!this.error;
  }

  get contextMessage(): string | null {
    return this.context?.message ?? null;
  }

  get showForm(): boolean {
    return (
      !this.isWrongPage &&
      !!this.context &&
      this.context.programs.length > 0 &&
      this.context.contacts.length > 0 &&
      !this.result
    );
  }

  get programOptions(): { label: string; value: string }[] {
    return (this.context?.programs ?? []).map((p) => ({ label: p.name, value: p.id }));
  }

  get rows(): CandidateRow[] {
    return (this.context?.contacts ?? []).map((c) => ({
      id: c.id,
      name: c.name,
      email: c.email ?? '',
      title: c.title ?? '',
      status: blockerOf(c, this.programId) ?? READY
    }));
  }

  get columns(): unknown[] {
    return [
      { label: COL_NAME, fieldName: 'name', type: 'text' },
      { label: COL_EMAIL, fieldName: 'email', type: 'email' },
      { label: COL_TITLE, fieldName: 'title', type: 'text' },
      { label: COL_INVITATION, fieldName: 'status', type: 'text' }
    ];
  }

  get skippedColumns(): unknown[] {
    return [
      { label: COL_CONTACT, fieldName: 'contactName', type: 'text' },
      { label: COL_WHY, fieldName: 'message', type: 'text', wrapText: true }
    ];
  }

  get inviteLabel(): string {
    const n = this.selectedIds.length;
    return n === 1 ? INVITE_ONE : formatLabel(INVITE_MANY, n);
  }

  get inviteDisabled(): boolean {
    return this.inviting;
  }

  get hasResult(): boolean {
    return !!this.result;
  }

  labels = {
    title: TITLE,
    loading: LOADING,
    loadFailed: LOAD_FAILED,
    program: PROGRAM,
    chooseProgram: CHOOSE_PROGRAM,
    programRequired: PROGRAM_REQUIRED,
    contacts: CONTACTS,
    nobody: NOBODY,
    cancel: CANCEL,
    sending: SENDING,
    invited: INVITED,
    skipped: SKIPPED,
    skippedTable: SKIPPED_TABLE,
    done: DONE
  };

  get programHelp(): string {
    return formatLabel(PROGRAM_HELP, INVITATION_VALID_DAYS);
  }

  get resultMessage(): string {
    return this.result?.message ?? '';
  }

  get invitedRows(): { key: string; text: string }[] {
    return (this.result?.invited ?? []).map((row) => ({
      key: row.contactId,
      text: row.emailSent
        ? formatLabel(SENT_TO, row.contactName ?? row.contactId, row.email ?? '')
        : formatLabel(LINE, row.contactName ?? row.contactId, row.message ?? EMAIL_NOT_SENT)
    }));
  }

  get hasInvited(): boolean {
    return this.invitedRows.length > 0;
  }

  get skippedRows(): SkippedRow[] {
    return this.result?.skipped ?? [];
  }

  get hasSkipped(): boolean {
    return this.skippedRows.length > 0;
  }

  get isAction(): boolean {
    return this.objectApiName === ACCOUNT.objectApiName;
  }

  private invitableIds(): string[] {
    return (this.context?.contacts ?? [])
      .filter((c) => blockerOf(c, this.programId) === null)
      .map((c) => c.id);
  }

  handleProgramChange(event: CustomEvent<{ value: string }>): void {
    this.programId = event.detail.value;
    this.programError = null;
    this.selectedIds = this.invitableIds();
  }

  handleRowSelection(event: CustomEvent<{ selectedRows: { id: string }[] }>): void {
    this.selectedIds = (event.detail.selectedRows ?? []).map((row) => row.id);
    if (this.selectedIds.length > 0) this.selectionError = null;
  }

  async handleInvite(): Promise<void> {
    this.inviteError = undefined;
    this.programError = this.programId ? null : PROGRAM_REQUIRED_MESSAGE;
    this.selectionError = this.selectedIds.length > 0 ? null : SELECTION_REQUIRED_MESSAGE;
    if (this.programError || this.selectionError) {
      const combobox = this.template?.querySelector('lightning-combobox') as
        (HTMLElement & { reportValidity?: () => boolean }) | null | undefined;
      combobox?.reportValidity?.();
      return;
    }
    this.inviting = true;
    try {
      this.result = (await invite({
        contactIds: [...this.selectedIds],
        programId: this.programId
      })) as InvitationResult;
      this.dispatchEvent(
        new ShowToastEvent({
          title: TOAST,
          message: this.result.message,
          variant: this.result.invited.length > 0 ? 'success' : 'warning'
        })
      );
    } catch (e) {
      this.inviteError = e;
    } finally {
      this.inviting = false;
    }
  }

  handleClose(): void {
    this.dispatchEvent(new CloseActionScreenEvent());
  }
}
