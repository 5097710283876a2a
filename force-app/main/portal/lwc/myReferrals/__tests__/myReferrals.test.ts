import { createElement } from 'lwc';
import MyReferrals, { STEPS, toRow } from 'c/myReferrals';
import getMyReferrals from '@salesforce/apex/PortalController.getMyReferrals';
import referrals from './data/referrals.json';

jest.mock('@salesforce/apex/PortalController.getMyReferrals', () => ({ default: jest.fn() }), {
  virtual: true
});

const getMock = getMyReferrals as unknown as jest.Mock;
type Indicator = HTMLElement & { currentStep: string; hasError: boolean; type: string };

function flush(): Promise<void> {
  let settled = Promise.resolve();
  for (let i = 0; i < 10; i++) settled = settled.then(() => undefined);
  return settled;
}

async function mount(): Promise<HTMLElement> {
  const element = createElement('c-my-referrals', { is: MyReferrals });
  document.body.appendChild(element);
  await flush();
  return element;
}

describe('c-my-referrals', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
  });

  it('shows each referral as a path Submitted, Accepted, Qualified, Won', async () => {
    getMock.mockResolvedValue(referrals);
    const element = await mount();
    const indicators = [
      ...element.shadowRoot!.querySelectorAll('lightning-progress-indicator')
    ] as Indicator[];
    expect(indicators).toHaveLength(4);
    expect(indicators.map((i) => i.type)).toEqual(['path', 'path', 'path', 'path']);
    expect(indicators.map((i) => i.currentStep)).toEqual([
      'Won',
      'Submitted',
      'Qualified',
      'Submitted'
    ]);
    expect(indicators.map((i) => i.hasError)).toEqual([false, false, true, true]);
    const steps = [...indicators[0].querySelectorAll('lightning-progress-step')].map(
      (s) => (s as HTMLElement & { label: string }).label
    );
    expect(steps).toEqual(STEPS.map((s) => s.label));
    const texts = [...element.shadowRoot!.querySelectorAll('.status')].map((p) => p.textContent);
    expect(texts[1]).toContain('checking');
    expect(texts[2]).toBe('The customer chose another supplier.');
  });

  it('maps a lost referral that never qualified to the Accepted step', () => {
    const row = toRow({ ...referrals[2], qualifiedDate: null });
    expect(row.currentStep).toBe('Accepted');
    expect(row.hasError).toBe(true);
    expect(toRow({ ...referrals[0], status: 'Unknown' }).statusText).toBe('Unknown');
  });

  it('shows the empty state when there are no referrals', async () => {
    getMock.mockResolvedValue([]);
    const element = await mount();
    expect(element.shadowRoot!.querySelector('.empty')!.textContent).toContain('not referred');
  });

  it('shows the loading state, then the error sentence', async () => {
    let reject: (reason: unknown) => void = () => undefined;
    getMock.mockReturnValue(new Promise((_, r) => (reject = r)));
    const element = createElement('c-my-referrals', { is: MyReferrals });
    document.body.appendChild(element);
    await flush();
    expect(element.shadowRoot!.querySelector('lightning-spinner')).not.toBeNull();
    reject({ body: { message: 'Your sign-in is not linked to an advocate.' } });
    await flush();
    const panel = element.shadowRoot!.querySelector('c-error-panel') as HTMLElement & {
      errors: unknown;
    };
    expect(panel.errors).toEqual({
      body: { message: 'Your sign-in is not linked to an advocate.' }
    });
    expect(element.shadowRoot!.querySelector('.empty')).toBeNull();
  });

  it('reloads on refresh and labels each path for screen readers (accessibility)', async () => {
    getMock.mockResolvedValue(referrals);
    const element = await mount();
    const button = element.shadowRoot!.querySelector('lightning-button-icon') as HTMLElement & {
      alternativeText: string;
    };
    expect(button.alternativeText).toBe('Refresh my referrals');
    button.click();
    await flush();
    expect(getMock).toHaveBeenCalledTimes(2);
    const group = element.shadowRoot!.querySelector('[role="group"]')!;
    expect(group.getAttribute('aria-label')).toBe('Progress of the referral of Riley Lee: Won');
  });
});
