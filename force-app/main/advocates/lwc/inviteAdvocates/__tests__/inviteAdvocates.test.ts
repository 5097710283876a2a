import { createElement } from 'lwc';
import InviteAdvocates, {
  PROGRAM_REQUIRED_MESSAGE,
  SELECTION_REQUIRED_MESSAGE,
  WRONG_PAGE_MESSAGE,
  blockerOf
} from 'c/inviteAdvocates';
import getInviteContext from '@salesforce/apex/InviteAdvocatesController.getInviteContext';
import invite from '@salesforce/apex/InviteAdvocatesController.invite';
import type { InviteContext } from 'c/invitationDtos';
import contextJson from './data/accountContext.json';
import resultJson from './data/invitationResult.json';

interface TestWireAdapter {
  emit(value: unknown): void;
  error(body?: unknown, status?: number, statusText?: string): void;
  getLastConfig(): Record<string, unknown>;
}

jest.mock(
  '@salesforce/apex/InviteAdvocatesController.getInviteContext',
  () => {
    const { createApexTestWireAdapter } = jest.requireActual('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);
jest.mock('@salesforce/apex/InviteAdvocatesController.invite', () => ({ default: jest.fn() }), {
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

const contextAdapter = getInviteContext as unknown as TestWireAdapter;
const inviteMock = invite as unknown as jest.Mock;

type InviteElement = HTMLElement & {
  recordId?: string;
  objectApiName?: string;
  contactIds?: string[];
};
type Datatable = HTMLElement & {
  data: { id: string; name: string; status: string; contactName?: string; message?: string }[];
  selectedRows: string[];
};

function context(): InviteContext {
  return JSON.parse(JSON.stringify(contextJson)) as InviteContext;
}

/** Lets pending promises (wire emits, Apex calls, re-renders) settle. */
function flush(): Promise<void> {
  let settled = Promise.resolve();
  for (let i = 0; i < 10; i++) settled = settled.then(() => undefined);
  return settled;
}

function mount(props: Partial<InviteElement> = {}): InviteElement {
  const element = createElement('c-invite-advocates', { is: InviteAdvocates }) as InviteElement;
  Object.assign(element, { recordId: '001000000000001AAA', objectApiName: 'Account', ...props });
  document.body.appendChild(element);
  return element;
}

function $(element: HTMLElement, selector: string): HTMLElement | null {
  return element.shadowRoot!.querySelector(selector);
}

async function ready(
  props: Partial<InviteElement> = {},
  data: InviteContext = context()
): Promise<InviteElement> {
  const element = mount(props);
  contextAdapter.emit(data);
  await flush();
  return element;
}

function select(element: HTMLElement, ids: string[]): Promise<void> {
  ($(element, 'lightning-datatable.contacts') as HTMLElement).dispatchEvent(
    new CustomEvent('rowselection', { detail: { selectedRows: ids.map((id) => ({ id })) } })
  );
  return flush();
}

describe('c-invite-advocates', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
  });

  it("loads the account's contacts with a spinner first", async () => {
    const element = mount();
    await flush();
    expect($(element, 'lightning-spinner')).not.toBeNull();
    expect(contextAdapter.getLastConfig()).toEqual({
      recordId: '001000000000001AAA',
      contactIds: null
    });
  });

  it('lists the contacts, marks who cannot be invited and preselects the others', async () => {
    const element = await ready();
    const table = $(element, 'lightning-datatable.contacts') as Datatable;
    expect(table.data.map((r) => [r.name, r.status])).toEqual([
      ['Ada Able', 'Ready to invite'],
      ['Ben Busy', 'Already an advocate'],
      ['Cy Clear', 'No email'],
      ['Di Donot', 'Opted out of email'],
      ['Eve Eager', 'Ready to invite']
    ]);
    expect(table.selectedRows).toEqual(['003000000000001AAA', '003000000000005AAA']);
    const button = $(element, 'lightning-button.invite') as HTMLElement & { label: string };
    expect(button.label).toBe('Invite 2 contacts');
  });

  it('invites the selected contacts in one click and shows who was skipped and why', async () => {
    inviteMock.mockResolvedValue(JSON.parse(JSON.stringify(resultJson)));
    const element = await ready();
    await select(element, ['003000000000001AAA', '003000000000002AAA', '003000000000005AAA']);
    const toasts: CustomEvent[] = [];
    element.addEventListener('lightning__showtoast', (e) => toasts.push(e as CustomEvent));

    ($(element, 'lightning-button.invite') as HTMLElement).click();
    await flush();

    expect(inviteMock).toHaveBeenCalledWith({
      contactIds: ['003000000000001AAA', '003000000000002AAA', '003000000000005AAA'],
      programId: 'a0P000000000001AAA'
    });
    expect($(element, '.result')!.textContent).toBe(
      'Invited 2 contacts; skipped 1 (see why below).'
    );
    const invited = [...element.shadowRoot!.querySelectorAll('.invited li')].map(
      (li) => li.textContent
    );
    expect(invited[0]).toBe('Ada Able: invitation sent to ada@acme.com');
    expect(invited[1]).toContain('daily email limit');
    const skipped = $(element, 'lightning-datatable.skipped') as Datatable;
    expect(skipped.data).toEqual([
      expect.objectContaining({
        contactName: 'Ben Busy',
        message: 'Already an advocate in this program.'
      })
    ]);
    expect(toasts[0].detail.variant).toBe('success');
    expect($(element, 'lightning-datatable.contacts')).toBeNull();

    let closed = 0;
    element.addEventListener('lightning__closeactionscreen', () => closed++);
    ($(element, 'lightning-button.done') as HTMLElement).click();
    expect(closed).toBe(1);
  });

  it('refuses to call the server without a selection or a program', async () => {
    const data = context();
    data.programs.push({ id: 'a0P000000000002AAA', name: 'Partner Referrals' });
    data.defaultProgramId = null;
    const element = await ready({}, data);
    await select(element, []);
    ($(element, 'lightning-button.invite') as HTMLElement).click();
    await flush();
    expect(inviteMock).not.toHaveBeenCalled();
    expect($(element, '.program-error')!.textContent).toBe(PROGRAM_REQUIRED_MESSAGE);
    expect($(element, '.selection-error')!.textContent).toBe(SELECTION_REQUIRED_MESSAGE);

    // Choosing the program re-selects the contacts who can join it.
    ($(element, 'lightning-combobox') as HTMLElement).dispatchEvent(
      new CustomEvent('change', { detail: { value: 'a0P000000000002AAA' } })
    );
    await flush();
    expect($(element, '.program-error')).toBeNull();
    const table = $(element, 'lightning-datatable.contacts') as Datatable;
    expect(table.data[1].status).toBe('Ready to invite');
    expect(table.selectedRows).toContain('003000000000002AAA');
  });

  it('shows the server sentence when the invitation is refused', async () => {
    const sentence =
      'The referral program "Customer Referrals" is not active (its status is Paused), so nobody can join it; choose an active program.';
    inviteMock.mockRejectedValue({ body: { message: sentence } });
    const element = await ready();
    ($(element, 'lightning-button.invite') as HTMLElement).click();
    await flush();
    const panel = $(element, 'c-error-panel.invite-error') as HTMLElement & { errors: unknown };
    expect(panel.errors).toEqual({ body: { message: sentence } });
    expect($(element, '.result')).toBeNull();
  });

  it('from the Contacts list view flow: invites the selected contacts without a record', async () => {
    inviteMock.mockResolvedValue({ invited: [], skipped: [], message: 'Invited 0 contacts.' });
    const ids = ['003000000000001AAA', '003000000000005AAA'];
    const element = await ready({ recordId: undefined, objectApiName: undefined, contactIds: ids });
    expect(contextAdapter.getLastConfig()).toEqual({ recordId: null, contactIds: ids });
    expect($(element, 'lightning-button.cancel')).toBeNull();
    const toasts: CustomEvent[] = [];
    element.addEventListener('lightning__showtoast', (e) => toasts.push(e as CustomEvent));
    ($(element, 'lightning-button.invite') as HTMLElement).click();
    await flush();
    expect(toasts[0].detail.variant).toBe('warning');
    expect($(element, 'lightning-button.done')).toBeNull();
  });

  it('shows the empty state when there is nobody to invite', async () => {
    const element = await ready(
      {},
      {
        programs: context().programs,
        defaultProgramId: 'a0P000000000001AAA',
        contacts: [],
        message:
          'There are no contacts to invite here: add contacts to the account, or select contacts in a list view.'
      }
    );
    expect($(element, '.empty-state')!.textContent).toContain('no contacts to invite');
    expect($(element, 'lightning-datatable')).toBeNull();
  });

  it('shows the server sentence when the contacts cannot load (no permission)', async () => {
    const element = mount();
    contextAdapter.error({
      message: 'You need the Referral Program Sales User permission set to invite advocates.'
    });
    await flush();
    const panel = $(element, 'c-error-panel') as HTMLElement & { friendlyMessage: string };
    expect(panel.friendlyMessage).toBe('The contacts to invite could not load.');
  });

  it('tells the admin when placed on the wrong page', async () => {
    const element = mount({ objectApiName: 'Opportunity', recordId: '006000000000001AAA' });
    await flush();
    expect($(element, '.wrong-page')!.textContent).toBe(WRONG_PAGE_MESSAGE);
  });

  it('is accessible: labelled program choice with help, labelled tables', async () => {
    const element = await ready();
    const combobox = $(element, 'lightning-combobox') as HTMLElement & {
      label: string;
      required: boolean;
      fieldLevelHelp: string;
    };
    expect(combobox.label).toBe('Referral program');
    expect(combobox.required).toBe(true);
    expect(combobox.fieldLevelHelp).toContain('14 days');
    expect($(element, 'lightning-datatable.contacts')!.getAttribute('aria-label')).toBe(
      'Contacts to invite'
    );
  });

  it('blockerOf explains each case', () => {
    const c = context().contacts[0];
    expect(blockerOf(c, null)).toBeNull();
    expect(blockerOf({ ...c, advocateProgramIds: ['p'] }, 'p')).toBe('Already an advocate');
    expect(blockerOf({ ...c, email: null }, 'p')).toBe('No email');
    expect(blockerOf({ ...c, hasOptedOutOfEmail: true }, 'p')).toBe('Opted out of email');
  });
});
