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

export const WRONG_PAGE_MESSAGE =
  'Invite advocates from an Account or from the Contacts list view.';
export const PROGRAM_REQUIRED_MESSAGE = 'Choose the referral program to invite the contacts to.';
export const SELECTION_REQUIRED_MESSAGE = 'Select at least one contact to invite.';

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
    return 'Already an advocate';
  }
  if (!contact.email) return 'No email';
  if (contact.hasOptedOutOfEmail) return 'Opted out of email';
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
      status: blockerOf(c, this.programId) ?? 'Ready to invite'
    }));
  }

  get columns(): unknown[] {
    return [
      { label: 'Name', fieldName: 'name', type: 'text' },
      { label: 'Email', fieldName: 'email', type: 'email' },
      { label: 'Title', fieldName: 'title', type: 'text' },
      { label: 'Invitation', fieldName: 'status', type: 'text' }
    ];
  }

  get skippedColumns(): unknown[] {
    return [
      { label: 'Contact', fieldName: 'contactName', type: 'text' },
      { label: 'Why not invited', fieldName: 'message', type: 'text', wrapText: true }
    ];
  }

  get inviteLabel(): string {
    const n = this.selectedIds.length;
    return n === 1 ? 'Invite 1 contact' : `Invite ${n} contacts`;
  }

  get inviteDisabled(): boolean {
    return this.inviting;
  }

  get hasResult(): boolean {
    return !!this.result;
  }

  get resultMessage(): string {
    return this.result?.message ?? '';
  }

  get invitedRows(): { key: string; text: string }[] {
    return (this.result?.invited ?? []).map((row) => ({
      key: row.contactId,
      text: row.emailSent
        ? `${row.contactName ?? row.contactId}: invitation sent to ${row.email ?? ''}`
        : `${row.contactName ?? row.contactId}: ${row.message ?? 'invited, but the email was not sent.'}`
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
          title: 'Invitations',
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
