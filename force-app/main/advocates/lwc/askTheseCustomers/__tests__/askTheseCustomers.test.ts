import { createElement } from 'lwc';
import AskTheseCustomers, { SELECT_FIRST_MESSAGE } from 'c/askTheseCustomers';
import { refreshApex } from '@salesforce/apex';
import getAskList from '@salesforce/apex/PropensityController.getAskList';
import invite from '@salesforce/apex/PropensityController.invite';
import type { PropensityView } from 'c/propensityDtos';
import listJson from './data/askList.json';
import resultJson from './data/inviteResult.json';

interface TestWireAdapter {
  emit(value: unknown): void;
  error(body?: unknown, status?: number, statusText?: string): void;
  getLastConfig(): Record<string, unknown>;
}

jest.mock(
  '@salesforce/apex/PropensityController.getAskList',
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

const listAdapter = getAskList as unknown as TestWireAdapter;
const inviteMock = invite as unknown as jest.Mock;

type Datatable = HTMLElement & {
  data: { id: string; name: string; score: number; why: string; inviteDisabled: boolean }[];
  columns: { label: string; type: string; typeAttributes?: { label: string } }[];
};

function list(): PropensityView {
  return JSON.parse(JSON.stringify(listJson)) as PropensityView;
}

function flush(): Promise<void> {
  let settled = Promise.resolve();
  for (let i = 0; i < 10; i++) settled = settled.then(() => undefined);
  return settled;
}

function mount(): HTMLElement {
  const element = createElement('c-ask-these-customers', { is: AskTheseCustomers });
  document.body.appendChild(element);
  return element;
}

function $(element: HTMLElement, selector: string): HTMLElement | null {
  return element.shadowRoot!.querySelector(selector);
}

async function ready(): Promise<HTMLElement> {
  const element = mount();
  listAdapter.emit(list());
  await flush();
  return element;
}

describe('c-ask-these-customers', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
  });

  it('shows a spinner first and asks for the first active program', async () => {
    const element = mount();
    await flush();
    expect($(element, 'lightning-spinner')).not.toBeNull();
    expect(listAdapter.getLastConfig()).toEqual({ programId: null });
  });

  it('lists the customers highest first with the reasons and the rate-limit window', async () => {
    const element = await ready();
    const table = $(element, 'lightning-datatable.customers') as Datatable;
    expect(table.data.map((r) => r.name)).toEqual(['Dana Loyal', 'Eli Mailless']);
    expect(table.data[0].score).toBe(72);
    expect(table.data[0].why).toBe(
      '+30 for deals the account won in the last 3 years; +20 for how recently the account last bought'
    );
    expect(table.data[0].inviteDisabled).toBe(false);
    expect(table.data[1].why).toBe(
      'No email address: add one to the contact before inviting them.'
    );
    expect(table.data[1].inviteDisabled).toBe(true);
    expect($(element, '.window')!.textContent).toContain('asked in the last 90 days are hidden');
  });

  it('invites one row in one click', async () => {
    inviteMock.mockResolvedValue(resultJson);
    const element = await ready();
    const toasts: CustomEvent[] = [];
    element.addEventListener('lightning__showtoast', (e) => toasts.push(e as CustomEvent));
    $(element, 'lightning-datatable.customers')!.dispatchEvent(
      new CustomEvent('rowaction', {
        detail: { action: { name: 'invite' }, row: { id: '003000000000001AAA' } }
      })
    );
    await flush();
    expect(inviteMock).toHaveBeenCalledWith({
      contactIds: ['003000000000001AAA'],
      programId: 'a01000000000001AAA'
    });
    expect(toasts[0].detail.message).toBe('Invited 1 contact; skipped 1 (see why below).');
    expect(refreshApex).toHaveBeenCalled();
  });

  it('invites the selection in bulk and lists who was skipped and why', async () => {
    inviteMock.mockResolvedValue(resultJson);
    const element = await ready();
    $(element, 'lightning-datatable.customers')!.dispatchEvent(
      new CustomEvent('rowselection', {
        detail: { selectedRows: [{ id: '003000000000001AAA' }, { id: '003000000000002AAA' }] }
      })
    );
    await flush();
    const button = $(element, 'lightning-button.invite-selected') as HTMLElement & {
      label: string;
    };
    expect(button.label).toBe('Invite selected (2)');
    button.dispatchEvent(new CustomEvent('click'));
    await flush();
    expect(inviteMock).toHaveBeenCalledWith({
      contactIds: ['003000000000001AAA', '003000000000002AAA'],
      programId: 'a01000000000001AAA'
    });
    expect($(element, '.skipped li')!.textContent).toBe(
      'Eli Mailless: Has no email address, so the invitation cannot be sent; add one and invite again.'
    );
  });

  it('refuses a bulk invite with nothing selected, with a sentence', async () => {
    const element = await ready();
    $(element, 'lightning-button.invite-selected')!.dispatchEvent(new CustomEvent('click'));
    await flush();
    expect(inviteMock).not.toHaveBeenCalled();
    expect($(element, '.selection-error')!.textContent).toBe(SELECT_FIRST_MESSAGE);
  });

  it('switches program and reloads the list for it', async () => {
    const element = await ready();
    const combobox = $(element, 'lightning-combobox.program')!;
    combobox.dispatchEvent(new CustomEvent('change', { detail: { value: 'a01000000000002AAA' } }));
    await flush();
    expect(listAdapter.getLastConfig()).toEqual({ programId: 'a01000000000002AAA' });
  });

  it('says when there is nobody to ask, and when no program is active', async () => {
    const element = mount();
    listAdapter.emit({ ...list(), rows: [] });
    await flush();
    expect($(element, '.empty-state')!.textContent).toContain('Nobody to ask right now');
    listAdapter.emit({ ...list(), programs: [], programId: null, rows: [] });
    await flush();
    expect($(element, '.no-program')!.textContent).toContain('No referral program is active');
    expect($(element, 'lightning-datatable')).toBeNull();
  });

  it('shows the error panel when the list cannot load', async () => {
    const element = mount();
    listAdapter.error({ message: 'You cannot see referral propensity.' });
    await flush();
    const panel = $(element, 'c-error-panel') as HTMLElement & { friendlyMessage: string };
    expect(panel.friendlyMessage).toBe('The referral propensity could not load.');
  });

  it('is accessible: a labelled table, labelled columns and a labelled program choice', async () => {
    const element = await ready();
    const table = $(element, 'lightning-datatable.customers') as Datatable;
    expect(table.getAttribute('aria-label')).toBe('Customers to ask, highest score first');
    expect(table.columns.every((c) => c.label.length > 0)).toBe(true);
    expect(table.columns[4].typeAttributes!.label).toBe('Invite');
    const combobox = $(element, 'lightning-combobox.program') as HTMLElement & { label: string };
    expect(combobox.label).toBe('Referral program');
  });
});
