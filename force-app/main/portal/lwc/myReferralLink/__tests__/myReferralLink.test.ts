import fs from 'node:fs';
import path from 'node:path';
import { createElement } from 'lwc';
import { loadScript } from 'lightning/platformResourceLoader';
import MyReferralLink, {
  COPIED_MESSAGE,
  COPY_FAILED_MESSAGE,
  QR_FILE,
  QUIET_ZONE,
  STATE_MESSAGES,
  mailtoUrl,
  qrImage,
  resetQrLibrary,
  shareIntents,
  svgDocument,
  type QrFactory
} from 'c/myReferralLink';
import getShareKit from '@salesforce/apex/ShareKitController.getShareKit';
import EMAIL_EMPTY from '@salesforce/label/c.Portal_Share_Email_Empty';
import EMAIL_NO_LINK from '@salesforce/label/c.Portal_Share_Email_No_Link';
import EMAIL_OPENED from '@salesforce/label/c.Portal_Share_Email_Opened';
import QR_FAILED from '@salesforce/label/c.Portal_Share_QR_Failed';
import QR_PNG_FAILED from '@salesforce/label/c.Portal_Share_QR_PNG_Failed';
import QR_DOWNLOADED from '@salesforce/label/c.Portal_Share_QR_Downloaded';
import kitData from './data/shareKit.json';

jest.mock('@salesforce/apex/ShareKitController.getShareKit', () => ({ default: jest.fn() }), {
  virtual: true
});

const getMock = getShareKit as unknown as jest.Mock;
const loadScriptMock = loadScript as unknown as jest.Mock;
const LINK = 'https://acme.my.site.com/referrals/refer?code=ADA2345';

/** The shipped library itself (the static resource's file), as the page would run it. */
const RESOURCE = path.resolve(__dirname, '../../../staticresources/QrCodeGenerator/qrcode.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const qrcode = require(RESOURCE) as QrFactory;

function flush(): Promise<void> {
  let settled = Promise.resolve();
  for (let i = 0; i < 20; i++) settled = settled.then(() => undefined);
  return settled;
}

async function mount(kit: unknown = kitData): Promise<HTMLElement> {
  getMock.mockResolvedValue(kit);
  const element = createElement('c-my-referral-link', { is: MyReferralLink });
  document.body.appendChild(element);
  await flush();
  return element;
}

function $(element: HTMLElement, selector: string): HTMLElement | null {
  return element.shadowRoot!.querySelector(selector);
}

function setNavigator(key: 'clipboard' | 'share', value: unknown): void {
  Object.defineProperty(navigator, key, { value, configurable: true, writable: true });
}

function change(target: HTMLElement, value: string): void {
  target.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

describe('c-my-referral-link (share kit)', () => {
  beforeEach(() => {
    resetQrLibrary();
    loadScriptMock.mockReset();
    loadScriptMock.mockImplementation(() => {
      (globalThis as { qrcode?: unknown }).qrcode = qrcode;
      return Promise.resolve();
    });
  });

  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
    jest.restoreAllMocks();
    setNavigator('clipboard', undefined);
    setNavigator('share', undefined);
    delete (globalThis as { qrcode?: unknown }).qrcode;
  });

  it('shows the link, the code, the counts and encoded LinkedIn, X and WhatsApp intents', async () => {
    const element = await mount();
    expect(($(element, 'input.link') as HTMLInputElement).value).toBe(LINK);
    expect($(element, '.code')!.textContent).toContain('ADA2345');
    expect($(element, '.clicks')!.textContent).toBe('1,234');
    expect($(element, '.signups')!.textContent).toBe('3');
    const encoded = encodeURIComponent(LINK);
    expect(($(element, 'a.linkedin') as HTMLAnchorElement).href).toBe(
      `https://www.linkedin.com/sharing/share-offsite/?url=${encoded}`
    );
    const x = new URL(($(element, 'a.x') as HTMLAnchorElement).href);
    expect(x.origin + x.pathname).toBe('https://x.com/intent/tweet');
    expect(x.searchParams.get('url')).toBe(LINK);
    expect(x.searchParams.get('text')).toBe('I recommend Customer Referrals:');
    const wa = new URL(($(element, 'a.whatsapp') as HTMLAnchorElement).href);
    expect(wa.searchParams.get('text')).toBe(`I recommend Customer Referrals: ${LINK}`);
    for (const a of element.shadowRoot!.querySelectorAll('ul.social a')) {
      expect(a.getAttribute('target')).toBe('_blank');
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    }
    expect($(element, 'lightning-button.share')).toBeNull();
  });

  it('draws the QR code of the link with the shipped library', async () => {
    const element = await mount();
    expect(loadScriptMock).toHaveBeenCalledWith(expect.anything(), QR_FILE);
    expect(QR_FILE).toMatch(/\/qrcode\.js$/);
    const svg = $(element, 'svg.qr')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe(`QR code of your personal link ${LINK}`);
    const image = qrImage(qrcode, LINK);
    expect(svg.querySelector('path')!.getAttribute('d')).toBe(image.path);
    expect(svg.getAttribute('viewBox')).toBe(`0 0 ${image.size} ${image.size}`);
  });

  it('encodes a real QR code: finder patterns in three corners inside the quiet zone', () => {
    const image = qrImage(qrcode, LINK);
    const modules = image.size - 2 * QUIET_ZONE;
    expect((modules - 17) % 4).toBe(0); // versions are 21, 25, 29... modules wide
    const dark = new Set(image.dark.map(([x, y]) => `${x},${y}`));
    const finderAt = (x0: number, y0: number): boolean => {
      for (let i = 0; i < 7; i++) {
        for (let j = 0; j < 7; j++) {
          const ring = i === 0 || i === 6 || j === 0 || j === 6;
          const centre = i >= 2 && i <= 4 && j >= 2 && j <= 4;
          if (dark.has(`${x0 + i},${y0 + j}`) !== (ring || centre)) return false;
        }
      }
      return true;
    };
    const far = QUIET_ZONE + modules - 7;
    expect(finderAt(QUIET_ZONE, QUIET_ZONE)).toBe(true);
    expect(finderAt(far, QUIET_ZONE)).toBe(true);
    expect(finderAt(QUIET_ZONE, far)).toBe(true);
    expect(finderAt(far, far)).toBe(false);
    expect(image.dark.every(([x, y]) => x >= QUIET_ZONE && y >= QUIET_ZONE)).toBe(true);
    expect(qrImage(qrcode, `${LINK}X`).path).not.toBe(image.path);
    const svg = svgDocument(image, 8);
    expect(svg).toContain(`width="${image.size * 8}"`);
    expect(svg).toContain(`d="${image.path}"`);
  });

  it('builds share URLs that survive every character', () => {
    const link = 'https://x.test/refer?code=A&B #1';
    const urls = shareIntents(link, 'Ça & 100% ');
    expect(new URL(urls.linkedIn).searchParams.get('url')).toBe(link);
    expect(new URL(urls.x).searchParams.get('text')).toBe('Ça & 100% ');
    expect(mailtoUrl('a&b', 'line 1\nline 2')).toBe(
      'mailto:?subject=a%26b&body=line%201%0Aline%202'
    );
  });

  it('prefills an editable email, refuses an empty one or one without the link, and announces opening', async () => {
    const element = await mount();
    const subject = $(element, 'lightning-input.email-subject') as HTMLInputElement;
    expect(subject.value).toBe('Refer a friend and both get 100 points');
    const message = $(element, 'lightning-textarea.email-message') as HTMLTextAreaElement;
    expect(message.value).toBe(
      `Hello, I recommend Customer Referrals. Use my personal link to get in touch: ${LINK}\n\nBest regards, Ada`
    );
    let mail = $(element, 'a.mail') as HTMLAnchorElement;
    expect(mail.getAttribute('href')).toBe(mailtoUrl(subject.value, message.value));

    change(message, 'Hello, try them.');
    await flush();
    expect($(element, 'a.mail')).toBeNull();
    expect($(element, '.email-problem')!.textContent).toBe(EMAIL_NO_LINK);

    change(message, '   ');
    await flush();
    expect($(element, '.email-problem')!.textContent).toBe(EMAIL_EMPTY);

    change(message, `Look: ${LINK}`);
    change(subject, 'For you');
    await flush();
    mail = $(element, 'a.mail') as HTMLAnchorElement;
    expect(mail.getAttribute('href')).toBe(mailtoUrl('For you', `Look: ${LINK}`));
    mail.addEventListener('click', (event) => event.preventDefault());
    mail.click();
    await flush();
    expect($(element, '.feedback')!.textContent).toBe(EMAIL_OPENED);
  });

  it('copies with the clipboard API', async () => {
    const writeText = jest.fn().mockResolvedValue(undefined);
    setNavigator('clipboard', { writeText });
    const element = await mount();
    ($(element, 'lightning-button.copy') as HTMLElement).click();
    await flush();
    expect(writeText).toHaveBeenCalledWith(LINK);
    expect($(element, '.feedback')!.textContent).toBe(COPIED_MESSAGE);
  });

  it('falls back to selecting and copying, and says so when that fails too', async () => {
    setNavigator('clipboard', { writeText: jest.fn().mockRejectedValue(new Error('denied')) });
    const execCommand = jest.fn().mockReturnValue(true);
    Object.defineProperty(document, 'execCommand', { value: execCommand, configurable: true });
    const element = await mount();
    ($(element, 'lightning-button.copy') as HTMLElement).click();
    await flush();
    expect(execCommand).toHaveBeenCalledWith('copy');
    expect($(element, '.feedback')!.textContent).toBe(COPIED_MESSAGE);
    execCommand.mockImplementation(() => {
      throw new Error('unsupported');
    });
    ($(element, 'lightning-button.copy') as HTMLElement).click();
    await flush();
    expect($(element, '.feedback')!.textContent).toBe(COPY_FAILED_MESSAGE);
  });

  it('shares through the share sheet when the browser has one', async () => {
    const share = jest.fn().mockRejectedValue(new Error('AbortError'));
    setNavigator('share', share);
    const element = await mount();
    ($(element, 'lightning-button.share') as HTMLElement).click();
    await flush();
    expect(share).toHaveBeenCalledWith({
      title: 'Refer a friend and both get 100 points',
      url: LINK
    });
  });

  it('downloads the QR code as SVG and PNG, and says so when the browser cannot make a PNG', async () => {
    const clicks: HTMLAnchorElement[] = [];
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement
    ) {
      clicks.push(this);
    });
    const createObjectURL = jest.fn().mockReturnValue('blob:qr');
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const element = await mount();

    ($(element, 'lightning-button.download-svg') as HTMLElement).click();
    await flush();
    const blob = createObjectURL.mock.calls[0][0] as Blob;
    expect(blob.type).toBe('image/svg+xml');
    expect(clicks[0].download).toBe('referral-qr-ADA2345.svg');
    expect(clicks[0].href).toBe('blob:qr');
    expect(revokeObjectURL).toHaveBeenCalledWith('blob:qr');
    expect($(element, '.feedback')!.textContent).toBe(QR_DOWNLOADED);

    const fillRect = jest.fn();
    jest
      .spyOn(HTMLCanvasElement.prototype, 'getContext')
      .mockReturnValue({ fillRect, fillStyle: '' } as unknown as CanvasRenderingContext2D);
    jest.spyOn(HTMLCanvasElement.prototype, 'toDataURL').mockReturnValue('data:image/png;base64,x');
    ($(element, 'lightning-button.download-png') as HTMLElement).click();
    await flush();
    expect(clicks[1].download).toBe('referral-qr-ADA2345.png');
    expect(clicks[1].href).toBe('data:image/png;base64,x');
    expect(fillRect.mock.calls.length).toBe(qrImage(qrcode, LINK).dark.length + 1);

    (HTMLCanvasElement.prototype.getContext as jest.Mock).mockReturnValue(null);
    ($(element, 'lightning-button.download-png') as HTMLElement).click();
    await flush();
    expect(clicks).toHaveLength(2);
    expect($(element, '.feedback')!.textContent).toBe(QR_PNG_FAILED);
  });

  it('says so when the QR library cannot load, and still offers the rest of the kit', async () => {
    loadScriptMock.mockReset();
    loadScriptMock.mockRejectedValue(new Error('404'));
    const element = await mount();
    expect($(element, '.qr-error')!.textContent).toBe(QR_FAILED);
    expect($(element, 'svg.qr')).toBeNull();
    expect($(element, 'input.link')).not.toBeNull();
  });

  it.each([
    ['NO_LINK', false],
    ['NOT_JOINED', true],
    ['REVOKED', true],
    ['NO_ADDRESS', true]
  ] as const)(
    'in state %s shows one sentence and nothing to share (no QR, no share links)',
    async (state, showsCode) => {
      const element = await mount({
        ...kitData,
        state,
        referralLink: null,
        referralCode: state === 'NO_LINK' ? null : 'ADA2345',
        clicks: 5,
        signups: 1
      });
      expect($(element, '.state-message')!.textContent).toBe(STATE_MESSAGES[state]);
      expect($(element, '.state-message')!.getAttribute('role')).toBe('alert');
      for (const selector of ['input.link', 'svg.qr', 'ul.social', 'a.mail', 'lightning-button']) {
        expect($(element, selector)).toBeNull();
      }
      expect(loadScriptMock).not.toHaveBeenCalled();
      expect(!!$(element, '.code')).toBe(showsCode);
      expect(!!$(element, '.clicks')).toBe(state !== 'NO_LINK');
    }
  );

  it('shows the error state, and labels the link field (accessibility)', async () => {
    getMock.mockRejectedValue({ body: { message: 'Server down.' } });
    const broken = createElement('c-my-referral-link', { is: MyReferralLink });
    document.body.appendChild(broken);
    await flush();
    expect($(broken, 'c-error-panel')).not.toBeNull();
    const element = await mount();
    const label = element.shadowRoot!.querySelector('label')!;
    expect(label.getAttribute('for')).toBeTruthy();
    expect($(element, '[role="status"]')!.getAttribute('aria-live')).toBe('polite');
    for (const a of element.shadowRoot!.querySelectorAll('ul.social a')) {
      expect(a.querySelector('.slds-assistive-text')!.textContent).toContain('new window');
    }
  });

  it('ships the library file it loads', () => {
    expect(fs.existsSync(RESOURCE)).toBe(true);
  });
});
