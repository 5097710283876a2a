import { createElement } from 'lwc';
import ReferralSubmitForm, { ALREADY_SENT_MESSAGE, CONSENT_MESSAGE } from 'c/referralSubmitForm';
import submitReferral from '@salesforce/apex/PortalController.submitReferral';
import accepted from './data/submitAccepted.json';
import duplicate from './data/submitDuplicate.json';

jest.mock('@salesforce/apex/PortalController.submitReferral', () => ({ default: jest.fn() }), {
  virtual: true
});

const submitMock = submitReferral as unknown as jest.Mock;

function flush(): Promise<void> {
  let settled = Promise.resolve();
  for (let i = 0; i < 10; i++) settled = settled.then(() => undefined);
  return settled;
}

function mount(): HTMLElement {
  const element = createElement('c-referral-submit-form', { is: ReferralSubmitForm });
  document.body.appendChild(element);
  return element;
}

function $(element: HTMLElement, selector: string): HTMLElement | null {
  return element.shadowRoot!.querySelector(selector);
}

async function type(element: HTMLElement, name: string, value: string | boolean): Promise<void> {
  const input = $(element, `[data-field="${name}"]`)!;
  const detail = typeof value === 'boolean' ? { checked: value } : { value };
  input.dispatchEvent(new CustomEvent('change', { detail }));
  await flush();
}

async function fill(element: HTMLElement, email = 'riley.lee@globex.com'): Promise<void> {
  await type(element, 'firstName', ' Riley ');
  await type(element, 'lastName', 'Lee');
  await type(element, 'email', email);
  await type(element, 'company', 'Globex');
  await type(element, 'consent', true);
}

async function send(element: HTMLElement): Promise<void> {
  $(element, 'lightning-button.submit')!.click();
  await flush();
}

describe('c-referral-submit-form', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
  });

  it('renders every field with its limit and a labelled consent box', async () => {
    const element = mount();
    await flush();
    const lastName = $(element, '[data-field="lastName"]') as HTMLElement & {
      required: boolean;
      maxLength: number;
      label: string;
    };
    expect(lastName.required).toBe(true);
    expect(lastName.maxLength).toBe(80);
    expect(
      ($(element, '[data-field="consent"]') as HTMLElement & { label: string }).label
    ).toContain('agreed');
  });

  it('sends clean details and explains an accepted referral in plain words', async () => {
    submitMock.mockResolvedValue(accepted);
    const element = mount();
    await fill(element);
    await send(element);
    expect(submitMock).toHaveBeenCalledWith({
      details: {
        firstName: 'Riley',
        lastName: 'Lee',
        email: 'riley.lee@globex.com',
        phone: null,
        company: 'Globex',
        notes: null,
        consent: true
      }
    });
    const status = $(element, '[role="status"]')!;
    expect(status.textContent).toContain('accepted');
    expect($(element, '.result-explanation')!.textContent).toContain('Our team will contact them');
  });

  it('explains a duplicate and refuses to resend the same email in the session', async () => {
    submitMock.mockResolvedValue(duplicate);
    const element = mount();
    await fill(element);
    await send(element);
    expect($(element, '.result-explanation')!.textContent).toContain('already referred');
    $(element, 'lightning-button.another')!.click();
    await flush();
    await fill(element, 'Riley.Lee+again@globex.com');
    await send(element);
    expect($(element, '.problem')!.textContent).toBe(ALREADY_SENT_MESSAGE);
    expect(submitMock).toHaveBeenCalledTimes(1);
  });

  it('refuses bad input with a sentence and does not call the server', async () => {
    const element = mount();
    await type(element, 'lastName', '<script>alert(1)</script>');
    await type(element, 'email', 'lee@globex.com');
    await type(element, 'consent', true);
    await send(element);
    expect($(element, '.problem')!.textContent).toContain('not allowed');
    await type(element, 'lastName', 'Lee');
    await type(element, 'email', 'not-an-email');
    await send(element);
    expect($(element, '.problem')!.textContent).toContain('name@company.com');
    await type(element, 'email', 'lee@globex.com');
    await type(element, 'consent', false);
    await send(element);
    expect($(element, '.problem')!.textContent).toBe(CONSENT_MESSAGE);
    await type(element, 'consent', true);
    await type(element, 'lastName', '');
    await send(element);
    expect($(element, '.problem')!.textContent).toContain('last name');
    expect(submitMock).not.toHaveBeenCalled();
  });

  it('shows the server refusal in the error panel and keeps the form', async () => {
    submitMock.mockRejectedValue({ body: { message: 'Last name is too long.' } });
    const element = mount();
    await fill(element);
    await send(element);
    const panel = $(element, 'c-error-panel') as HTMLElement & { errors: unknown };
    expect(panel).not.toBeNull();
    expect(panel.errors).toEqual({ body: { message: 'Last name is too long.' } });
    expect($(element, '[data-field="lastName"]')).not.toBeNull();
  });

  it('shows a spinner with alternative text while sending (accessibility)', async () => {
    let resolve: (value: unknown) => void = () => undefined;
    submitMock.mockReturnValue(new Promise((r) => (resolve = r)));
    const element = mount();
    await fill(element);
    await send(element);
    const spinner = $(element, 'lightning-spinner') as HTMLElement & { alternativeText: string };
    expect(spinner.alternativeText).toBe('Sending your referral');
    resolve(accepted);
    await flush();
    expect($(element, 'lightning-spinner')).toBeNull();
  });
});
