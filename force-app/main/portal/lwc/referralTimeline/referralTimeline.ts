import { LightningElement } from 'lwc';
import getMyTimeline from '@salesforce/apex/AdvocateProgressController.getMyTimeline';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import { formatCurrency, formatLabel, formatNumber } from 'c/localization';
import { picklistLabel } from 'c/picklistLabels';
import { MILESTONE_LABELS, payoutsText } from 'c/progressModel';
import type { ReferralTimeline as Timeline, StepReward, TimelineStep } from 'c/progressModel';
import TITLE from '@salesforce/label/c.Portal_Timeline_Title';
import LOADING from '@salesforce/label/c.Portal_Timeline_Loading';
import LOAD_FAILED from '@salesforce/label/c.Portal_Timeline_Load_Failed';
import EMPTY from '@salesforce/label/c.Portal_Timeline_Empty';
import STATE_DONE from '@salesforce/label/c.Portal_Timeline_State_Done';
import STATE_NEXT from '@salesforce/label/c.Portal_Timeline_State_Next';
import STATE_UPCOMING from '@salesforce/label/c.Portal_Timeline_State_Upcoming';
import STATE_CLOSED from '@salesforce/label/c.Portal_Timeline_State_Closed';
import REWARD from '@salesforce/label/c.Portal_Timeline_Reward';
import EXPECTED from '@salesforce/label/c.Portal_Timeline_Expected';
import NEXT_HEADING from '@salesforce/label/c.Portal_Timeline_Next_Heading';
import NEXT_QUALIFY from '@salesforce/label/c.Portal_Timeline_Next_Qualify';
import NEXT_WIN from '@salesforce/label/c.Portal_Timeline_Next_Win';
import NEXT_APPROVAL from '@salesforce/label/c.Portal_Timeline_Next_Approval';
import NEXT_PAYOUT from '@salesforce/label/c.Portal_Timeline_Next_Payout';
import NEXT_COMPLETE from '@salesforce/label/c.Portal_Timeline_Next_Complete';
import NEXT_LOST from '@salesforce/label/c.Portal_Timeline_Next_Lost';
import NEXT_REJECTED from '@salesforce/label/c.Portal_Timeline_Next_Rejected';
import POINTS from '@salesforce/label/c.Portal_Progress_Payout_Points';

const STATES: Record<string, { text: string; icon: string }> = {
  DONE: { text: STATE_DONE, icon: 'utility:success' },
  NEXT: { text: STATE_NEXT, icon: 'utility:routing_offline' },
  UPCOMING: { text: STATE_UPCOMING, icon: 'utility:clock' },
  CLOSED: { text: STATE_CLOSED, icon: 'utility:close' }
};

/** AdvocateProgress NEXT_* codes to sentences. */
export const NEXT_STEPS: Record<string, string> = {
  AWAIT_QUALIFICATION: NEXT_QUALIFY,
  AWAIT_WIN: NEXT_WIN,
  AWAIT_REWARD_APPROVAL: NEXT_APPROVAL,
  AWAIT_PAYOUT: NEXT_PAYOUT,
  COMPLETE: NEXT_COMPLETE,
  CLOSED_LOST: NEXT_LOST,
  CLOSED_REJECTED: NEXT_REJECTED
};

function rewardValue(r: StepReward): string {
  return r.rewardType === 'CASH'
    ? formatCurrency(r.amount, r.currencyCode)
    : formatLabel(POINTS, formatNumber(r.points));
}

/**
 * Portal: each referral's dated milestones (submitted, qualified, won or lost), the rewards
 * earned or pending at each, what a milestone not reached yet pays, and what happens next.
 * Milestone dates are calendar days (shown as that day wherever the user is); the moments rewards
 * were recorded are shown in the user's time zone.
 */
export default class ReferralTimeline extends LightningElement {
  timelines: Timeline[] = [];
  loading = true;
  loaded = false;
  error?: unknown;
  timeZone = TIME_ZONE;
  labels = {
    title: TITLE,
    loading: LOADING,
    loadFailed: LOAD_FAILED,
    empty: EMPTY,
    nextHeading: NEXT_HEADING
  };

  override connectedCallback(): void {
    this.load();
  }

  async load(): Promise<void> {
    this.loading = true;
    this.error = undefined;
    try {
      this.timelines = (await getMyTimeline()) as Timeline[];
      this.loaded = true;
    } catch (error) {
      this.error = error;
    } finally {
      this.loading = false;
    }
  }

  get isEmpty(): boolean {
    return this.loaded && this.timelines.length === 0;
  }

  get items(): Record<string, unknown>[] {
    return this.timelines.map((t) => ({
      id: t.id,
      referredName: t.referredName,
      statusLabel: t.status ? picklistLabel('REFERRAL_STATUS', t.status) : null,
      statusReason: t.statusReason,
      headingId: `timeline-${t.id}`,
      nextText: NEXT_STEPS[t.nextStep] ?? null,
      steps: t.steps.map((step, index) => this.step(t.id, step, index))
    }));
  }

  private step(referralId: string, step: TimelineStep, index: number): Record<string, unknown> {
    const state = STATES[step.state] ?? STATES.UPCOMING;
    return {
      key: `${referralId}-${index}`,
      name: MILESTONE_LABELS[step.milestone] ?? step.milestone,
      stateText: state.text,
      icon: state.icon,
      reachedOn: step.reachedOn,
      className: `step slds-p-vertical_xx-small step-${step.state.toLowerCase()}`,
      rewards: step.rewards.map((r, i) => ({
        key: `${referralId}-${index}-${i}`,
        text: formatLabel(REWARD, rewardValue(r), picklistLabel('REWARD_STATUS', r.status)),
        recordedAt: r.recordedAt
      })),
      expectedText:
        step.expected.length > 0 ? formatLabel(EXPECTED, payoutsText(step.expected)) : null
    };
  }
}
