import { createElement } from 'lwc';
import { CurrentPageReference } from 'lightning/navigation';
import PublicReferralForm, {
  CONSENT_MESSAGE,
  NO_CODE_MESSAGE,
  friendRewardSentences
} from 'c/publicReferralForm';
import recordVisit from '@salesforce/apex/PublicReferralController.recordVisit';
import type { Offer } from 'c/portalModel';
import getOffer from '@salesforce/apex/PublicReferralController.getOffer';
import submitReferral from '@salesforce/apex/PublicReferralController.submitReferral';
import offer from './data/offer.json';

jest.mock('@salesforce/apex/PublicReferralController.getOffer', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock(
  '@salesforce/apex/PublicReferralController.submitReferral',
  () => ({ default: jest.fn() }),
  { virtual: true }
);
jest.mock('@salesforce/apex/PublicReferralController.recordVisit', () => ({ default: jest.fn() }), {
  virtual: true
});

interface TestWireAdapter {
  emit(value: unknown): void;
}
// eslint-disable-next-line @lwc/lwc/no-unexpected-wire-adapter-usages -- the test drives the jest stub of the adapter
const pageAdapter = CurrentPageReference as unknown as TestWireAdapter;
const offerMock = getOffer as unknown as jest.Mock;
const submitMock = submitReferral as unknown as jest.Mock;
const visitMock = recordVisit as unknown as jest.Mock;

function flush(): Promise<void> {
  let settled = Promise.resolve();
  for (let i = 0; i < 10; i++) settled = settled.then(() => undefined);
  return settled;
}

async function mount(code: string | null = 'ada2345'): Promise<HTMLElement> {
  const element = createElement('c-public-referral-form', { is: PublicReferralForm });
  document.body.appendChild(element);
  pageAdapter.emit({ type: 'comm__namedPage', attributes: {}, state: { code: code ?? undefined } });
  await flush();
  return element;
}

function $(element: HTMLElement, selector: string): HTMLElement {
  return element.shadowRoot!.querySelector(selector) as HTMLElement;
}

async function type(element: HTMLElement, name: string, value: string | boolean): Promise<void> {
  const detail = typeof value === 'boolean' ? { checked: value } : { value };
  $(element, `[data-field="${name}"]`).dispatchEvent(new CustomEvent('change', { detail }));
  await flush();
}

async function fill(element: HTMLElement): Promise<void> {
  await type(element, 'firstName', 'Lee');
  await type(element, 'lastName', 'Riley');
  await type(element, 'email', 'lee@globex.com');
  await type(element, 'consent', true);
}

async function send(element: HTMLElement): Promise<void> {
  $(element, 'lightning-button.submit').click();
  await flush();
}

describe('c-public-referral-form', () => {
  beforeEach(() => {
    offerMock.mockResolvedValue(offer);
    visitMock.mockResolvedValue(true);
  });
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
  });

  it('shows the offer and the first name of who referred the visitor, nothing more', async () => {
    const element = await mount();
    expect(offerMock).toHaveBeenCalledWith({ referralCode: 'ada2345' });
    expect($(element, '.headline').textContent).toBe('Get 20% off your first year');
    expect($(element, '.invited-by').textContent).toBe(
      'Ada thinks you would like Customer Referrals.'
    );
  });

  it('sends the details with consent and the code, then thanks the visitor', async () => {
    submitMock.mockResolvedValue({ accepted: true, message: 'Thank you! Your details were sent.' });
    const element = await mount();
    await fill(element);
    await send(element);
    expect(submitMock).toHaveBeenCalledWith({
      referralCode: 'ADA2345',
      details: {
        firstName: 'Lee',
        lastName: 'Riley',
        email: 'lee@globex.com',
        phone: null,
        company: null,
        notes: null,
        consent: true
      },
      humanCheckToken: null
    });
    expect($(element, '.outcome').textContent).toContain('Thank you');
    expect($(element, 'lightning-button.submit')).toBeNull();
  });

  it('sends the human check token only when a provider is configured (M7)', async () => {
    const hook = { token: jest.fn().mockResolvedValue('captcha-token-1') };
    (globalThis as { referralHumanCheck?: unknown }).referralHumanCheck = hook;
    try {
      submitMock.mockResolvedValue({ accepted: true, message: 'Thank you!' });
      const plain = await mount();
      await fill(plain);
      await send(plain);
      expect(hook.token).not.toHaveBeenCalled();
      expect(submitMock.mock.calls[0][0].humanCheckToken).toBeNull();
      document.body.removeChild(plain);

      offerMock.mockResolvedValue({ ...offer, humanCheck: true });
      const guarded = await mount();
      await fill(guarded);
      await send(guarded);
      expect(hook.token).toHaveBeenCalledTimes(1);
      expect(submitMock.mock.calls[1][0].humanCheckToken).toBe('captcha-token-1');
      document.body.removeChild(guarded);

      hook.token.mockRejectedValue(new Error('provider down'));
      const failing = await mount();
      await fill(failing);
      await send(failing);
      expect(submitMock.mock.calls[2][0].humanCheckToken).toBeNull();
    } finally {
      delete (globalThis as { referralHumanCheck?: unknown }).referralHumanCheck;
    }
  });

  it('refuses script, oversize and missing consent before calling the server', async () => {
    const element = await mount();
    await fill(element);
    await type(element, 'notes', '<img src=x onerror=alert(1)>');
    await send(element);
    expect($(element, '.problem').textContent).toContain('not allowed');
    await type(element, 'notes', '');
    await type(element, 'company', 'x'.repeat(256));
    await send(element);
    expect($(element, '.problem').textContent).toContain('too long');
    await type(element, 'company', 'Globex');
    await type(element, 'consent', false);
    await send(element);
    expect($(element, '.problem').textContent).toBe(CONSENT_MESSAGE);
    expect(submitMock).not.toHaveBeenCalled();
  });

  it('shows the rate-limit sentence from the server and keeps the form', async () => {
    submitMock.mockRejectedValue({
      body: { message: 'This person was already referred a moment ago: please wait an hour.' }
    });
    const element = await mount();
    await fill(element);
    await send(element);
    const panel = $(element, 'c-error-panel') as HTMLElement & { errors: unknown };
    expect(panel.errors).toEqual({
      body: { message: 'This person was already referred a moment ago: please wait an hour.' }
    });
    expect($(element, 'lightning-button.submit')).not.toBeNull();
  });

  it('explains an inactive link, and a page without a code (accessibility: announced)', async () => {
    offerMock.mockRejectedValue({
      body: { message: 'This referral link is not active any more.' }
    });
    const inactive = await mount('OLD0000');
    expect($(inactive, 'c-error-panel')).not.toBeNull();
    expect($(inactive, '.headline')).toBeNull();
    const element = await mount(null);
    expect($(element, '.no-code').textContent).toBe(NO_CODE_MESSAGE);
    expect($(element, '.no-code').getAttribute('role')).toBe('alert');
  });

  it('shows a declined outcome in a neutral style', async () => {
    submitMock.mockResolvedValue({
      accepted: false,
      message: 'Thank you. This email address was already referred recently.'
    });
    const element = await mount();
    await fill(element);
    await send(element);
    expect($(element, '.outcome').className).toContain('slds-alert_info');
  });

  it('counts the visit once per code, never without one, and a failed count disturbs nothing', async () => {
    const element = await mount();
    expect(visitMock).toHaveBeenCalledTimes(1);
    expect(visitMock).toHaveBeenCalledWith({ referralCode: 'ada2345' });
    pageAdapter.emit({ type: 'comm__namedPage', attributes: {}, state: { code: 'ada2345' } });
    await flush();
    expect(visitMock).toHaveBeenCalledTimes(1);
    expect($(element, '.headline').textContent).toBe('Get 20% off your first year');

    visitMock.mockClear();
    await mount(null);
    expect(visitMock).not.toHaveBeenCalled();

    visitMock.mockRejectedValue({ body: { message: 'Server down.' } });
    const other = await mount('bob7777');
    expect(visitMock).toHaveBeenCalledWith({ referralCode: 'bob7777' });
    expect($(other, '.headline').textContent).toBe('Get 20% off your first year');
    expect($(other, 'c-error-panel')).toBeNull();
  });

  it('shows the friend their own reward in a double-sided program, and nothing in a one-sided one', async () => {
    offerMock.mockResolvedValue({
      ...offer,
      currencyCode: 'USD',
      friendRewards: [
        { rewardType: 'CASH', calculation: 'FLAT', value: 100, maxReward: null, milestone: 'WON' }
      ]
    });
    const element = await mount();
    const box = $(element, '.friend-reward');
    expect(box.querySelector('h3')!.textContent).toBe('Your own reward');
    expect(box.querySelector('li')!.textContent).toBe(
      'You receive $100.00 when you become a customer.'
    );
    offerMock.mockResolvedValue({ ...offer, friendRewards: [] });
    const oneSided = await mount('bob7777');
    expect($(oneSided, '.friend-reward')).toBeNull();
  });

  it("words the friend's rewards in the visitor's locale and the program's currency", () => {
    const rewards: Offer = {
      ...offer,
      currencyCode: 'EUR',
      friendRewards: [
        {
          rewardType: 'CASH',
          calculation: 'FLAT',
          value: 1250.5,
          maxReward: null,
          milestone: 'WON'
        },
        {
          rewardType: 'POINTS',
          calculation: 'FLAT',
          value: 5000,
          maxReward: null,
          milestone: 'SUBMITTED'
        },
        {
          rewardType: 'CASH',
          calculation: 'PERCENT',
          value: 10,
          maxReward: 250,
          milestone: 'QUALIFIED'
        },
        {
          rewardType: 'CASH',
          calculation: 'PERCENT',
          value: 7.5,
          maxReward: null,
          milestone: 'WON'
        },
        {
          rewardType: 'CASH',
          calculation: 'TIERED',
          value: null,
          maxReward: null,
          milestone: 'WON'
        },
        { rewardType: 'CASH', calculation: 'FLAT', value: null, maxReward: null, milestone: 'WON' }
      ]
    };
    expect(friendRewardSentences(rewards, 'de-DE')).toEqual([
      'You receive 1.250,50\u00a0€ when you become a customer.',
      'You receive 5.000 points as soon as your details are recorded.',
      'You receive 10\u00a0% of your order value, up to 250,00\u00a0€ once our team has confirmed your request.',
      'You receive 7,5\u00a0% of your order value when you become a customer.',
      'You receive a reward that grows with your order when you become a customer.'
    ]);
    expect(friendRewardSentences({ ...rewards, currencyCode: 'JPY' }, 'ja-JP')[0]).toBe(
      'You receive ￥1,251 when you become a customer.'
    );
    expect(friendRewardSentences(undefined)).toEqual([]);
  });
});
