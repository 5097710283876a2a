import { LightningElement, api, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import getOwnership from '@salesforce/apex/LeadOwnershipController.getOwnership';
import claim from '@salesforce/apex/LeadOwnershipController.claim';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import type { ClaimResult, LeadOwnership } from 'c/referralDtos';
import { formatLabel } from 'c/localization';
import TITLE from '@salesforce/label/c.Referrals_Ownership_Title';
import WRONG_PAGE from '@salesforce/label/c.Referrals_Ownership_Wrong_Page';
import LOADING from '@salesforce/label/c.Referrals_Ownership_Loading';
import LOAD_FAILED from '@salesforce/label/c.Referrals_Ownership_Load_Failed';
import REFERRED_BY from '@salesforce/label/c.Referrals_Ownership_Referred_By';
import OPEN_ADVOCATE from '@salesforce/label/c.Referrals_Ownership_Open_Advocate';
import ACCOUNT_OWNER from '@salesforce/label/c.Referrals_Ownership_Account_Owner';
import RELATIONSHIP_OWNER from '@salesforce/label/c.Referrals_Ownership_Relationship_Owner';
import ROUTED_TO from '@salesforce/label/c.Referrals_Ownership_Routed_To';
import WHY from '@salesforce/label/c.Referrals_Ownership_Why';
import LEAD_OWNER from '@salesforce/label/c.Referrals_Ownership_Lead_Owner';
import CLAIM_FAILED from '@salesforce/label/c.Referrals_Ownership_Claim_Failed';
import CLAIM from '@salesforce/label/c.Referrals_Ownership_Claim';
import CLAIMING from '@salesforce/label/c.Referrals_Ownership_Claiming';
import UNKNOWN_ADVOCATE from '@salesforce/label/c.Referrals_Ownership_Unknown_Advocate';
import ADVOCATE_AT from '@salesforce/label/c.Referrals_Ownership_Advocate_At';
import NOT_KNOWN from '@salesforce/label/c.Referrals_Ownership_Not_Known';
import NONE from '@salesforce/label/c.Referrals_Ownership_None';
import NOT_ROUTED from '@salesforce/label/c.Referrals_Ownership_Not_Routed';
import NO_REASON from '@salesforce/label/c.Referrals_Ownership_No_Reason';
import CLAIM_TITLE_OWNER from '@salesforce/label/c.Referrals_Ownership_Claim_Title_Owner';
import CLAIM_TITLE from '@salesforce/label/c.Referrals_Ownership_Claim_Title';
import CLAIMED from '@salesforce/label/c.Referrals_Ownership_Claimed';

export const WRONG_PAGE_MESSAGE = WRONG_PAGE;

/**
 * Lead ownership panel for the Lead record page: the referring advocate, the routing decision and
 * its reason, the advocate's account owner, and a Claim button for that rep when the program
 * allows it. The server decides whether the claim stands.
 */
export default class LeadOwnershipPanel extends LightningElement {
  @api recordId?: string;
  @api objectApiName?: string;

  data?: LeadOwnership;
  error?: unknown;
  claimError?: unknown;
  loaded = false;
  claiming = false;
  private wiredResult?: unknown;

  labels = {
    title: TITLE,
    loading: LOADING,
    loadFailed: LOAD_FAILED,
    referredBy: REFERRED_BY,
    openAdvocate: OPEN_ADVOCATE,
    accountOwner: ACCOUNT_OWNER,
    relationshipOwner: RELATIONSHIP_OWNER,
    routedTo: ROUTED_TO,
    why: WHY,
    leadOwner: LEAD_OWNER,
    claimFailed: CLAIM_FAILED,
    claim: CLAIM,
    claiming: CLAIMING
  };

  @wire(getOwnership, { leadId: '$recordId' })
  wiredOwnership(result: { data?: LeadOwnership; error?: unknown }): void {
    this.wiredResult = result;
    if (result.data) {
      this.data = result.data;
      this.error = undefined;
      this.loaded = true;
    } else if (result.error) {
      this.error = result.error;
      this.data = undefined;
      this.loaded = true;
    }
  }

  get isWrongPage(): boolean {
    return !this.recordId || (!!this.objectApiName && this.objectApiName !== 'Lead');
  }

  get wrongPageMessage(): string {
    return WRONG_PAGE_MESSAGE;
  }

  get isLoading(): boolean {
    return !this.isWrongPage && !this.loaded;
  }

  get hasError(): boolean {
    return !this.isWrongPage && this.loaded && !!this.error;
  }

  get isEmpty(): boolean {
    return !this.isWrongPage && !!this.data && !this.data.hasReferral;
  }

  get emptyMessage(): string {
    return this.data?.message ?? '';
  }

  get isReady(): boolean {
    return !this.isWrongPage && !!this.data && this.data.hasReferral;
  }

  get advocateLabel(): string {
    const a = this.data?.advocate;
    if (!a) return UNKNOWN_ADVOCATE;
    const who = a.contactName ?? a.name ?? UNKNOWN_ADVOCATE;
    return a.accountName ? formatLabel(ADVOCATE_AT, who, a.accountName) : who;
  }

  get advocateUrl(): string {
    const id = this.data?.advocate?.id;
    return id ? `/lightning/r/Advocate__c/${id}/view` : '';
  }

  get accountOwnerLabel(): string {
    return this.data?.advocate?.accountOwnerName ?? NOT_KNOWN;
  }

  get relationshipOwnerLabel(): string {
    return this.data?.advocate?.relationshipOwnerName ?? NONE;
  }

  get routeLabel(): string {
    const routing = this.data?.routing;
    return routing?.routeLabel ?? routing?.route ?? NOT_ROUTED;
  }

  get reasonLabel(): string {
    return this.data?.routing?.reason ?? NO_REASON;
  }

  get leadOwnerLabel(): string {
    return this.data?.lead?.ownerName ?? '';
  }

  get canClaim(): boolean {
    return !!this.data?.canClaim;
  }

  get claimBlockedReason(): string | null {
    return this.data?.canClaim ? null : (this.data?.claimBlockedReason ?? null);
  }

  get claimDisabled(): boolean {
    return this.claiming;
  }

  get claimTitle(): string {
    const owner = this.data?.advocate?.accountOwnerName;
    return owner ? formatLabel(CLAIM_TITLE_OWNER, owner) : CLAIM_TITLE;
  }

  async handleClaim(): Promise<void> {
    if (!this.recordId || this.claiming) return;
    this.claiming = true;
    this.claimError = undefined;
    try {
      const result = (await claim({ leadId: this.recordId })) as ClaimResult;
      this.dispatchEvent(
        new ShowToastEvent({ title: CLAIMED, message: result.message, variant: 'success' })
      );
      await refreshApex(this.wiredResult);
      await notifyRecordUpdateAvailable([{ recordId: this.recordId }]);
    } catch (e) {
      this.claimError = e;
    } finally {
      this.claiming = false;
    }
  }
}
