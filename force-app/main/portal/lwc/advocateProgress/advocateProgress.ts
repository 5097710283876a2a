import { LightningElement } from 'lwc';
import getMyProgress from '@salesforce/apex/AdvocateProgressController.getMyProgress';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import { formatLabel, formatNumber } from 'c/localization';
import { picklistLabel } from 'c/picklistLabels';
import { payoutsText } from 'c/progressModel';
import type { Badge, Payout, ProgressView } from 'c/progressModel';
import TITLE from '@salesforce/label/c.Portal_Progress_Title';
import LOADING from '@salesforce/label/c.Portal_Progress_Loading';
import LOAD_FAILED from '@salesforce/label/c.Portal_Progress_Load_Failed';
import NEXT_REWARD from '@salesforce/label/c.Portal_Progress_Next_Reward';
import NEXT_QUALIFIED from '@salesforce/label/c.Portal_Progress_Next_Qualified';
import NEXT_WON from '@salesforce/label/c.Portal_Progress_Next_Won';
import NEXT_NONE from '@salesforce/label/c.Portal_Progress_Next_None';
import EACH_REFERRAL from '@salesforce/label/c.Portal_Progress_Each_Referral';
import AT_SUBMITTED from '@salesforce/label/c.Portal_Progress_At_Submitted';
import AT_QUALIFIED from '@salesforce/label/c.Portal_Progress_At_Qualified';
import AT_WON from '@salesforce/label/c.Portal_Progress_At_Won';
import NO_PAYOUTS from '@salesforce/label/c.Portal_Progress_No_Payouts';
import CATALOG_TO_GO from '@salesforce/label/c.Portal_Progress_Catalog_To_Go';
import BADGES from '@salesforce/label/c.Portal_Progress_Badges';
import BADGE_FIRST_REFERRAL from '@salesforce/label/c.Portal_Badge_First_Referral';
import BADGE_FIRST_WIN from '@salesforce/label/c.Portal_Badge_First_Win';
import BADGE_FIVE_REFERRALS from '@salesforce/label/c.Portal_Badge_Five_Referrals';
import EARNED_BADGE from '@salesforce/label/c.Portal_Badge_Earned';
import NOT_EARNED from '@salesforce/label/c.Portal_Badge_Not_Earned';
import EARNED_ON from '@salesforce/label/c.Portal_Badge_Earned_On';
import REMAINING_ONE from '@salesforce/label/c.Portal_Badge_Remaining_One';
import REMAINING_MANY from '@salesforce/label/c.Portal_Badge_Remaining_Many';
import WIN_REMAINING from '@salesforce/label/c.Portal_Badge_Win_Remaining';
import NEXT_BADGE from '@salesforce/label/c.Portal_Progress_Next_Badge';
import ALL_BADGES from '@salesforce/label/c.Portal_Progress_All_Badges';
import POINTS from '@salesforce/label/c.Portal_Progress_Points';
import BALANCE from '@salesforce/label/c.Portal_Progress_Balance';
import EARNED from '@salesforce/label/c.Portal_Progress_Earned';
import REDEEMED from '@salesforce/label/c.Portal_Progress_Redeemed';
import CLAWED_BACK from '@salesforce/label/c.Portal_Progress_Clawed_Back';
import PENDING from '@salesforce/label/c.Portal_Progress_Pending';
import HISTORY from '@salesforce/label/c.Portal_Progress_History';
import COL_DATE from '@salesforce/label/c.Portal_Progress_Col_Date';
import COL_MOVEMENT from '@salesforce/label/c.Portal_Progress_Col_Movement';
import COL_POINTS from '@salesforce/label/c.Portal_Progress_Col_Points';
import COL_STATUS from '@salesforce/label/c.Portal_Progress_Col_Status';
import NO_POINTS from '@salesforce/label/c.Portal_Progress_No_Points';

const BADGE_NAMES: Record<string, string> = {
  FIRST_REFERRAL: BADGE_FIRST_REFERRAL,
  FIRST_WIN: BADGE_FIRST_WIN,
  FIVE_REFERRALS: BADGE_FIVE_REFERRALS
};

const KINDS: Record<string, string> = {
  EARNED,
  REDEEMED,
  CLAWED_BACK
};

const AT_MILESTONE: Record<string, string> = {
  SUBMITTED: AT_SUBMITTED,
  QUALIFIED: AT_QUALIFIED,
  WON: AT_WON
};

/** What a badge still needs, in words. */
export function remainingText(badge: Badge): string {
  if (badge.key === 'FIRST_WIN') return WIN_REMAINING;
  return badge.remaining === 1 ? REMAINING_ONE : formatLabel(REMAINING_MANY, badge.remaining);
}

/**
 * Portal: progress to the next reward and badge, what each referral earns, the badges and the
 * points balance with its history (earned, redeemed, clawed back), dated in the user's time zone.
 */
export default class AdvocateProgress extends LightningElement {
  progress?: ProgressView;
  loading = true;
  error?: unknown;
  timeZone = TIME_ZONE;
  labels = {
    title: TITLE,
    loading: LOADING,
    loadFailed: LOAD_FAILED,
    nextReward: NEXT_REWARD,
    eachReferral: EACH_REFERRAL,
    noPayouts: NO_PAYOUTS,
    badges: BADGES,
    earnedOn: EARNED_ON,
    points: POINTS,
    balance: BALANCE,
    earned: EARNED,
    redeemed: REDEEMED,
    clawedBack: CLAWED_BACK,
    pending: PENDING,
    history: HISTORY,
    colDate: COL_DATE,
    colMovement: COL_MOVEMENT,
    colPoints: COL_POINTS,
    colStatus: COL_STATUS,
    noPoints: NO_POINTS
  };

  override connectedCallback(): void {
    this.load();
  }

  async load(): Promise<void> {
    this.loading = true;
    this.error = undefined;
    try {
      this.progress = (await getMyProgress()) as ProgressView;
    } catch (error) {
      this.error = error;
    } finally {
      this.loading = false;
    }
  }

  get hasProgress(): boolean {
    return this.progress !== undefined;
  }

  /** The most advanced open referral's next milestone and what it pays. */
  get nextMilestoneText(): string | null {
    const p = this.progress;
    if (!p?.nextMilestone || !p.nextMilestoneReferral) return null;
    if (p.nextMilestonePayouts.length === 0) return formatLabel(NEXT_NONE, p.nextMilestoneReferral);
    const template = p.nextMilestone === 'WON' ? NEXT_WON : NEXT_QUALIFIED;
    return formatLabel(template, p.nextMilestoneReferral, payoutsText(p.nextMilestonePayouts));
  }

  /** One line per milestone the program pays at: "When submitted: 100 points". */
  get payoutLines(): { key: string; text: string }[] {
    const byMilestone = new Map<string, Payout[]>();
    for (const payout of this.progress?.payouts ?? []) {
      byMilestone.set(payout.milestone, [...(byMilestone.get(payout.milestone) ?? []), payout]);
    }
    return [...byMilestone.entries()].map(([milestone, payouts]) => ({
      key: milestone,
      text: formatLabel(AT_MILESTONE[milestone] ?? '{0}', payoutsText(payouts))
    }));
  }

  get hasPayouts(): boolean {
    return this.payoutLines.length > 0;
  }

  get catalogText(): string | null {
    const item = this.progress?.nextCatalogItem;
    return item ? formatLabel(CATALOG_TO_GO, formatNumber(item.pointsToGo), item.name) : null;
  }

  get nextBadgeText(): string {
    const next = this.progress?.nextBadge;
    if (!next) return ALL_BADGES;
    return formatLabel(NEXT_BADGE, BADGE_NAMES[next.key] ?? next.key, remainingText(next));
  }

  get badges(): Record<string, unknown>[] {
    return (this.progress?.badges ?? []).map((badge) => ({
      ...badge,
      name: BADGE_NAMES[badge.key] ?? badge.key,
      statusText: badge.earned ? EARNED_BADGE : NOT_EARNED,
      remainingText: badge.earned ? null : remainingText(badge),
      iconName: badge.earned ? 'utility:ribbon' : 'utility:lock',
      iconVariant: badge.earned ? 'success' : null,
      className: badge.earned
        ? 'badge slds-box slds-box_x-small badge-earned'
        : 'badge slds-box slds-box_x-small badge-locked'
    }));
  }

  get history(): Record<string, unknown>[] {
    return (this.progress?.pointsHistory ?? []).map((m) => ({
      ...m,
      kindLabel: KINDS[m.kind] ?? m.kind,
      statusLabel: picklistLabel('REWARD_STATUS', m.status)
    }));
  }

  get hasHistory(): boolean {
    return this.history.length > 0;
  }
}
