import { LightningElement, api, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import getRecordPropensity from '@salesforce/apex/PropensityController.getRecordPropensity';
import invite from '@salesforce/apex/PropensityController.invite';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import type { InvitationResult } from 'c/invitationDtos';
import { formatDate, formatLabel } from 'c/localization';
import {
  bandLabel,
  blockerOf,
  reasons,
  type PropensityBand,
  type PropensityView
} from 'c/propensityDtos';
import TITLE from '@salesforce/label/c.Advocates_Propensity_Title';
import LOADING from '@salesforce/label/c.Advocates_Propensity_Loading';
import LOAD_FAILED from '@salesforce/label/c.Advocates_Propensity_Load_Failed';
import NOT_SCORED from '@salesforce/label/c.Advocates_Propensity_Not_Scored';
import NO_CONTACTS from '@salesforce/label/c.Advocates_Propensity_No_Contacts';
import SCORE from '@salesforce/label/c.Advocates_Propensity_Score';
import COMPUTED from '@salesforce/label/c.Advocates_Propensity_Computed';
import ASKED_ON from '@salesforce/label/c.Advocates_Propensity_Asked_On';
import NOTHING from '@salesforce/label/c.Advocates_Propensity_Why_Nothing';
import INVITE from '@salesforce/label/c.Advocates_Propensity_Invite';
import INVITE_NAME from '@salesforce/label/c.Advocates_Propensity_Invite_Name';
import NO_PROGRAM from '@salesforce/label/c.Advocates_Propensity_No_Program';
import PROGRAM from '@salesforce/label/c.Advocates_Invite_Program';
import SENDING from '@salesforce/label/c.Advocates_Invite_Sending';
import NOBODY from '@salesforce/label/c.Advocates_Invite_Nobody';
import TOAST from '@salesforce/label/c.Advocates_Invite_Toast';

/** One contact as the card shows it. */
interface PanelItem {
  key: string;
  name: string;
  scored: boolean;
  scoreText: string;
  bandText: string;
  badgeClass: string;
  reasons: string[];
  hasReasons: boolean;
  computedText: string;
  askedText: string;
  blocker: string | null;
  canInvite: boolean;
  inviteName: string;
  outcome: string | null;
}

const BADGE: Record<PropensityBand, string> = {
  HIGH: 'slds-badge slds-theme_success',
  MEDIUM: 'slds-badge slds-theme_warning',
  LOW: 'slds-badge',
  EXCLUDED: 'slds-badge slds-badge_inverse'
};

/**
 * Referral propensity on Account and Contact record pages: the nightly score (0-100) of the
 * contact, or of the account's contacts highest first, with its reasons in plain words, and
 * "Invite as advocate" in one click (the existing advocate invitation).
 */
export default class PropensityPanel extends LightningElement {
  @api recordId?: string;
  @api objectApiName?: string;

  view?: PropensityView;
  error?: unknown;
  loaded = false;
  programId: string | null = null;
  inviting = false;
  inviteError?: unknown;
  /** The invitation's sentence per contact, after a click. */
  outcomes: Record<string, string> = {};
  private wiredResult: unknown;

  labels = {
    title: TITLE,
    loading: LOADING,
    loadFailed: LOAD_FAILED,
    noContacts: NO_CONTACTS,
    notScored: NOT_SCORED,
    nothing: NOTHING,
    invite: INVITE,
    noProgram: NO_PROGRAM,
    program: PROGRAM,
    sending: SENDING,
    nobody: NOBODY
  };

  @wire(getRecordPropensity, { recordId: '$recordId' })
  wiredView(result: { data?: PropensityView; error?: unknown }): void {
    this.wiredResult = result;
    if (result.data) {
      this.view = result.data;
      this.error = undefined;
      this.loaded = true;
      const ids = result.data.programs.map((p) => p.id);
      if (!this.programId || !ids.includes(this.programId)) {
        this.programId = result.data.programId ?? null;
      }
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

  get isEmpty(): boolean {
    return !!this.view && this.view.rows.length === 0;
  }

  get noProgram(): boolean {
    return !!this.view && this.view.rows.length > 0 && this.view.programs.length === 0;
  }

  get showProgramChoice(): boolean {
    return !!this.view && this.view.programs.length > 1;
  }

  get programOptions(): { label: string; value: string }[] {
    return (this.view?.programs ?? []).map((p) => ({ label: p.name, value: p.id }));
  }

  get showNames(): boolean {
    return this.objectApiName !== 'Contact';
  }

  get items(): PanelItem[] {
    return (this.view?.rows ?? []).map((row) => {
      const scored = row.score !== null && row.score !== undefined;
      const why = reasons(row.breakdown);
      const blocker = blockerOf(row, this.programId);
      return {
        key: row.contactId,
        name: row.name,
        scored,
        scoreText: scored ? formatLabel(SCORE, row.score) : '',
        bandText: bandLabel(row.band),
        badgeClass: row.band ? BADGE[row.band] : 'slds-badge',
        reasons: why,
        hasReasons: why.length > 0,
        computedText: row.computedOn ? formatLabel(COMPUTED, formatDate(row.computedOn)) : '',
        askedText: row.lastAskedOn ? formatLabel(ASKED_ON, formatDate(row.lastAskedOn)) : '',
        blocker,
        canInvite: blocker === null && !!this.programId && !this.outcomes[row.contactId],
        inviteName: formatLabel(INVITE_NAME, row.name),
        outcome: this.outcomes[row.contactId] ?? null
      };
    });
  }

  handleProgramChange(event: CustomEvent<{ value: string }>): void {
    this.programId = event.detail.value;
  }

  async handleInvite(event: Event): Promise<void> {
    const contactId = (event.currentTarget as HTMLElement).dataset.id;
    if (!contactId || !this.programId) return;
    this.inviting = true;
    this.inviteError = undefined;
    try {
      const result = (await invite({
        contactIds: [contactId],
        programId: this.programId
      })) as InvitationResult;
      const skipped = result.skipped.find((s) => s.contactId === contactId);
      this.outcomes = {
        ...this.outcomes,
        [contactId]: skipped ? skipped.message : result.message
      };
      this.dispatchEvent(
        new ShowToastEvent({
          title: TOAST,
          message: result.message,
          variant: result.invited.length > 0 ? 'success' : 'warning'
        })
      );
      await refreshApex(this.wiredResult);
    } catch (e) {
      this.inviteError = e;
    } finally {
      this.inviting = false;
    }
  }
}
