import { LightningElement } from 'lwc';
import getCatalog from '@salesforce/apex/PortalController.getCatalog';
import getMyAdvocate from '@salesforce/apex/PortalController.getMyAdvocate';
import getMyRedemptions from '@salesforce/apex/PortalController.getMyRedemptions';
import redeem from '@salesforce/apex/PortalController.redeem';
import type { AdvocateView, CatalogItem, RedemptionResult, RedemptionView } from 'c/portalModel';

/** A catalog item with what the advocate can do with it. */
export interface CatalogCard extends CatalogItem {
  affordable: boolean;
  soldOut: boolean;
  disabled: boolean;
  hint: string;
  buttonLabel: string;
  showImage: boolean;
  confirming: boolean;
}

/** Portal: the reward catalog; redeeming points is checked again on the server under a lock. */
export default class RewardCatalog extends LightningElement {
  items: CatalogItem[] = [];
  redemptions: RedemptionView[] = [];
  balance = 0;
  loading = true;
  busy = false;
  error?: unknown;
  redeemError?: unknown;
  confirmingId: string | null = null;
  successMessage: string | null = null;

  override connectedCallback(): void {
    this.load();
  }

  async load(): Promise<void> {
    this.loading = true;
    this.error = undefined;
    try {
      const [items, advocate, redemptions] = await Promise.all([
        getCatalog(),
        getMyAdvocate(),
        getMyRedemptions()
      ]);
      this.items = items as CatalogItem[];
      this.balance = (advocate as AdvocateView).pointsBalance ?? 0;
      this.redemptions = redemptions as RedemptionView[];
    } catch (error) {
      this.error = error;
    } finally {
      this.loading = false;
    }
  }

  get cards(): CatalogCard[] {
    return this.items.map((item) => {
      const soldOut = item.stock !== null && item.stock <= 0;
      const affordable = item.pointsCost <= this.balance;
      const missing = item.pointsCost - this.balance;
      let hint = `${item.pointsCost} points`;
      if (soldOut) hint = 'Out of stock for now';
      else if (!affordable) hint = `You need ${missing} more points`;
      return {
        ...item,
        affordable,
        soldOut,
        disabled: soldOut || !affordable || this.busy,
        hint,
        buttonLabel: `Redeem ${item.name}`,
        showImage: !!item.imageUrl && item.imageUrl.startsWith('https://'),
        confirming: this.confirmingId === item.id
      };
    });
  }

  get isEmpty(): boolean {
    return !this.loading && !this.error && this.items.length === 0;
  }

  get hasItems(): boolean {
    return this.items.length > 0;
  }

  get hasRedemptions(): boolean {
    return this.redemptions.length > 0;
  }

  handleAsk(event: Event): void {
    this.confirmingId = (event.currentTarget as HTMLElement).dataset.id ?? null;
    this.successMessage = null;
    this.redeemError = undefined;
  }

  handleCancel(): void {
    this.confirmingId = null;
  }

  async handleConfirm(): Promise<void> {
    const catalogItemId = this.confirmingId;
    if (!catalogItemId) return;
    this.busy = true;
    this.redeemError = undefined;
    try {
      const result = (await redeem({ catalogItemId })) as RedemptionResult;
      this.balance = result.pointsBalance;
      this.successMessage = result.message;
      this.confirmingId = null;
      this.redemptions = (await getMyRedemptions()) as RedemptionView[];
    } catch (error) {
      this.redeemError = error;
    } finally {
      this.busy = false;
    }
  }
}
