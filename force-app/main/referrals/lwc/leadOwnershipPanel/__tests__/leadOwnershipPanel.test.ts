import { createElement } from 'lwc';
import ADVOCATE from '@salesforce/schema/Advocate__c';
import LeadOwnershipPanel, { WRONG_PAGE_MESSAGE } from 'c/leadOwnershipPanel';
import getOwnership from '@salesforce/apex/LeadOwnershipController.getOwnership';
import claim from '@salesforce/apex/LeadOwnershipController.claim';
import { refreshApex } from '@salesforce/apex';
import { notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import type { LeadOwnership } from 'c/referralDtos';
import ownershipJson from './data/ownership.json';

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

interface TestWireAdapter {
  emit(value: unknown): void;
  error(body?: unknown, status?: number, statusText?: string): void;
  getLastConfig(): Record<string, unknown>;
}

jest.mock(
  '@salesforce/apex/LeadOwnershipController.getOwnership',
  () => {
    const { createApexTestWireAdapter } = jest.requireActual('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);
jest.mock('@salesforce/apex/LeadOwnershipController.claim', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), {
  virtual: true
});

const adapter = getOwnership as unknown as TestWireAdapter;
const claimMock = claim as unknown as jest.Mock;

type PanelElement = HTMLElement & { recordId?: string; objectApiName?: string };

function fixture(): LeadOwnership {
  return JSON.parse(JSON.stringify(ownershipJson)) as LeadOwnership;
}

/** Lets pending promises (wire emits, Apex calls, re-renders) settle. */
function flush(): Promise<void> {
  let settled = Promise.resolve();
  for (let i = 0; i < 10; i++) settled = settled.then(() => undefined);
  return settled;
}

function mount(props: Partial<PanelElement> = {}): PanelElement {
  const element = createElement('c-lead-ownership-panel', {
    is: LeadOwnershipPanel
  }) as PanelElement;
  Object.assign(element, { recordId: '00Q000000000001AAA', objectApiName: 'Lead', ...props });
  document.body.appendChild(element);
  return element;
}

function $(element: HTMLElement, selector: string): HTMLElement | null {
  return element.shadowRoot!.querySelector(selector);
}

describe('c-lead-ownership-panel', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
  });

  it('shows a spinner until the routing loads, asking for the lead', async () => {
    const element = mount();
    await flush();
    expect($(element, 'lightning-spinner')).not.toBeNull();
    expect(adapter.getLastConfig()).toEqual({ leadId: '00Q000000000001AAA' });
  });

  it('renders the advocate, the account owner, the route and its reason', async () => {
    const element = mount();
    adapter.emit(fixture());
    await flush();
    expect($(element, '.advocate')!.textContent).toBe('Pat Acme, Acme');
    const page = {
      type: 'standard__recordPage',
      attributes: {
        recordId: 'a0A000000000001AAA',
        objectApiName: ADVOCATE.objectApiName,
        actionName: 'view'
      }
    };
    expect(mockGenerateUrl).toHaveBeenCalledWith(page);
    const link = $(element, '.advocate a')!;
    expect(link.getAttribute('href')).toBe('/generated/a0A000000000001AAA');
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    link.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    expect(mockNavigate).toHaveBeenCalledWith(page);
    expect($(element, '.account-owner')!.textContent).toBe('Riya Rep');
    expect($(element, '.route')!.textContent).toBe('Lead queue');
    expect($(element, '.reason')!.textContent).toContain('no active owner');
    expect($(element, '.lead-owner')!.textContent).toBe('Referral Queue');
    expect($(element, 'lightning-button.claim')).not.toBeNull();
  });

  it('claims the lead, confirms with a toast and refreshes the panel and the record', async () => {
    claimMock.mockResolvedValue({
      success: true,
      message: 'You now own the referral lead Lee Globex.'
    });
    const element = mount();
    adapter.emit(fixture());
    await flush();
    const toasts: CustomEvent[] = [];
    element.addEventListener('lightning__showtoast', (e) => toasts.push(e as CustomEvent));

    ($(element, 'lightning-button.claim') as HTMLElement).click();
    await flush();

    expect(claimMock).toHaveBeenCalledWith({ leadId: '00Q000000000001AAA' });
    expect(toasts).toHaveLength(1);
    expect(toasts[0].detail.message).toBe('You now own the referral lead Lee Globex.');
    expect(refreshApex).toHaveBeenCalled();
    expect(notifyRecordUpdateAvailable).toHaveBeenCalledWith([{ recordId: '00Q000000000001AAA' }]);
    expect($(element, '.claim-error')).toBeNull();
  });

  it('shows the server sentence when the claim is refused', async () => {
    const sentence =
      "Only the owner of Acme (the advocate's account) or the advocate's relationship owner can claim this referral lead.";
    claimMock.mockRejectedValue({ body: { message: sentence } });
    const element = mount();
    adapter.emit(fixture());
    await flush();
    ($(element, 'lightning-button.claim') as HTMLElement).click();
    await flush();
    await flush();
    const panel = $(element, 'c-error-panel.claim-error') as HTMLElement & { errors: unknown };
    expect(panel).not.toBeNull();
    expect(panel.errors).toEqual({ body: { message: sentence } });
    expect(refreshApex).not.toHaveBeenCalled();
  });

  it('explains why the rep cannot claim instead of offering the button', async () => {
    const data = fixture();
    data.canClaim = false;
    data.claimBlockedReason =
      'This referral lead went to the owner of an existing account because the program protects existing accounts, so it cannot be claimed; ask that owner to reassign it.';
    const element = mount();
    adapter.emit(data);
    await flush();
    expect($(element, 'lightning-button.claim')).toBeNull();
    expect($(element, '.claim-blocked')!.textContent).toContain('protects existing accounts');
  });

  it('shows the empty state for a lead that did not come from a referral', async () => {
    const element = mount();
    adapter.emit({
      ...fixture(),
      hasReferral: false,
      message: 'This lead did not come from a referral, so it has no referral routing.'
    });
    await flush();
    expect($(element, '.empty-state')!.textContent).toContain('did not come from a referral');
    expect($(element, '.ownership')).toBeNull();
  });

  it('shows the error panel when the routing cannot load (no permission)', async () => {
    const element = mount();
    adapter.error({ message: 'You need the Referral Program Sales User permission set.' });
    await flush();
    const panel = $(element, 'c-error-panel') as HTMLElement & { friendlyMessage: string };
    expect(panel.friendlyMessage).toBe('The referral ownership could not load.');
  });

  it('tells the admin when it is placed on the wrong page', async () => {
    const element = mount({ objectApiName: 'Opportunity' });
    await flush();
    expect($(element, '.wrong-page')!.textContent).toBe(WRONG_PAGE_MESSAGE);
  });

  it('falls back to plain words when owners and reason are unknown', async () => {
    const element = mount();
    const data = fixture();
    data.advocate = {
      ...data.advocate!,
      contactName: null,
      accountName: null,
      accountOwnerName: null
    };
    data.routing = { ...data.routing!, routeLabel: null, route: null, reason: null };
    adapter.emit(data);
    await flush();
    expect($(element, '.advocate')!.textContent).toBe('ADV-000001');
    expect($(element, '.account-owner')!.textContent).toBe('Not known');
    expect($(element, '.route')!.textContent).toBe('Not routed yet');
    expect($(element, '.reason')!.textContent).toBe('No routing reason was recorded.');
  });

  it('copes with a referral whose advocate the rep cannot see', async () => {
    const element = mount();
    adapter.emit({ ...fixture(), advocate: null, canClaim: false, claimBlockedReason: null });
    await flush();
    expect($(element, '.advocate')!.textContent).toBe('Unknown advocate');
    expect($(element, '.claim-blocked')).toBeNull();
    expect($(element, 'lightning-button.claim')).toBeNull();
  });

  it('is accessible: the claim button has a title, the spinner alternative text', async () => {
    const element = mount();
    adapter.emit(fixture());
    await flush();
    const button = $(element, 'lightning-button.claim') as HTMLElement & {
      title: string;
      label: string;
    };
    expect(button.label).toBe('Claim');
    expect(button.title).toContain('Riya Rep');
    expect($(element, '.advocate a')!.getAttribute('title')).toBe('Open the advocate');
  });
});
