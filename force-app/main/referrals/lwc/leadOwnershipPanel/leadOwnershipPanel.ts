import { LightningElement, api, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import getOwnership from '@salesforce/apex/LeadOwnershipController.getOwnership';
import claim from '@salesforce/apex/LeadOwnershipController.claim';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import type { ClaimResult, LeadOwnership } from 'c/referralDtos';

export const WRONG_PAGE_MESSAGE =
  'The lead ownership panel works only on a Lead record page; ask your admin to move it there.';

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
    if (!a) return 'Unknown advocate';
    const who = a.contactName ?? a.name ?? 'Unknown advocate';
    return a.accountName ? `${who}, ${a.accountName}` : who;
  }

  get advocateUrl(): string {
    const id = this.data?.advocate?.id;
    return id ? `/lightning/r/Advocate__c/${id}/view` : '';
  }

  get accountOwnerLabel(): string {
    return this.data?.advocate?.accountOwnerName ?? 'Not known';
  }

  get relationshipOwnerLabel(): string {
    return this.data?.advocate?.relationshipOwnerName ?? 'None';
  }

  get routeLabel(): string {
    const routing = this.data?.routing;
    return routing?.routeLabel ?? routing?.route ?? 'Not routed yet';
  }

  get reasonLabel(): string {
    return this.data?.routing?.reason ?? 'No routing reason was recorded.';
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
    return owner
      ? `Take this lead: you own the advocate's account (${owner}).`
      : 'Take this lead as the owner of the advocate.';
  }

  async handleClaim(): Promise<void> {
    if (!this.recordId || this.claiming) return;
    this.claiming = true;
    this.claimError = undefined;
    try {
      const result = (await claim({ leadId: this.recordId })) as ClaimResult;
      this.dispatchEvent(
        new ShowToastEvent({ title: 'Lead claimed', message: result.message, variant: 'success' })
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
