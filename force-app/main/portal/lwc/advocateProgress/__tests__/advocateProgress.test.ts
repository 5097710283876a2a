import { createElement } from 'lwc';
import AdvocateProgress, { remainingText } from 'c/advocateProgress';
import getMyProgress from '@salesforce/apex/AdvocateProgressController.getMyProgress';
import progress from './data/progress.json';

jest.mock(
  '@salesforce/apex/AdvocateProgressController.getMyProgress',
  () => ({ default: jest.fn() }),
  { virtual: true }
);
jest.mock('@salesforce/i18n/locale', () => ({ default: 'en-US' }), { virtual: true });
jest.mock('@salesforce/i18n/timeZone', () => ({ default: 'Europe/Berlin' }), { virtual: true });

const getMock = getMyProgress as unknown as jest.Mock;

function flush(): Promise<void> {
  let settled = Promise.resolve();
  for (let i = 0; i < 10; i++) settled = settled.then(() => undefined);
  return settled;
}

async function mount(): Promise<HTMLElement> {
  const element = createElement('c-advocate-progress', { is: AdvocateProgress });
  document.body.appendChild(element);
  await flush();
  return element;
}

function text(element: HTMLElement, selector: string): string | null | undefined {
  return element.shadowRoot!.querySelector(selector)?.textContent;
}

describe('c-advocate-progress', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
  });

  it('says what the next milestone pays, the next badge and the next catalog item', async () => {
    getMock.mockResolvedValue(progress);
    const element = await mount();
    expect(text(element, '.next-milestone')).toBe(
      'When the deal with your referral Pat Doe is won, you earn 5% to 7% of the deal, by deal size (at most $2,500.00).'
    );
    expect(text(element, '.next-badge')).toBe(
      'Next badge: First won deal. Your first referral that becomes a customer earns it.'
    );
    expect(text(element, '.catalog-to-go')).toBe('270 more points to redeem Branded hoodie.');
    const lines = [...element.shadowRoot!.querySelectorAll('.payouts li')].map(
      (li) => li.textContent
    );
    expect(lines).toEqual([
      'When submitted: 100 points',
      'When the deal is won: 5% to 7% of the deal, by deal size (at most $2,500.00) and 50 points'
    ]);
  });

  it('shows the badges with accessible status text and the earned date as a calendar day', async () => {
    getMock.mockResolvedValue(progress);
    const element = await mount();
    const badges = [...element.shadowRoot!.querySelectorAll('.badge')];
    expect(badges.map((b) => b.querySelector('.badge-name')!.textContent)).toEqual([
      'First referral',
      'First won deal',
      'Five referrals'
    ]);
    const icons = badges.map(
      (b) =>
        (b.querySelector('lightning-icon') as HTMLElement & { alternativeText: string })
          .alternativeText
    );
    expect(icons).toEqual(['Earned', 'Not earned yet', 'Not earned yet']);
    const date = badges[0].querySelector('lightning-formatted-date-time') as HTMLElement & {
      value: string;
      timeZone: string;
    };
    expect(date.value).toBe('2026-02-01');
    expect(date.timeZone).toBe('UTC');
    expect(badges[2].querySelector('.badge-remaining')!.textContent).toBe(
      '2 more referrals to earn it.'
    );
  });

  it('lists the points history with kinds, in the user time zone', async () => {
    getMock.mockResolvedValue(progress);
    const element = await mount();
    const kinds = [...element.shadowRoot!.querySelectorAll('.history .kind')].map(
      (c) => c.textContent
    );
    expect(kinds).toEqual(['Earned', 'Redeemed', 'Clawed back']);
    const first = element.shadowRoot!.querySelector(
      '.history lightning-formatted-date-time'
    ) as HTMLElement & {
      value: string;
      timeZone: string;
    };
    expect(first.value).toBe('2026-03-01T23:30:00.000Z');
    expect(first.timeZone).toBe('Europe/Berlin');
    const totals = [
      ...element.shadowRoot!.querySelectorAll('.points-totals lightning-formatted-number')
    ].map((n) => (n as HTMLElement & { value: number }).value);
    expect(totals).toEqual([30, 100, 50, 20, 100]);
  });

  it('handles a new advocate: no open referral, every badge to earn, no points, no rules', async () => {
    getMock.mockResolvedValue({
      ...progress,
      pointsHistory: [],
      payouts: [],
      nextMilestone: null,
      nextMilestoneReferral: null,
      nextMilestonePayouts: [],
      nextCatalogItem: null,
      nextBadge: progress.badges[2]
    });
    const element = await mount();
    expect(element.shadowRoot!.querySelector('.next-milestone')).toBeNull();
    expect(element.shadowRoot!.querySelector('.catalog-to-go')).toBeNull();
    expect(text(element, '.no-payouts')).toBe(
      'Your program has no active reward for advocates right now.'
    );
    expect(text(element, '.no-points')).toContain('No points yet');
    expect(text(element, '.next-badge')).toBe(
      'Next badge: Five referrals. 2 more referrals to earn it.'
    );
  });

  it('says when the next milestone pays nothing and when every badge is earned', async () => {
    getMock.mockResolvedValue({
      ...progress,
      nextMilestone: 'QUALIFIED',
      nextMilestonePayouts: [],
      nextBadge: null
    });
    const element = await mount();
    expect(text(element, '.next-milestone')).toBe(
      'No reward is set for the next step of your referral Pat Doe; it still counts towards your badges.'
    );
    expect(text(element, '.next-badge')).toBe(
      'You have earned every badge. Thank you for referring!'
    );
  });

  it('words the qualified milestone and one missing referral', () => {
    expect(
      remainingText({
        key: 'FIVE_REFERRALS',
        earned: false,
        earnedOn: null,
        current: 4,
        target: 5,
        remaining: 1
      })
    ).toBe('1 more referral to earn it.');
  });

  it('shows the qualified sentence', async () => {
    getMock.mockResolvedValue({
      ...progress,
      nextMilestone: 'QUALIFIED',
      nextMilestonePayouts: [progress.payouts[0]]
    });
    const element = await mount();
    expect(text(element, '.next-milestone')).toBe(
      'When your referral Pat Doe is qualified, you earn 100 points.'
    );
  });

  it('shows an error panel when loading fails', async () => {
    getMock.mockRejectedValue({ body: { message: 'No advocate.' } });
    const element = await mount();
    expect(element.shadowRoot!.querySelector('c-error-panel')).not.toBeNull();
    expect(element.shadowRoot!.querySelector('.next-reward')).toBeNull();
  });
});
