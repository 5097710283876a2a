import { createElement } from 'lwc';
import PropensityPanel from 'c/propensityPanel';
import { refreshApex } from '@salesforce/apex';
import getRecordPropensity from '@salesforce/apex/PropensityController.getRecordPropensity';
import invite from '@salesforce/apex/PropensityController.invite';
import { reasons, blockerOf, bandLabel, type PropensityView } from 'c/propensityDtos';
import viewJson from './data/accountView.json';
import resultJson from './data/inviteResult.json';

interface TestWireAdapter {
  emit(value: unknown): void;
  error(body?: unknown, status?: number, statusText?: string): void;
  getLastConfig(): Record<string, unknown>;
}

jest.mock(
  '@salesforce/apex/PropensityController.getRecordPropensity',
  () => {
    const { createApexTestWireAdapter } = jest.requireActual('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);
jest.mock('@salesforce/apex/PropensityController.invite', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), {
  virtual: true
});

const viewAdapter = getRecordPropensity as unknown as TestWireAdapter;
const inviteMock = invite as unknown as jest.Mock;

type PanelElement = HTMLElement & { recordId?: string; objectApiName?: string };

function view(): PropensityView {
  return JSON.parse(JSON.stringify(viewJson)) as PropensityView;
}

function flush(): Promise<void> {
  let settled = Promise.resolve();
  for (let i = 0; i < 10; i++) settled = settled.then(() => undefined);
  return settled;
}

function mount(objectApiName = 'Account'): PanelElement {
  const element = createElement('c-propensity-panel', { is: PropensityPanel }) as PanelElement;
  element.recordId = objectApiName === 'Account' ? '001000000000001AAA' : '003000000000001AAA';
  element.objectApiName = objectApiName;
  document.body.appendChild(element);
  return element;
}

function all(element: HTMLElement, selector: string): HTMLElement[] {
  return [...element.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
}

function $(element: HTMLElement, selector: string): HTMLElement | null {
  return element.shadowRoot!.querySelector(selector);
}

describe('c-propensity-panel', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
  });

  it('shows a spinner until the score arrives, asking for the page record', async () => {
    const element = mount();
    await flush();
    expect($(element, 'lightning-spinner')).not.toBeNull();
    expect(viewAdapter.getLastConfig()).toEqual({ recordId: '001000000000001AAA' });
  });

  it("shows each contact's score, band and reasons in plain words, largest first", async () => {
    const element = mount();
    viewAdapter.emit(view());
    await flush();
    const items = all(element, 'li.contact');
    expect(items).toHaveLength(4);
    const first = items[0];
    expect(first.querySelector('.name')!.textContent).toBe('Dana Loyal');
    expect(first.querySelector('.score')!.textContent).toBe('72 of 100');
    expect(first.querySelector('.band')!.textContent).toBe('High: ask now');
    const lines = [...first.querySelectorAll('.reasons li')].map((li) => li.textContent);
    expect(lines).toEqual([
      '+30 for deals the account won in the last 3 years',
      '+20 for how recently the account last bought',
      '+20 for referrals they already made',
      '+10 for how long they have been a customer',
      '-8 for open support cases on the account'
    ]);
    expect(first.querySelector('.computed')!.textContent).toMatch(/^Computed on .*2026/);
    expect(first.querySelector('lightning-button.invite')).not.toBeNull();
  });

  it('says why a contact cannot be invited and when a contact is not scored yet', async () => {
    const element = mount();
    viewAdapter.emit(view());
    await flush();
    const [, mailless, advocate, unscored] = all(element, 'li.contact');
    expect(mailless.querySelector('.blocker')!.textContent).toBe(
      'No email address: add one to the contact before inviting them.'
    );
    expect(mailless.querySelector('lightning-button.invite')).toBeNull();
    expect(mailless.querySelector('.asked')!.textContent).toMatch(/^Last asked to refer on /);
    expect(advocate.querySelector('.blocker')!.textContent).toBe('Already an advocate');
    expect(unscored.querySelector('.not-scored')!.textContent).toContain('Not scored yet');
    expect(unscored.querySelector('lightning-button.invite')).not.toBeNull();
  });

  it('invites in one click, says the outcome and refreshes the score', async () => {
    inviteMock.mockResolvedValue(resultJson);
    const element = mount();
    const toasts: CustomEvent[] = [];
    element.addEventListener('lightning__showtoast', (e) => toasts.push(e as CustomEvent));
    viewAdapter.emit(view());
    await flush();
    const button = all(element, 'li.contact')[0].querySelector('lightning-button.invite')!;
    button.dispatchEvent(new CustomEvent('click'));
    await flush();
    expect(inviteMock).toHaveBeenCalledWith({
      contactIds: ['003000000000001AAA'],
      programId: 'a01000000000001AAA'
    });
    expect(toasts[0].detail.variant).toBe('success');
    expect(refreshApex).toHaveBeenCalled();
    const first = all(element, 'li.contact')[0];
    expect(first.querySelector('.outcome')!.textContent).toBe('Invited 1 contact.');
    expect(first.querySelector('lightning-button.invite')).toBeNull();
  });

  it('shows the refusal when the invitation fails', async () => {
    inviteMock.mockRejectedValue({ body: { message: 'The portal is not published.' } });
    const element = mount();
    viewAdapter.emit(view());
    await flush();
    all(element, 'li.contact')[0]
      .querySelector('lightning-button.invite')!
      .dispatchEvent(new CustomEvent('click'));
    await flush();
    expect($(element, 'c-error-panel.invite-error')).not.toBeNull();
  });

  it('shows the error panel when the score cannot load', async () => {
    const element = mount();
    viewAdapter.error({ message: 'You cannot see referral propensity.' });
    await flush();
    const panel = $(element, 'c-error-panel') as HTMLElement & { friendlyMessage: string };
    expect(panel.friendlyMessage).toBe('The referral propensity could not load.');
  });

  it('says so when the account has no contacts, and when no program is active', async () => {
    const element = mount();
    viewAdapter.emit({ ...view(), rows: [] });
    await flush();
    expect($(element, '.empty-state')!.textContent).toBe(
      'This account has no contacts you can see.'
    );
    viewAdapter.emit({ ...view(), programs: [], programId: null });
    await flush();
    expect($(element, '.no-program')!.textContent).toContain('No referral program is active');
    expect($(element, 'lightning-button.invite')).toBeNull();
  });

  it('on a contact page shows no name line', async () => {
    const element = mount('Contact');
    viewAdapter.emit({ ...view(), rows: [view().rows[0]] });
    await flush();
    expect($(element, '.name')).toBeNull();
    expect($(element, '.score')!.textContent).toBe('72 of 100');
  });

  it('is accessible: each invite button names its contact, the spinner and card are labelled', async () => {
    const element = mount();
    viewAdapter.emit(view());
    await flush();
    const button = all(element, 'lightning-button.invite')[0] as HTMLElement & {
      title: string;
      label: string;
    };
    expect(button.label).toBe('Invite as advocate');
    expect(button.title).toBe('Invite Dana Loyal as advocate');
    const card = $(element, 'lightning-card') as HTMLElement & { title: string };
    expect(card.title).toBe('Referral Propensity');
  });

  it('helpers: reasons skip zero parts, bands and blockers read as words', () => {
    expect(reasons([{ key: 'openCases', points: 0 }])).toEqual([]);
    expect(reasons(null)).toEqual([]);
    expect(bandLabel('EXCLUDED')).toBe('Excluded: opted out of email');
    expect(bandLabel(null)).toBe('');
    const row = view().rows[0];
    expect(blockerOf(row, 'a01000000000001AAA')).toBeNull();
    expect(blockerOf({ ...row, optedOut: true }, null)).toBe('Opted out of email');
  });
});
