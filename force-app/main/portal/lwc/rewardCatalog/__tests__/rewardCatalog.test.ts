import { createElement } from 'lwc';
import RewardCatalog from 'c/rewardCatalog';
import getCatalog from '@salesforce/apex/PortalController.getCatalog';
import getMyAdvocate from '@salesforce/apex/PortalController.getMyAdvocate';
import getMyRedemptions from '@salesforce/apex/PortalController.getMyRedemptions';
import redeem from '@salesforce/apex/PortalController.redeem';
import catalog from './data/catalog.json';
import advocate from './data/advocate.json';

jest.mock('@salesforce/apex/PortalController.getCatalog', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/PortalController.getMyAdvocate', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/PortalController.getMyRedemptions', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/PortalController.redeem', () => ({ default: jest.fn() }), {
  virtual: true
});

const catalogMock = getCatalog as unknown as jest.Mock;
const advocateMock = getMyAdvocate as unknown as jest.Mock;
const redemptionsMock = getMyRedemptions as unknown as jest.Mock;
const redeemMock = redeem as unknown as jest.Mock;
type Button = HTMLElement & { disabled: boolean; label: string; title: string };

function flush(): Promise<void> {
  let settled = Promise.resolve();
  for (let i = 0; i < 10; i++) settled = settled.then(() => undefined);
  return settled;
}

async function mount(): Promise<HTMLElement> {
  const element = createElement('c-reward-catalog', { is: RewardCatalog });
  document.body.appendChild(element);
  await flush();
  return element;
}

function all(element: HTMLElement, selector: string): HTMLElement[] {
  return [...element.shadowRoot!.querySelectorAll(selector)] as HTMLElement[];
}

describe('c-reward-catalog', () => {
  beforeEach(() => {
    catalogMock.mockResolvedValue(catalog);
    advocateMock.mockResolvedValue(advocate);
    redemptionsMock.mockResolvedValue([]);
  });

  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
  });

  it('shows each item with what it costs and disables what the advocate cannot redeem', async () => {
    const element = await mount();
    const hints = all(element, '.hint').map((p) => p.textContent);
    expect(hints).toEqual(['100 points', 'You need 600 more points', 'Out of stock for now']);
    const buttons = all(element, 'lightning-button.ask') as Button[];
    expect(buttons.map((b) => b.disabled)).toEqual([false, true, true]);
    const images = all(element, 'img') as HTMLImageElement[];
    expect(images).toHaveLength(1);
    expect(images[0].alt).toBe('Coffee voucher');
  });

  it('asks for confirmation, redeems and shows the new balance and the redemption', async () => {
    redeemMock.mockResolvedValue({
      success: true,
      redemptionId: 'a0D000000000001AAA',
      pointsBalance: 200,
      message: 'You redeemed Coffee voucher for 100 points.'
    });
    const element = await mount();
    (all(element, 'lightning-button.ask')[0] as Button).click();
    await flush();
    expect(element.shadowRoot!.querySelector('.confirm-text')!.textContent).toContain(
      'Spend 100 points on Coffee voucher?'
    );
    redemptionsMock.mockResolvedValue([
      {
        id: 'a0D000000000001AAA',
        name: 'RDM-000001',
        itemName: 'Coffee voucher',
        points: 100,
        status: 'Requested',
        requestedOn: '2026-05-05'
      }
    ]);
    (element.shadowRoot!.querySelector('lightning-button.confirm') as Button).click();
    await flush();
    expect(redeemMock).toHaveBeenCalledWith({ catalogItemId: 'a0C000000000001AAA' });
    expect(element.shadowRoot!.querySelector('.success')!.textContent).toContain('You redeemed');
    // the balance and the redemption in the user's locale, from labels (Jest: en-US)
    expect(element.shadowRoot!.querySelector('.balance strong')!.textContent).toBe('200 points');
    expect(all(element, '.redemptions li')[0].textContent).toBe(
      'Coffee voucher: 100 points, Requested'
    );
  });

  it('shows the server refusal (balance spent in another tab) and spends nothing', async () => {
    redeemMock.mockRejectedValue({
      body: { message: 'Coffee voucher costs 100 points and your balance is 0 points.' }
    });
    const element = await mount();
    (all(element, 'lightning-button.ask')[0] as Button).click();
    await flush();
    (element.shadowRoot!.querySelector('lightning-button.confirm') as Button).click();
    await flush();
    const panel = element.shadowRoot!.querySelector('c-error-panel') as HTMLElement & {
      friendlyMessage: string;
    };
    expect(panel.friendlyMessage).toBe('No points were spent.');
    (element.shadowRoot!.querySelector('lightning-button.cancel') as Button).click();
    await flush();
    expect(element.shadowRoot!.querySelector('.confirm-text')).toBeNull();
  });

  it('shows the empty state and the error state', async () => {
    catalogMock.mockResolvedValue([]);
    const element = await mount();
    expect(element.shadowRoot!.querySelector('.empty')).not.toBeNull();
    catalogMock.mockRejectedValue({ body: { message: 'No access.' } });
    const broken = await mount();
    expect(broken.shadowRoot!.querySelector('c-error-panel')).not.toBeNull();
    expect(broken.shadowRoot!.querySelector('.empty')).toBeNull();
  });

  it('names each redeem button after its item (accessibility)', async () => {
    const element = await mount();
    const buttons = all(element, 'lightning-button.ask') as Button[];
    expect(buttons.map((b) => b.title)).toEqual([
      'Redeem Coffee voucher',
      'Redeem Headphones',
      'Redeem Mug'
    ]);
  });
});
