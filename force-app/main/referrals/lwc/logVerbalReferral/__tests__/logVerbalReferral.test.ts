import { createElement } from 'lwc';
import ADVOCATE from '@salesforce/schema/Advocate__c';
import ADVOCATE_ACCOUNT from '@salesforce/schema/Advocate__c.Account__c';
import ADVOCATE_STATUS from '@salesforce/schema/Advocate__c.Status__c';
import REFERRAL from '@salesforce/schema/Referral__c';
import LogVerbalReferral, {
  ADVOCATE_REQUIRED_MESSAGE,
  EMAIL_FORMAT_MESSAGE,
  EMAIL_REQUIRED_MESSAGE,
  FIX_FIELDS_MESSAGE,
  LAST_NAME_REQUIRED_MESSAGE,
  WRONG_PAGE_MESSAGE
} from 'c/logVerbalReferral';
import getContext from '@salesforce/apex/VerbalReferralController.getContext';
import previewScreening from '@salesforce/apex/VerbalReferralController.previewScreening';
import submit from '@salesforce/apex/VerbalReferralController.submit';

// the navigation service, recording what the component asks for (the stub records nothing)
const mockNavigate = jest.fn();
const mockGenerateUrl = jest.fn((page: { attributes: { recordId: string } }) =>
  Promise.resolve(`/generated/${page.attributes.recordId}`)
);
jest.mock('lightning/navigation', () => {
  const Navigate = Symbol('Navigate');
  const GenerateUrl = Symbol('GenerateUrl');
  const NavigationMixin = (Base: new () => object) =>
    class extends Base {
      [Navigate](page: unknown) {
        mockNavigate(page);
      }
      [GenerateUrl](page: unknown) {
        return mockGenerateUrl(page as { attributes: { recordId: string } });
      }
    };
  NavigationMixin.Navigate = Navigate;
  NavigationMixin.GenerateUrl = GenerateUrl;
  return { NavigationMixin };
});
import contextJson from './data/contactContext.json';
import previewJson from './data/previewReview.json';
import submitJson from './data/submitAccepted.json';

interface TestWireAdapter {
  emit(value: unknown): void;
  error(body?: unknown, status?: number, statusText?: string): void;
  getLastConfig(): Record<string, unknown>;
}

jest.mock(
  '@salesforce/apex/VerbalReferralController.getContext',
  () => {
    const { createApexTestWireAdapter } = jest.requireActual('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);
jest.mock(
  '@salesforce/apex/VerbalReferralController.previewScreening',
  () => ({ default: jest.fn() }),
  {
    virtual: true
  }
);
jest.mock('@salesforce/apex/VerbalReferralController.submit', () => ({ default: jest.fn() }), {
  virtual: true
});
// sfdx-lwc-jest ships no stub for lightning/actions.
jest.mock(
  'lightning/actions',
  () => ({
    CloseActionScreenEvent: class extends CustomEvent<null> {
      constructor() {
        super('lightning__closeactionscreen');
      }
    }
  }),
  { virtual: true }
);

const contextAdapter = getContext as unknown as TestWireAdapter;
const previewMock = previewScreening as unknown as jest.Mock;
const submitMock = submit as unknown as jest.Mock;

type ActionElement = HTMLElement & { recordId?: string; objectApiName?: string };
type Field = HTMLElement & {
  name: string;
  value: unknown;
  label: string;
  required?: boolean;
  reportValidity: () => boolean | undefined;
};

function clone<T>(json: T): T {
  return JSON.parse(JSON.stringify(json)) as T;
}

/** Lets pending promises (wire emits, Apex calls, re-renders) settle. */
function flush(): Promise<void> {
  let settled = Promise.resolve();
  for (let i = 0; i < 10; i++) settled = settled.then(() => undefined);
  return settled;
}

function mount(props: Partial<ActionElement> = {}): ActionElement {
  const element = createElement('c-log-verbal-referral', {
    is: LogVerbalReferral
  }) as ActionElement;
  Object.assign(element, { recordId: '003000000000001AAA', objectApiName: 'Contact', ...props });
  document.body.appendChild(element);
  return element;
}

function $(element: HTMLElement, selector: string): HTMLElement | null {
  return element.shadowRoot!.querySelector(selector);
}

function field(element: HTMLElement, name: string): Field {
  return $(element, `[data-field="${name}"]`) as Field;
}

async function type(element: HTMLElement, name: string, value: string | boolean): Promise<void> {
  const input = field(element, name);
  const detail = typeof value === 'boolean' ? { checked: value } : { value };
  input.dispatchEvent(new CustomEvent('change', { detail }));
  await flush();
}

async function fillValidForm(element: HTMLElement): Promise<void> {
  await type(element, 'firstName', 'Lee');
  await type(element, 'lastName', 'Globex');
  await type(element, 'email', 'lee@globex.com');
  await type(element, 'company', 'Globex');
  await type(element, 'consentGiven', true);
}

async function ready(props: Partial<ActionElement> = {}): Promise<ActionElement> {
  const element = mount(props);
  contextAdapter.emit(clone(contextJson));
  await flush();
  return element;
}

describe('c-log-verbal-referral', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
  });

  it("shows a spinner, then the form with the contact's advocate preselected", async () => {
    const element = mount();
    await flush();
    expect($(element, 'lightning-spinner')).not.toBeNull();
    expect(contextAdapter.getLastConfig()).toEqual({ recordId: '003000000000001AAA' });
    contextAdapter.emit(clone(contextJson));
    await flush();
    const picker = $(element, 'lightning-record-picker') as HTMLElement & {
      value: string;
      objectApiName: string;
      filter: { criteria: { fieldPath: string; value: string }[] };
    };
    expect(picker.value).toBe('a0A000000000001AAA');
    expect(picker.objectApiName).toBe(ADVOCATE.objectApiName);
    expect(picker.filter.criteria).toEqual([
      { fieldPath: ADVOCATE_STATUS.fieldApiName, operator: 'eq', value: 'Active' }
    ]);
  });

  it('runs on the API names of the schema: prefixed in the namespace run (jest.namespace.config.js)', () => {
    const namespace = (globalThis as { SCHEMA_NAMESPACE?: string }).SCHEMA_NAMESPACE;
    const prefix = namespace ? `${namespace}__` : '';
    expect(ADVOCATE.objectApiName).toBe(`${prefix}Advocate__c`);
    expect(ADVOCATE_STATUS).toEqual({
      objectApiName: `${prefix}Advocate__c`,
      fieldApiName: `${prefix}Status__c`
    });
  });

  it('on an Account, limits the advocate lookup to that account and says when none exists', async () => {
    const element = mount({ recordId: '001000000000001AAA', objectApiName: 'Account' });
    contextAdapter.emit({
      contextObject: 'Account',
      defaultAdvocateId: null,
      advocates: [],
      message:
        'No advocate is linked to this record yet: pick the advocate who made the referral, or invite this contact to the program first.'
    });
    await flush();
    const picker = $(element, 'lightning-record-picker') as HTMLElement & {
      value: string;
      filter: { criteria: { fieldPath: string; value: string }[] };
    };
    expect(picker.filter.criteria[1]).toEqual({
      fieldPath: ADVOCATE_ACCOUNT.fieldApiName,
      operator: 'eq',
      value: '001000000000001AAA'
    });
    expect(picker.value).toBe('');
    expect($(element, '.context-message')!.textContent).toContain('No advocate is linked');
  });

  it('shows the screening verdict before saving', async () => {
    previewMock.mockResolvedValue(clone(previewJson));
    const element = await ready();
    await fillValidForm(element);
    ($(element, 'lightning-button.check') as HTMLElement).click();
    await flush();
    expect(previewMock).toHaveBeenCalledWith({
      advocateId: 'a0A000000000001AAA',
      email: 'lee@globex.com'
    });
    expect($(element, '.verdict')!.textContent).toBe('Goes to review');
    expect($(element, '.verdict')!.className).toContain('slds-theme_warning');
    expect($(element, '.preview-message')!.textContent).toContain('already a contact');
  });

  it('does not ask the server to screen an email that is missing or malformed', async () => {
    const element = await ready();
    ($(element, 'lightning-button.check') as HTMLElement).click();
    await flush();
    expect(previewMock).not.toHaveBeenCalled();
    expect($(element, '.form-error')!.textContent).toBe(EMAIL_REQUIRED_MESSAGE);

    await type(element, 'email', 'lee@globex');
    ($(element, 'lightning-button.check') as HTMLElement).click();
    await flush();
    expect(previewMock).not.toHaveBeenCalled();
    expect($(element, '.form-error')!.textContent).toBe(EMAIL_FORMAT_MESSAGE);
  });

  it('shows the server sentence when the screening preview is refused', async () => {
    previewMock.mockRejectedValue({ body: { message: 'The advocate could not be found.' } });
    const element = await ready();
    await type(element, 'email', 'lee@globex.com');
    ($(element, 'lightning-button.check') as HTMLElement).click();
    await flush();
    const panel = $(element, 'c-error-panel.preview-error') as HTMLElement & { errors: unknown };
    expect(panel.errors).toEqual({ body: { message: 'The advocate could not be found.' } });
    expect($(element, '.verdict')).toBeNull();
  });

  it('validates the whole form before calling the server', async () => {
    const element = await ready();
    // The rep clears the advocate.
    ($(element, 'lightning-record-picker') as HTMLElement).dispatchEvent(
      new CustomEvent('change', { detail: { recordId: null } })
    );
    await flush();
    ($(element, 'lightning-button.save') as HTMLElement).click();
    await flush();
    expect(submitMock).not.toHaveBeenCalled();
    expect($(element, '.advocate-error')!.textContent).toBe(ADVOCATE_REQUIRED_MESSAGE);
    expect($(element, '.form-error')!.textContent).toBe(
      `${ADVOCATE_REQUIRED_MESSAGE} ${LAST_NAME_REQUIRED_MESSAGE} ${EMAIL_REQUIRED_MESSAGE}`
    );
  });

  it('refuses to save while a field reports itself invalid', async () => {
    const element = await ready();
    await fillValidForm(element);
    field(element, 'phone').reportValidity = () => false;
    ($(element, 'lightning-button.save') as HTMLElement).click();
    await flush();
    expect(submitMock).not.toHaveBeenCalled();
    expect($(element, '.form-error')!.textContent).toBe(FIX_FIELDS_MESSAGE);
  });

  it('saves through the controller, confirms and closes the quick action', async () => {
    submitMock.mockResolvedValue(clone(submitJson));
    const element = await ready();
    await fillValidForm(element);
    await type(element, 'notes', 'Met at the trade fair.');
    const toasts: CustomEvent[] = [];
    let closed = 0;
    element.addEventListener('lightning__showtoast', (e) => toasts.push(e as CustomEvent));
    element.addEventListener('lightning__closeactionscreen', () => closed++);

    ($(element, 'lightning-button.save') as HTMLElement).click();
    await flush();

    expect(submitMock).toHaveBeenCalledWith({
      input: {
        advocateId: 'a0A000000000001AAA',
        firstName: 'Lee',
        lastName: 'Globex',
        email: 'lee@globex.com',
        phone: null,
        company: 'Globex',
        notes: 'Met at the trade fair.',
        consentGiven: true
      }
    });
    expect(toasts[0].detail).toMatchObject({ title: 'Referral logged', variant: 'success' });
    expect(closed).toBe(1);
    expect($(element, '.saved')!.textContent).toContain('accepted and passed to sales');
  });

  it('shows the server sentence when the submission service refuses', async () => {
    const sentence =
      'This advocate is inactive: reactivate the advocate before submitting referrals for them.';
    submitMock.mockRejectedValue({ body: { message: sentence } });
    const element = await ready();
    await fillValidForm(element);
    ($(element, 'lightning-button.save') as HTMLElement).click();
    await flush();
    const panel = $(element, 'c-error-panel.save-error') as HTMLElement & { errors: unknown };
    expect(panel.errors).toEqual({ body: { message: sentence } });
    expect($(element, '.saved')).toBeNull();
  });

  it('in the utility bar: no record, stays open after saving and can log another', async () => {
    submitMock.mockResolvedValue({ ...clone(submitJson), verdict: 'REJECT', message: 'Rejected.' });
    const element = mount({ recordId: undefined, objectApiName: undefined });
    await flush();
    expect(contextAdapter.getLastConfig()).toEqual({ recordId: null });
    contextAdapter.emit({
      contextObject: null,
      defaultAdvocateId: null,
      advocates: [],
      message: null
    });
    await flush();
    ($(element, 'lightning-record-picker') as HTMLElement).dispatchEvent(
      new CustomEvent('change', { detail: { recordId: 'a0A000000000002AAA' } })
    );
    await fillValidForm(element);
    let closed = 0;
    const toasts: CustomEvent[] = [];
    element.addEventListener('lightning__closeactionscreen', () => closed++);
    element.addEventListener('lightning__showtoast', (e) => toasts.push(e as CustomEvent));
    ($(element, 'lightning-button.save') as HTMLElement).click();
    await flush();
    expect(closed).toBe(0);
    expect(toasts[0].detail.variant).toBe('warning');
    const page = {
      type: 'standard__recordPage',
      attributes: {
        recordId: 'a0R000000000001AAA',
        objectApiName: REFERRAL.objectApiName,
        actionName: 'view'
      }
    };
    expect(mockGenerateUrl).toHaveBeenCalledWith(page);
    const link = $(element, '.saved-link') as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe('/generated/a0R000000000001AAA');
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    link.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    expect(mockNavigate).toHaveBeenCalledWith(page);
    ($(element, 'lightning-button.new-referral') as HTMLElement).click();
    await flush();
    expect($(element, '.saved')).toBeNull();
    expect((field(element, 'lastName') as Field).value).toBe('');
  });

  it('cancel closes the quick action', async () => {
    const element = await ready();
    let closed = 0;
    element.addEventListener('lightning__closeactionscreen', () => closed++);
    ($(element, 'lightning-button.cancel') as HTMLElement).click();
    expect(closed).toBe(1);
  });

  it('shows the server sentence when the form cannot open (no permission)', async () => {
    const element = mount();
    contextAdapter.error({
      message: 'You need the Referral Program Sales User permission set to log referrals.'
    });
    await flush();
    const panel = $(element, 'c-error-panel') as HTMLElement & { friendlyMessage: string };
    expect(panel.friendlyMessage).toBe('The referral form could not open.');
    expect($(element, 'lightning-record-picker')).toBeNull();
  });

  it('tells the admin when placed on an unsupported page', async () => {
    const element = mount({ objectApiName: 'Opportunity', recordId: '006000000000001AAA' });
    await flush();
    expect($(element, '.wrong-page')!.textContent).toBe(WRONG_PAGE_MESSAGE);
    expect($(element, 'lightning-record-picker')).toBeNull();
  });

  it('is accessible: every field is labelled, required ones marked, help on the lookup', async () => {
    const element = await ready();
    const fields = [
      ...element.shadowRoot!.querySelectorAll('lightning-input, lightning-textarea')
    ] as Field[];
    expect(fields.length).toBe(7);
    for (const f of fields) expect(f.label).toBeTruthy();
    expect(field(element, 'lastName').required).toBe(true);
    expect(field(element, 'email').required).toBe(true);
    const picker = $(element, 'lightning-record-picker') as HTMLElement & {
      label: string;
      fieldLevelHelp: string;
      required: boolean;
    };
    expect(picker.label).toBe('Advocate');
    expect(picker.required).toBe(true);
    expect(picker.fieldLevelHelp).toBeTruthy();
    expect($(element, '.screening')!.getAttribute('aria-live')).toBe('polite');
  });
});
