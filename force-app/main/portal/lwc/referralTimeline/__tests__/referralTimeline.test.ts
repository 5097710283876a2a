import { createElement } from 'lwc';
import ReferralTimeline, { NEXT_STEPS } from 'c/referralTimeline';
import getMyTimeline from '@salesforce/apex/AdvocateProgressController.getMyTimeline';
import timeline from './data/timeline.json';

jest.mock(
  '@salesforce/apex/AdvocateProgressController.getMyTimeline',
  () => ({ default: jest.fn() }),
  { virtual: true }
);
jest.mock('@salesforce/i18n/locale', () => ({ default: 'en-US' }), { virtual: true });
jest.mock('@salesforce/i18n/timeZone', () => ({ default: 'America/New_York' }), { virtual: true });

const getMock = getMyTimeline as unknown as jest.Mock;

function flush(): Promise<void> {
  let settled = Promise.resolve();
  for (let i = 0; i < 10; i++) settled = settled.then(() => undefined);
  return settled;
}

async function mount(): Promise<HTMLElement> {
  const element = createElement('c-referral-timeline', { is: ReferralTimeline });
  document.body.appendChild(element);
  await flush();
  return element;
}

type DateTime = HTMLElement & { value: string; timeZone: string };

describe('c-referral-timeline', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
  });

  it("shows each referral's dated milestones with their rewards and what happens next", async () => {
    getMock.mockResolvedValue(timeline);
    const element = await mount();
    const sections = [...element.shadowRoot!.querySelectorAll('section.referral')];
    expect(sections.map((s) => s.querySelector('h3')!.textContent)).toEqual([
      'Pat Doe',
      'Sam Roe',
      'Lee Poe'
    ]);
    const won = sections[0];
    expect([...won.querySelectorAll('.step-name')].map((n) => n.textContent)).toEqual([
      'Submitted',
      'Qualified',
      'Deal won'
    ]);
    expect([...won.querySelectorAll('.step-state')].map((n) => n.textContent)).toEqual([
      'Reached',
      'Reached',
      'Reached'
    ]);
    const rewards = [...won.querySelectorAll('.step-reward')];
    expect(rewards[0].textContent).toContain('Reward: 100 points (Issued), recorded');
    expect(rewards[1].textContent).toContain('Reward: $650.00 (Pending), recorded');
    // milestone dates are calendar days; reward moments are in the user's time zone
    const milestoneDate = won.querySelector('.step-date lightning-formatted-date-time') as DateTime;
    expect(milestoneDate.value).toBe('2026-02-01');
    expect(milestoneDate.timeZone).toBe('UTC');
    const recorded = rewards[0].querySelector('lightning-formatted-date-time') as DateTime;
    expect(recorded.value).toBe('2026-02-01T23:30:00.000Z');
    expect(recorded.timeZone).toBe('America/New_York');
    expect(won.querySelector('.next-text')!.textContent).toBe(NEXT_STEPS.AWAIT_REWARD_APPROVAL);
  });

  it('says what a milestone not reached yet pays and labels the states accessibly', async () => {
    getMock.mockResolvedValue(timeline);
    const element = await mount();
    const open = element.shadowRoot!.querySelectorAll('section.referral')[1];
    expect(open.querySelector('.step-expected')!.textContent).toBe(
      'Earns 5% of the deal when reached.'
    );
    const icons = [...open.querySelectorAll('lightning-icon')].map(
      (i) => (i as HTMLElement & { alternativeText: string }).alternativeText
    );
    expect(icons).toEqual(['Reached', 'Next', 'Later']);
    expect(open.querySelectorAll('.step-date')).toHaveLength(1);
    expect(open.querySelector('.status')!.textContent).toContain('We received your referral.');
    expect(open.querySelector('.next-text')!.textContent).toContain('Our team contacts');
    const lost = element.shadowRoot!.querySelectorAll('section.referral')[2];
    expect(lost.querySelectorAll('.step-name')[2].textContent).toBe('Deal lost');
    expect(lost.querySelector('.next-text')!.textContent).toBe(NEXT_STEPS.CLOSED_LOST);
  });

  it('has a sentence for every next step', () => {
    expect(Object.keys(NEXT_STEPS).sort()).toEqual(
      [
        'AWAIT_PAYOUT',
        'AWAIT_QUALIFICATION',
        'AWAIT_REWARD_APPROVAL',
        'AWAIT_WIN',
        'CLOSED_LOST',
        'CLOSED_REJECTED',
        'COMPLETE'
      ].sort()
    );
    for (const sentence of Object.values(NEXT_STEPS)) expect(sentence.length).toBeGreaterThan(10);
  });

  it('shows the empty state and load errors', async () => {
    getMock.mockResolvedValue([]);
    let element = await mount();
    expect(element.shadowRoot!.querySelector('.empty')!.textContent).toContain('No referrals yet');
    document.body.removeChild(element);
    getMock.mockRejectedValue({ body: { message: 'No advocate.' } });
    element = await mount();
    expect(element.shadowRoot!.querySelector('c-error-panel')).not.toBeNull();
    expect(element.shadowRoot!.querySelector('.empty')).toBeNull();
  });
});
