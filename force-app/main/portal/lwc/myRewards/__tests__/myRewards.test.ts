import { createElement } from 'lwc';
import MyRewards, { COLUMNS } from 'c/myRewards';
import getMyRewards from '@salesforce/apex/PortalController.getMyRewards';
import rewards from './data/rewards.json';

jest.mock('@salesforce/apex/PortalController.getMyRewards', () => ({ default: jest.fn() }), {
  virtual: true
});

const getMock = getMyRewards as unknown as jest.Mock;

function flush(): Promise<void> {
  let settled = Promise.resolve();
  for (let i = 0; i < 10; i++) settled = settled.then(() => undefined);
  return settled;
}

async function mount(): Promise<HTMLElement> {
  const element = createElement('c-my-rewards', { is: MyRewards });
  document.body.appendChild(element);
  await flush();
  return element;
}

describe('c-my-rewards', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
  });

  it('shows balance, cash this year in the program currency and pending approvals', async () => {
    getMock.mockResolvedValue(rewards);
    const element = await mount();
    const numbers = [
      ...element.shadowRoot!.querySelectorAll('lightning-formatted-number')
    ] as (HTMLElement & { value: number; currencyCode?: string })[];
    expect(numbers[0].value).toBe(350);
    expect(numbers[1].value).toBe(250);
    expect(numbers[1].currencyCode).toBe('EUR');
    expect(element.shadowRoot!.querySelector('.pending-text')!.textContent).toBe(
      '2 rewards are waiting for approval or payout.'
    );
  });

  it('lists the ledger with readable milestones', async () => {
    getMock.mockResolvedValue(rewards);
    const element = await mount();
    const table = element.shadowRoot!.querySelector('lightning-datatable') as HTMLElement & {
      data: { milestoneLabel: string | null; points: number | null }[];
      columns: unknown;
    };
    expect(table.columns).toEqual(COLUMNS);
    expect(table.data.map((r) => r.milestoneLabel)).toEqual(['Deal won', null]);
    expect(table.data[1].points).toBe(-150);
  });

  it('shows the empty state and singular pending text', async () => {
    getMock.mockResolvedValue({ ...rewards, pendingCount: 1, currencyCode: null, entries: [] });
    const element = await mount();
    expect(element.shadowRoot!.querySelector('.empty')!.textContent).toContain('No rewards yet');
    expect(element.shadowRoot!.querySelector('.pending-text')!.textContent).toContain(
      '1 reward is'
    );
    getMock.mockResolvedValue({ ...rewards, pendingCount: 0, entries: [] });
    const second = await mount();
    expect(second.shadowRoot!.querySelector('.pending-text')!.textContent).toContain('Nothing');
  });

  it('shows loading then the error sentence', async () => {
    let reject: (reason: unknown) => void = () => undefined;
    getMock.mockReturnValue(new Promise((_, r) => (reject = r)));
    const element = await mount();
    expect(element.shadowRoot!.querySelector('lightning-spinner')).not.toBeNull();
    reject({ body: { message: 'No access.' } });
    await flush();
    expect(element.shadowRoot!.querySelector('c-error-panel')).not.toBeNull();
    expect(element.shadowRoot!.querySelector('lightning-datatable')).toBeNull();
  });

  it('labels the ledger table and the spinner (accessibility)', async () => {
    getMock.mockResolvedValue(rewards);
    const element = await mount();
    const table = element.shadowRoot!.querySelector('lightning-datatable')!;
    expect(table.getAttribute('aria-label')).toBe('My reward history');
  });
});
