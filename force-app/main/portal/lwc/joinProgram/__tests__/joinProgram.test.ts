import { createElement } from 'lwc';
import { CurrentPageReference } from 'lightning/navigation';
import JoinProgram, {
  NO_TOKEN_MESSAGE,
  PASSWORD_LENGTH_MESSAGE,
  PASSWORD_MATCH_MESSAGE,
  TERMS_MESSAGE
} from 'c/joinProgram';
import getInvitation from '@salesforce/apex/AdvocateJoinController.getInvitation';
import join from '@salesforce/apex/AdvocateJoinController.join';
import invitation from './data/invitation.json';

jest.mock('@salesforce/apex/AdvocateJoinController.getInvitation', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/AdvocateJoinController.join', () => ({ default: jest.fn() }), {
  virtual: true
});

interface TestWireAdapter {
  emit(value: unknown): void;
}
// eslint-disable-next-line @lwc/lwc/no-unexpected-wire-adapter-usages -- the test drives the jest stub of the adapter
const pageAdapter = CurrentPageReference as unknown as TestWireAdapter;
const invitationMock = getInvitation as unknown as jest.Mock;
const joinMock = join as unknown as jest.Mock;
const TOKEN = 'Tk_0123456789abcdefABCDEF-xyz';

function flush(): Promise<void> {
  let settled = Promise.resolve();
  for (let i = 0; i < 10; i++) settled = settled.then(() => undefined);
  return settled;
}

async function mount(token: string | null = TOKEN): Promise<HTMLElement> {
  const element = createElement('c-join-program', { is: JoinProgram });
  document.body.appendChild(element);
  pageAdapter.emit({
    type: 'comm__namedPage',
    attributes: {},
    state: { token: token ?? undefined }
  });
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

async function fill(element: HTMLElement, password = 'Referral!2026', again = password) {
  await type(element, 'acceptTerms', true);
  await type(element, 'consent', true);
  await type(element, 'password', password);
  await type(element, 'confirmPassword', again);
}

describe('c-join-program', () => {
  beforeEach(() => invitationMock.mockResolvedValue(invitation));
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
  });

  it('shows the invitation and the terms for the token in the link', async () => {
    const element = await mount();
    expect(invitationMock).toHaveBeenCalledWith({ token: TOKEN });
    expect($(element, '.greeting').textContent).toBe('Welcome, Ada! Join Customer Referrals.');
    const terms = $(element, 'lightning-formatted-text') as HTMLElement & { value: string };
    expect(terms.value).toContain('Rewards are paid');
  });

  it('joins with terms, consent and a password, then signs in', async () => {
    joinMock.mockResolvedValue({
      success: true,
      message: 'Welcome to Customer Referrals!',
      nextUrl: null
    });
    const element = await mount();
    await fill(element);
    $(element, 'lightning-button.join').click();
    await flush();
    expect(joinMock).toHaveBeenCalledWith({
      request: { token: TOKEN, password: 'Referral!2026', acceptTerms: true, consent: true }
    });
    expect($(element, '.joined').textContent).toContain('Welcome to Customer Referrals!');
    expect($(element, 'lightning-button.join')).toBeNull();
  });

  it('refuses a form without terms, with a short or mismatched password', async () => {
    const element = await mount();
    $(element, 'lightning-button.join').click();
    await flush();
    expect($(element, '.problem').textContent).toBe(TERMS_MESSAGE);
    await fill(element, 'short');
    $(element, 'lightning-button.join').click();
    await flush();
    expect($(element, '.problem').textContent).toBe(PASSWORD_LENGTH_MESSAGE);
    await fill(element, 'Referral!2026', 'Referral!2027');
    $(element, 'lightning-button.join').click();
    await flush();
    expect($(element, '.problem').textContent).toBe(PASSWORD_MATCH_MESSAGE);
    expect(joinMock).not.toHaveBeenCalled();
  });

  it('explains an expired or used invitation in the words of the server', async () => {
    const refusal = {
      body: { message: 'This invitation link is not valid or has already been used.' }
    };
    invitationMock.mockRejectedValue(refusal);
    const element = await mount();
    const panel = $(element, 'c-error-panel') as HTMLElement & { errors: unknown };
    expect(panel.errors).toEqual(refusal);
    expect($(element, 'lightning-button.join')).toBeNull();
  });

  it('asks for the invitation link when there is no token (accessibility: announced)', async () => {
    const element = await mount(null);
    const notice = $(element, '.no-token');
    expect(notice.textContent).toBe(NO_TOKEN_MESSAGE);
    expect(notice.getAttribute('role')).toBe('alert');
    expect(invitationMock).not.toHaveBeenCalled();
  });

  it('keeps the form and shows the error when creating the sign-in fails', async () => {
    joinMock.mockRejectedValue({ body: { message: 'Your sign-in could not be created.' } });
    const element = await mount();
    await fill(element);
    $(element, 'lightning-button.join').click();
    await flush();
    expect($(element, 'c-error-panel')).not.toBeNull();
    expect($(element, 'lightning-button.join')).not.toBeNull();
  });
});
