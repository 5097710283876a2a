import { createElement } from 'lwc';
import AdvocateProfile, { CHOOSE_FORM_MESSAGE, FORM_OPTIONS } from 'c/advocateProfile';
import getMyAdvocate from '@salesforce/apex/PortalController.getMyAdvocate';
import updateEmailPreferences from '@salesforce/apex/PortalController.updateEmailPreferences';
import requestTaxFormReview from '@salesforce/apex/PortalController.requestTaxFormReview';
import setLeaderboardOptIn from '@salesforce/apex/AdvocateProgressController.setLeaderboardOptIn';
import advocate from './data/advocate.json';

jest.mock('@salesforce/apex/PortalController.getMyAdvocate', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock(
  '@salesforce/apex/PortalController.updateEmailPreferences',
  () => ({ default: jest.fn() }),
  { virtual: true }
);
jest.mock(
  '@salesforce/apex/PortalController.requestTaxFormReview',
  () => ({ default: jest.fn() }),
  { virtual: true }
);

jest.mock(
  '@salesforce/apex/AdvocateProgressController.setLeaderboardOptIn',
  () => ({ default: jest.fn() }),
  { virtual: true }
);

const getMock = getMyAdvocate as unknown as jest.Mock;
const leaderboardMock = setLeaderboardOptIn as unknown as jest.Mock;
const emailsMock = updateEmailPreferences as unknown as jest.Mock;
const taxMock = requestTaxFormReview as unknown as jest.Mock;

function flush(): Promise<void> {
  let settled = Promise.resolve();
  for (let i = 0; i < 10; i++) settled = settled.then(() => undefined);
  return settled;
}

async function mount(): Promise<HTMLElement> {
  const element = createElement('c-advocate-profile', { is: AdvocateProfile });
  document.body.appendChild(element);
  await flush();
  return element;
}

function $(element: HTMLElement, selector: string): HTMLElement {
  return element.shadowRoot!.querySelector(selector) as HTMLElement;
}

describe('c-advocate-profile', () => {
  beforeEach(() => getMock.mockResolvedValue(advocate));
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
  });

  it('explains the tax form status and offers the three forms', async () => {
    const element = await mount();
    expect($(element, '.tax-status').textContent).toContain('no tax form');
    const combo = $(element, 'lightning-combobox') as HTMLElement & { options: unknown };
    expect(combo.options).toEqual(FORM_OPTIONS);
    const upload = $(element, 'lightning-file-upload') as HTMLElement & {
      recordId: string;
      disabled: boolean;
    };
    expect(upload.recordId).toBe(advocate.id);
    expect(upload.disabled).toBe(true);
  });

  it('asks for a review once the chosen form is uploaded', async () => {
    taxMock.mockResolvedValue('Thank you: we asked the program team to review your W-9.');
    const element = await mount();
    $(element, 'lightning-combobox').dispatchEvent(
      new CustomEvent('change', { detail: { value: 'W-9' } })
    );
    await flush();
    $(element, 'lightning-file-upload').dispatchEvent(
      new CustomEvent('uploadfinished', { detail: { files: [{ name: 'w9.pdf' }] } })
    );
    await flush();
    expect(taxMock).toHaveBeenCalledWith({ formType: 'W-9' });
    expect($(element, '.message').textContent).toContain('review your W-9');
  });

  it('refuses an upload without a chosen form type, with a sentence', async () => {
    const element = await mount();
    $(element, 'lightning-file-upload').dispatchEvent(new CustomEvent('uploadfinished'));
    await flush();
    expect($(element, '.problem').textContent).toBe(CHOOSE_FORM_MESSAGE);
    expect(taxMock).not.toHaveBeenCalled();
  });

  it('switches program emails off and on', async () => {
    emailsMock.mockResolvedValue({ ...advocate, emailOptOut: true });
    const element = await mount();
    const toggle = $(element, 'lightning-input.emails') as HTMLElement & { checked: boolean };
    expect(toggle.checked).toBe(true);
    toggle.dispatchEvent(new CustomEvent('change', { detail: { checked: false } }));
    await flush();
    expect(emailsMock).toHaveBeenCalledWith({ optOut: true });
    expect($(element, '.message').textContent).toContain('no longer');
    emailsMock.mockResolvedValue({ ...advocate, emailOptOut: false });
    toggle.dispatchEvent(new CustomEvent('change', { detail: { checked: true } }));
    await flush();
    expect($(element, '.message').textContent).toContain('again');
  });

  it('shows save and load errors, and labels its controls (accessibility)', async () => {
    emailsMock.mockRejectedValue({ body: { message: 'Not saved.' } });
    taxMock.mockRejectedValue({ body: { message: 'Not asked.' } });
    const element = await mount();
    expect(($(element, 'lightning-input.emails') as HTMLElement & { label: string }).label).toBe(
      'Send me emails about my referrals and rewards'
    );
    $(element, 'lightning-input.emails').dispatchEvent(
      new CustomEvent('change', { detail: { checked: false } })
    );
    await flush();
    expect($(element, 'c-error-panel')).not.toBeNull();
    $(element, 'lightning-combobox').dispatchEvent(
      new CustomEvent('change', { detail: { value: 'W-8BEN' } })
    );
    await flush();
    $(element, 'lightning-file-upload').dispatchEvent(new CustomEvent('uploadfinished'));
    await flush();
    expect(taxMock).toHaveBeenCalledWith({ formType: 'W-8BEN' });
    getMock.mockRejectedValue({ body: { message: 'No access.' } });
    const broken = await mount();
    expect($(broken, 'c-error-panel')).not.toBeNull();
    expect($(broken, '.tax-status')).toBeNull();
  });

  it('shows the leaderboard choice off by default, with help text, and stores a change', async () => {
    const element = await mount();
    const toggle = $(element, 'lightning-input.leaderboard') as HTMLElement & {
      checked: boolean;
      fieldLevelHelp: string;
    };
    expect(toggle.checked).toBe(false);
    expect(toggle.fieldLevelHelp).toContain('never your email or company');
    leaderboardMock.mockResolvedValue({ ...advocate, leaderboardOptIn: true });
    toggle.dispatchEvent(new CustomEvent('change', { detail: { checked: true } }));
    await flush();
    expect(leaderboardMock).toHaveBeenCalledWith({ optIn: true });
    expect($(element, '.message').textContent).toBe('You now appear on the leaderboard.');
    expect(
      ($(element, 'lightning-input.leaderboard') as HTMLElement & { checked: boolean }).checked
    ).toBe(true);
  });

  it('says when switching the leaderboard off and shows a refused change', async () => {
    getMock.mockResolvedValue({ ...advocate, leaderboardOptIn: true });
    const element = await mount();
    leaderboardMock.mockResolvedValue({ ...advocate, leaderboardOptIn: false });
    $(element, 'lightning-input.leaderboard').dispatchEvent(
      new CustomEvent('change', { detail: { checked: false } })
    );
    await flush();
    expect(leaderboardMock).toHaveBeenCalledWith({ optIn: false });
    expect($(element, '.message').textContent).toBe('You no longer appear on the leaderboard.');
    leaderboardMock.mockRejectedValue({ body: { message: 'Refused.' } });
    $(element, 'lightning-input.leaderboard').dispatchEvent(
      new CustomEvent('change', { detail: { checked: true } })
    );
    await flush();
    expect($(element, 'c-error-panel')).not.toBeNull();
    expect($(element, '.message')).toBeNull();
  });
});
