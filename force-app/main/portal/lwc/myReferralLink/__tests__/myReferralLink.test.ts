import { createElement } from 'lwc';
import MyReferralLink, { COPIED_MESSAGE, COPY_FAILED_MESSAGE } from 'c/myReferralLink';
import getMyAdvocate from '@salesforce/apex/PortalController.getMyAdvocate';
import advocate from './data/advocate.json';

jest.mock('@salesforce/apex/PortalController.getMyAdvocate', () => ({ default: jest.fn() }), {
  virtual: true
});

const getMock = getMyAdvocate as unknown as jest.Mock;
const LINK = 'https://acme.my.site.com/referrals/refer?code=ADA2345';

function flush(): Promise<void> {
  let settled = Promise.resolve();
  for (let i = 0; i < 10; i++) settled = settled.then(() => undefined);
  return settled;
}

async function mount(): Promise<HTMLElement> {
  const element = createElement('c-my-referral-link', { is: MyReferralLink });
  document.body.appendChild(element);
  await flush();
  return element;
}

function setNavigator(key: 'clipboard' | 'share', value: unknown): void {
  Object.defineProperty(navigator, key, { value, configurable: true, writable: true });
}

describe('c-my-referral-link', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
    setNavigator('clipboard', undefined);
    setNavigator('share', undefined);
  });

  it('shows the personal link and code', async () => {
    getMock.mockResolvedValue(advocate);
    const element = await mount();
    const input = element.shadowRoot!.querySelector('input.link') as HTMLInputElement;
    expect(input.value).toBe(LINK);
    expect(element.shadowRoot!.querySelector('.code')!.textContent).toContain('ADA2345');
    const mail = element.shadowRoot!.querySelector('a.mail') as HTMLAnchorElement;
    expect(decodeURIComponent(mail.href)).toContain(LINK);
    expect(element.shadowRoot!.querySelector('lightning-button.share')).toBeNull();
  });

  it('copies with the clipboard API', async () => {
    const writeText = jest.fn().mockResolvedValue(undefined);
    setNavigator('clipboard', { writeText });
    getMock.mockResolvedValue(advocate);
    const element = await mount();
    (element.shadowRoot!.querySelector('lightning-button.copy') as HTMLElement).click();
    await flush();
    expect(writeText).toHaveBeenCalledWith(LINK);
    expect(element.shadowRoot!.querySelector('.feedback')!.textContent).toBe(COPIED_MESSAGE);
  });

  it('falls back to selecting and copying, and says so when that fails too', async () => {
    setNavigator('clipboard', { writeText: jest.fn().mockRejectedValue(new Error('denied')) });
    const execCommand = jest.fn().mockReturnValue(true);
    Object.defineProperty(document, 'execCommand', { value: execCommand, configurable: true });
    getMock.mockResolvedValue(advocate);
    const element = await mount();
    (element.shadowRoot!.querySelector('lightning-button.copy') as HTMLElement).click();
    await flush();
    expect(execCommand).toHaveBeenCalledWith('copy');
    expect(element.shadowRoot!.querySelector('.feedback')!.textContent).toBe(COPIED_MESSAGE);
    execCommand.mockImplementation(() => {
      throw new Error('unsupported');
    });
    (element.shadowRoot!.querySelector('lightning-button.copy') as HTMLElement).click();
    await flush();
    expect(element.shadowRoot!.querySelector('.feedback')!.textContent).toBe(COPY_FAILED_MESSAGE);
  });

  it('shares through the share sheet when the browser has one', async () => {
    const share = jest.fn().mockRejectedValue(new Error('AbortError'));
    setNavigator('share', share);
    getMock.mockResolvedValue({ ...advocate, status: 'Inactive' });
    const element = await mount();
    expect(element.shadowRoot!.querySelector('.inactive')).not.toBeNull();
    (element.shadowRoot!.querySelector('lightning-button.share') as HTMLElement).click();
    await flush();
    expect(share).toHaveBeenCalledWith({
      title: 'Refer a friend and both get 100 points',
      url: LINK
    });
  });

  it('shows the error state, and labels the link field (accessibility)', async () => {
    getMock.mockRejectedValue({ body: { message: 'Not an advocate.' } });
    const broken = await mount();
    expect(broken.shadowRoot!.querySelector('c-error-panel')).not.toBeNull();
    getMock.mockResolvedValue(advocate);
    const element = await mount();
    const label = element.shadowRoot!.querySelector('label')!;
    expect(label.getAttribute('for')).toBeTruthy();
    expect(element.shadowRoot!.querySelector('[role="status"]')!.getAttribute('aria-live')).toBe(
      'polite'
    );
  });
});
