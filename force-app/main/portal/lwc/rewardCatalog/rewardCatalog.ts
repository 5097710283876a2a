import { LightningElement } from 'lwc';
import getCatalog from '@salesforce/apex/PortalController.getCatalog';
import getMyAdvocate from '@salesforce/apex/PortalController.getMyAdvocate';
import getMyRedemptions from '@salesforce/apex/PortalController.getMyRedemptions';
import redeem from '@salesforce/apex/PortalController.redeem';
import type { AdvocateView, CatalogItem, RedemptionResult, RedemptionView } from 'c/portalModel';
import { formatLabel, formatNumber } from 'c/localization';
import { picklistLabel } from 'c/picklistLabels';
import TITLE from '@salesforce/label/c.Portal_Catalog_Title';
import BALANCE from '@salesforce/label/c.Portal_Catalog_Balance';
import POINTS from '@salesforce/label/c.Portal_Catalog_Points';
import LOADING from '@salesforce/label/c.Portal_Catalog_Loading';
import LOAD_FAILED from '@salesforce/label/c.Portal_Catalog_Load_Failed';
import NO_POINTS_SPENT from '@salesforce/label/c.Portal_Catalog_No_Points_Spent';
import EMPTY from '@salesforce/label/c.Portal_Catalog_Empty';
import CONFIRM from '@salesforce/label/c.Portal_Catalog_Confirm';
import YES_REDEEM from '@salesforce/label/c.Portal_Catalog_Yes_Redeem';
import CANCEL from '@salesforce/label/c.Portal_Catalog_Cancel';
import REDEEM from '@salesforce/label/c.Portal_Catalog_Redeem';
import REDEEM_ITEM from '@salesforce/label/c.Portal_Catalog_Redeem_Item';
import MY_REDEMPTIONS from '@salesforce/label/c.Portal_Catalog_My_Redemptions';
import REDEMPTION_LINE from '@salesforce/label/c.Portal_Catalog_Redemption_Line';
import OUT_OF_STOCK from '@salesforce/label/c.Portal_Catalog_Out_Of_Stock';
import NEED_MORE from '@salesforce/label/c.Portal_Catalog_Need_More';

/** A catalog item with what the advocate can do with it. */
export interface CatalogCard extends CatalogItem {
  affordable: boolean;
  soldOut: boolean;
  disabled: boolean;
  hint: string;
  buttonLabel: string;
  showImage: boolean;
  confirming: boolean;
  confirmText: string;
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
  labels = {
    title: TITLE,
    balance: BALANCE,
    loading: LOADING,
    loadFailed: LOAD_FAILED,
    noPointsSpent: NO_POINTS_SPENT,
    empty: EMPTY,
    yesRedeem: YES_REDEEM,
    cancel: CANCEL,
    redeem: REDEEM,
    myRedemptions: MY_REDEMPTIONS
  };

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
      let hint = formatLabel(POINTS, formatNumber(item.pointsCost));
      if (soldOut) hint = OUT_OF_STOCK;
      else if (!affordable) hint = formatLabel(NEED_MORE, formatNumber(missing));
      return {
        ...item,
        affordable,
        soldOut,
        disabled: soldOut || !affordable || this.busy,
        hint,
        buttonLabel: formatLabel(REDEEM_ITEM, item.name),
        confirmText: formatLabel(CONFIRM, formatNumber(item.pointsCost), item.name),
        showImage: !!item.imageUrl && item.imageUrl.startsWith('https://'),
        confirming: this.confirmingId === item.id
      };
    });
  }

  get balanceText(): string {
    return formatLabel(POINTS, formatNumber(this.balance));
  }

  get redemptionLines(): { id: string; text: string }[] {
    return this.redemptions.map((r) => ({
      id: r.id,
      text: formatLabel(
        REDEMPTION_LINE,
        r.itemName ?? '',
        formatNumber(r.points),
        picklistLabel('REDEMPTION_STATUS', r.status)
      )
    }));
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
