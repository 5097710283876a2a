import { LightningElement, wire } from 'lwc';
import { CurrentPageReference } from 'lightning/navigation';
import getOffer from '@salesforce/apex/PublicReferralController.getOffer';
import submitReferral from '@salesforce/apex/PublicReferralController.submitReferral';
import recordVisit from '@salesforce/apex/PublicReferralController.recordVisit';
import TITLE from '@salesforce/label/c.Portal_Public_Title';
import LOADING from '@salesforce/label/c.Portal_Public_Loading';
import LINK_UNUSABLE from '@salesforce/label/c.Portal_Public_Link_Unusable';
import INTRO from '@salesforce/label/c.Portal_Public_Intro';
import NOTES from '@salesforce/label/c.Portal_Public_Notes';
import CONSENT from '@salesforce/label/c.Portal_Public_Consent';
import SEND_FAILED from '@salesforce/label/c.Portal_Public_Send_Failed';
import SENDING from '@salesforce/label/c.Portal_Public_Sending';
import SEND from '@salesforce/label/c.Portal_Public_Send';
import NO_CODE from '@salesforce/label/c.Portal_Public_No_Code';
import CONSENT_REQUIRED from '@salesforce/label/c.Portal_Public_Consent_Required';
import INVITED_BY from '@salesforce/label/c.Portal_Public_Invited_By';
import INVITED_BY_US from '@salesforce/label/c.Portal_Public_Invited_By_Us';
import FRIEND_TITLE from '@salesforce/label/c.Portal_Public_Friend_Title';
import FRIEND_SUBMITTED from '@salesforce/label/c.Portal_Public_Friend_Submitted';
import FRIEND_QUALIFIED from '@salesforce/label/c.Portal_Public_Friend_Qualified';
import FRIEND_WON from '@salesforce/label/c.Portal_Public_Friend_Won';
import FRIEND_POINTS from '@salesforce/label/c.Portal_Public_Friend_Points';
import FRIEND_PERCENT from '@salesforce/label/c.Portal_Public_Friend_Percent';
import FRIEND_PERCENT_MAX from '@salesforce/label/c.Portal_Public_Friend_Percent_Max';
import FRIEND_TIERED from '@salesforce/label/c.Portal_Public_Friend_Tiered';
import {
  USER_LOCALE,
  formatCurrency,
  formatLabel,
  formatNumber,
  formatPercent
} from 'c/localization';
import {
  FIELD_LABELS,
  LIMITS,
  cleanedDetails,
  emptyDetails,
  referralProblem,
  type FriendReward,
  type Offer,
  type Outcome,
  type ReferralDetails
} from 'c/portalModel';

export const NO_CODE_MESSAGE = NO_CODE;
export const CONSENT_MESSAGE = CONSENT_REQUIRED;

interface PageReference {
  state?: Record<string, string | undefined>;
}

type FieldName = keyof ReferralDetails;

/**
 * The human check (CAPTCHA) provider's hook: the site's head markup loads the provider's script
 * and defines `window.referralHumanCheck = { token: () => ... }` returning the provider's token
 * (for example grecaptcha.execute(siteKey, { action: 'refer' })). The package loads no external
 * script: without a configured provider the page sends no token.
 */
export interface HumanCheckHook {
  token(): string | Promise<string>;
}

/**
 * The provider's token, or null when the site defines no hook or the hook fails (the server then
 * refuses the submission with its own sentence).
 */
export async function humanCheckToken(): Promise<string | null> {
  const hook = (globalThis as { referralHumanCheck?: Partial<HumanCheckHook> }).referralHumanCheck;
  if (typeof hook?.token !== 'function') return null;
  try {
    const token = await hook.token();
    return typeof token === 'string' && token ? token : null;
  } catch {
    return null;
  }
}

const WHEN: Record<FriendReward['milestone'], string> = {
  SUBMITTED: FRIEND_SUBMITTED,
  QUALIFIED: FRIEND_QUALIFIED,
  WON: FRIEND_WON
};

/** An amount of the reward's kind: money in the program's currency, or points. */
function amount(
  value: number | null,
  reward: FriendReward,
  currencyCode: string | null | undefined,
  locale: string
): string {
  return reward.rewardType === 'POINTS'
    ? formatLabel(FRIEND_POINTS, formatNumber(value, 0, locale))
    : formatCurrency(value, currencyCode, locale);
}

/**
 * The referred person's own rewards (double-sided programs) in words, in the visitor's locale
 * and the program's currency: "You receive $100.00 when you become a customer." One sentence per
 * reward; none for a reward without a value to state.
 */
export function friendRewardSentences(
  offer: Offer | undefined,
  locale: string = USER_LOCALE
): string[] {
  const sentences: string[] = [];
  for (const reward of offer?.friendRewards ?? []) {
    const when = WHEN[reward.milestone];
    if (!when) continue;
    let what: string;
    if (reward.calculation === 'TIERED') {
      what = FRIEND_TIERED;
    } else if (reward.calculation === 'PERCENT') {
      if (reward.value === null || reward.value === undefined) continue;
      const percent = formatPercent(reward.value / 100, 2, locale);
      what =
        reward.maxReward === null || reward.maxReward === undefined
          ? formatLabel(FRIEND_PERCENT, percent)
          : formatLabel(
              FRIEND_PERCENT_MAX,
              percent,
              amount(reward.maxReward, reward, offer?.currencyCode, locale)
            );
    } else {
      if (reward.value === null || reward.value === undefined) continue;
      what = amount(reward.value, reward, offer?.currencyCode, locale);
    }
    sentences.push(formatLabel(when, what));
  }
  return sentences;
}

/**
 * Public page behind an advocate's link (/refer?code=XXXX): shows the program's offer and who
 * invited the visitor, takes the visitor's details with consent and records the referral.
 */
export default class PublicReferralForm extends LightningElement {
  code: string | null = null;
  offer?: Offer;
  loading = false;
  saving = false;
  error?: unknown;
  submitError?: unknown;
  problem: string | null = null;
  outcome?: Outcome;
  form: ReferralDetails = emptyDetails();
  limits = LIMITS;
  fields = FIELD_LABELS;
  labels = {
    title: TITLE,
    loading: LOADING,
    linkUnusable: LINK_UNUSABLE,
    intro: INTRO,
    notes: NOTES,
    consent: CONSENT,
    sendFailed: SEND_FAILED,
    sending: SENDING,
    send: SEND,
    friendTitle: FRIEND_TITLE
  };
  private countedCodes = new Set<string>();
  @wire(CurrentPageReference)
  setPageReference(pageReference: PageReference | undefined): void {
    const code = pageReference?.state?.code?.trim() || null;
    if (code === this.code) return;
    this.code = code;
    this.countVisit();
    this.loadOffer();
  }

  /**
   * Tells the server once per code that the page opened with it (the advocate's click count);
   * the server stores no data of the visitor and caps the count per hour.
   */
  countVisit(): void {
    const code = this.code;
    if (!code || this.countedCodes.has(code)) return;
    this.countedCodes.add(code);
    recordVisit({ referralCode: code }).catch(() => {
      // Counting must never disturb the visitor: a lost count shows nowhere on this page, and
      // getOffer reports an unusable code in its own sentence.
    });
  }

  get friendRewards(): string[] {
    return friendRewardSentences(this.offer);
  }

  get hasFriendRewards(): boolean {
    return this.friendRewards.length > 0;
  }

  get noCode(): boolean {
    return !this.loading && !this.code;
  }

  get noCodeMessage(): string {
    return NO_CODE_MESSAGE;
  }

  get showForm(): boolean {
    return !!this.offer && !this.outcome;
  }

  get invitedBy(): string {
    const name = this.offer?.advocateFirstName;
    if (!name) return '';
    const program = this.offer?.programName;
    return program ? formatLabel(INVITED_BY, name, program) : formatLabel(INVITED_BY_US, name);
  }

  get outcomeClass(): string {
    const theme = this.outcome?.accepted ? 'success' : 'info';
    return `slds-notify slds-notify_alert slds-alert_${theme} outcome`;
  }

  async loadOffer(): Promise<void> {
    this.offer = undefined;
    this.error = undefined;
    if (!this.code) return;
    const code = this.code;
    this.loading = true;
    try {
      const offer = (await getOffer({ referralCode: code })) as Offer;
      if (code === this.code) this.offer = offer;
    } catch (error) {
      if (code === this.code) this.error = error;
    } finally {
      if (code === this.code) this.loading = false;
    }
  }

  handleChange(event: CustomEvent<{ value?: string; checked?: boolean }>): void {
    const name = (event.target as HTMLElement).dataset.field as FieldName;
    const value = name === 'consent' ? event.detail.checked === true : (event.detail.value ?? '');
    this.form = { ...this.form, [name]: value };
    this.problem = null;
  }

  async handleSubmit(): Promise<void> {
    this.problem = referralProblem(this.form) ?? (this.form.consent ? null : CONSENT_MESSAGE);
    if (this.problem) return;
    this.saving = true;
    this.submitError = undefined;
    try {
      const token = this.offer?.humanCheck ? await humanCheckToken() : null;
      this.outcome = (await submitReferral({
        referralCode: this.offer?.referralCode ?? this.code,
        details: cleanedDetails(this.form),
        humanCheckToken: token
      })) as Outcome;
    } catch (error) {
      this.submitError = error;
    } finally {
      this.saving = false;
    }
  }
}
