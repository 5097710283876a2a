import { createElement } from 'lwc';
import RewardApprovals, { EMPTY_MESSAGE, PAYOUT_REFERENCE_REQUIRED } from 'c/rewardApprovals';
import getRewards from '@salesforce/apex/RewardApprovalController.getRewards';
import approve from '@salesforce/apex/RewardApprovalController.approve';
import issue from '@salesforce/apex/RewardApprovalController.issue';
import reject from '@salesforce/apex/RewardApprovalController.reject';
import LightningConfirm from 'lightning/confirm';
import queueJson from './data/rewardQueue.json';
import emptyJson from './data/emptyQueue.json';
import approveJson from './data/approveResults.json';
import issueJson from './data/issueResults.json';

jest.mock('@salesforce/apex/RewardApprovalController.getRewards', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/RewardApprovalController.approve', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/RewardApprovalController.issue', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/RewardApprovalController.reject', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('lightning/confirm', () => ({ __esModule: true, default: { open: jest.fn() } }));

const getRewardsMock = getRewards as unknown as jest.Mock;
const approveMock = approve as unknown as jest.Mock;
const issueMock = issue as unknown as jest.Mock;
const rejectMock = reject as unknown as jest.Mock;
const confirmMock = (LightningConfirm as unknown as { open: jest.Mock }).open;

/** Money as the component formats it (the runtime's locale, the currency's own symbol). */
function money(amount: number, code: string): string {
  return new Intl.NumberFormat(undefined, { style: 'currency', currency: code }).format(amount);
}

interface Row {
  id: string;
  name: string;
  status: string;
  amount: number | null;
  currencyCode: string | null;
  points: number | null;
  typeLabel: string;
  holdReason: string | null;
  approvedLabel: string;
  blockedReason: string | null;
  outcome: string;
}
type Table = HTMLElement & {
  data: Row[];
  columns: { fieldName: string }[];
  selectedRows: string[];
};
type Field = HTMLElement & {
  label: string;
  value: unknown;
  required?: boolean;
  name: string;
  options?: { label: string; value: string }[];
  setCustomValidity: (m: string) => void;
  reportValidity: () => boolean;
};
type Button = HTMLElement & { label: string; disabled: boolean };

function clone<T>(json: T): T {
  return JSON.parse(JSON.stringify(json)) as T;
}

/** Lets pending promises (Apex calls, re-renders) settle. */
function flush(): Promise<void> {
  let settled = Promise.resolve();
  for (let i = 0; i < 10; i++) settled = settled.then(() => undefined);
  return settled;
}

function $(element: HTMLElement, selector: string): Element | null {
  return element.shadowRoot!.querySelector(selector);
}

function $$(element: HTMLElement, selector: string): Element[] {
  return Array.from(element.shadowRoot!.querySelectorAll(selector));
}

function table(element: HTMLElement): Table {
  return $(element, 'lightning-datatable') as Table;
}

function button(element: HTMLElement, id: string): Button {
  return $(element, `lightning-button[data-id="${id}"]`) as Button;
}

function field(element: HTMLElement, id: string): Field {
  return $(element, `[data-id="${id}"]`) as Field;
}

async function mount(): Promise<HTMLElement> {
  const element = createElement('c-reward-approvals', { is: RewardApprovals });
  document.body.appendChild(element);
  await flush();
  return element;
}

async function select(element: HTMLElement, ids: string[]): Promise<void> {
  const rows = table(element).data.filter((row) => ids.includes(row.id));
  table(element).dispatchEvent(new CustomEvent('rowselection', { detail: { selectedRows: rows } }));
  await flush();
}

async function type(element: HTMLElement, id: string, value: string): Promise<void> {
  const input = field(element, id);
  input.value = value;
  input.dispatchEvent(new CustomEvent('change', { detail: { value } }));
  await flush();
}

function outcomes(element: HTMLElement): string[] {
  return $$(element, '.outcomes li').map((li) =>
    (li.textContent ?? '').replace(/\s+/g, ' ').trim()
  );
}

describe('c-reward-approvals', () => {
  beforeEach(() => {
    getRewardsMock.mockResolvedValue(clone(queueJson));
    confirmMock.mockResolvedValue(true);
  });

  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
  });

  it('shows a spinner while loading, then the rewards with their hold reasons', async () => {
    let resolve!: (value: unknown) => void;
    getRewardsMock.mockReturnValueOnce(new Promise((r) => (resolve = r)));
    const element = createElement('c-reward-approvals', { is: RewardApprovals });
    document.body.appendChild(element);
    await flush();
    expect(
      ($(element, 'lightning-spinner') as HTMLElement & { alternativeText: string }).alternativeText
    ).toBe('Loading rewards');
    expect(table(element)).toBeNull();

    resolve(clone(queueJson));
    await flush();

    expect($(element, 'lightning-spinner')).toBeNull();
    expect(getRewardsMock).toHaveBeenCalledWith({
      status: null,
      programId: null,
      rewardType: null
    });
    const rows = table(element).data;
    expect(rows.map((r) => r.name)).toEqual([
      'RWD-000001',
      'RWD-000002',
      'RWD-000003',
      'RWD-000004'
    ]);
    // money is a number in a currency column (sortable, formatted by the datatable in the user's
    // locale); points a number column; picklist values as their labels
    expect(rows[0].amount).toBe(100);
    expect(rows[0].currencyCode).toBe('USD');
    expect(rows[1].points).toBe(100);
    expect(rows[0].typeLabel).toBe('Cash');
    expect(rows[1].typeLabel).toBe('Points');
    const amountColumn = table(element).columns.find((c) => c.fieldName === 'amount') as {
      type?: string;
      typeAttributes?: unknown;
    };
    expect(amountColumn.type).toBe('currency');
    expect(amountColumn.typeAttributes).toEqual({ currencyCode: { fieldName: 'currencyCode' } });
    expect(rows[2].holdReason).toMatch(/^Held: paying 700.00 USD/);
    expect(table(element).columns.map((c) => c.fieldName)).toContain('holdReason');
    const programs = field(element, 'programFilter').options!.map((o) => o.label);
    expect(programs).toEqual(['All programs', 'Customer Referrals', 'Partner Referrals']);
    expect(button(element, 'approve').disabled).toBe(true);
    expect(button(element, 'issue').disabled).toBe(true);
  });

  it('reloads with the chosen status, program and type', async () => {
    const element = await mount();
    const choose = async (id: string, value: string): Promise<void> => {
      field(element, id).dispatchEvent(new CustomEvent('change', { detail: { value } }));
      await flush();
    };
    await choose('statusFilter', 'Approved');
    await choose('programFilter', 'a01000000000002AAA');
    await choose('typeFilter', 'CASH');
    expect(getRewardsMock).toHaveBeenLastCalledWith({
      status: 'Approved',
      programId: 'a01000000000002AAA',
      rewardType: 'CASH'
    });
  });

  it('approves the selected rows and shows each outcome', async () => {
    approveMock.mockResolvedValue(clone(approveJson));
    const element = await mount();
    await select(element, ['a05000000000001AAA', 'a05000000000002AAA']);
    expect($(element, '[data-id="selection"]')!.textContent!.trim()).toBe('2 rewards selected');
    expect(button(element, 'approve').disabled).toBe(false);

    expect($(element, '[data-id="selectionTotal"]')!.textContent!.trim()).toBe(
      `Selected: ${money(100, 'USD')}, 100 points`
    );

    button(element, 'approve').click();
    await flush();

    expect(confirmMock).toHaveBeenCalledWith({
      label: 'Approve rewards',
      message: `Approve 2 rewards worth ${money(100, 'USD')}, 100 points? Points are issued on approval; cash waits for a second step to be paid.`,
      theme: 'default'
    });
    expect(approveMock).toHaveBeenCalledWith({
      rewardIds: ['a05000000000001AAA', 'a05000000000002AAA']
    });
    expect(outcomes(element)).toEqual([
      'RWD-000001: Approved.',
      'RWD-000002: Issued (points are issued on approval).'
    ]);
    expect($(element, '.outcomes h2')!.textContent).toContain('1 approved, 1 issued');
    expect(getRewardsMock).toHaveBeenCalledTimes(2);
    expect(table(element).data[0].outcome).toBe('Approved.');
  });

  it('refuses to issue without a payout reference, inline, without calling the server', async () => {
    const element = await mount();
    await select(element, ['a05000000000004AAA']);
    const input = field(element, 'payoutReference');
    input.setCustomValidity = jest.fn();
    input.reportValidity = jest.fn(() => false);

    button(element, 'issue').click();
    await flush();

    expect(issueMock).not.toHaveBeenCalled();
    expect(input.setCustomValidity).toHaveBeenCalledWith(PAYOUT_REFERENCE_REQUIRED);
    expect(input.reportValidity).toHaveBeenCalled();
    expect($(element, '.payout-error')!.textContent!.trim()).toBe(PAYOUT_REFERENCE_REQUIRED);

    await type(element, 'payoutReference', 'WIRE-1');
    expect($(element, '.payout-error')).toBeNull();
    expect(input.setCustomValidity).toHaveBeenLastCalledWith('');
  });

  it('issues approved cash with the reference: issued, held with reason, refused with the sentence', async () => {
    issueMock.mockResolvedValue(clone(issueJson));
    const element = await mount();
    await select(element, ['a05000000000004AAA', 'a05000000000003AAA', 'a05000000000001AAA']);
    await type(element, 'payoutReference', '  WIRE-2026-001 ');

    button(element, 'issue').click();
    await flush();

    expect(confirmMock).toHaveBeenCalledWith({
      label: 'Issue cash',
      message: `Pay 3 rewards worth ${money(50, 'EUR')}, ${money(800, 'USD')} with the payout reference WIRE-2026-001? Paid rewards cannot be undone, only reversed.`,
      theme: 'default'
    });
    expect(issueMock).toHaveBeenCalledWith({
      rewardIds: ['a05000000000001AAA', 'a05000000000003AAA', 'a05000000000004AAA'],
      payoutReference: 'WIRE-2026-001'
    });
    const shown = outcomes(element);
    expect(shown[0]).toBe('RWD-000004: Issued.');
    expect(shown[1]).toMatch(/^RWD-000003: Held: paying 700.00 USD .*no tax form is on file/);
    expect(shown[2]).toBe(
      'RWD-000001: Refused: Only Approved cash rewards can be issued; this reward is Pending.'
    );
    expect($(element, '.outcomes h2')!.textContent).toContain('1 issued, 1 held, 1 refused');
    expect(field(element, 'payoutReference').value).toBe('');
  });

  it('shows the server refusal sentence when the whole request is refused', async () => {
    const sentence =
      'Approving and paying rewards needs the Referral Program Admin permission set; ask your Salesforce admin to assign it.';
    approveMock.mockRejectedValue({ body: { message: sentence }, status: 400 });
    const element = await mount();
    await select(element, ['a05000000000001AAA']);

    button(element, 'approve').click();
    await flush();

    const panel = $(element, 'c-error-panel[data-id="actionError"]') as HTMLElement;
    expect(panel).not.toBeNull();
    expect(panel.shadowRoot!.textContent).toContain(sentence);
    expect(outcomes(element)).toEqual([`RWD-000001: Refused: ${sentence}`]);
  });

  it('does not call the server when a confirmation is cancelled', async () => {
    confirmMock.mockResolvedValue(false);
    const element = await mount();
    await select(element, ['a05000000000004AAA']);
    await type(element, 'payoutReference', 'WIRE-1');
    button(element, 'approve').click();
    await flush();
    button(element, 'issue').click();
    await flush();
    expect(confirmMock).toHaveBeenCalledTimes(2);
    expect(approveMock).not.toHaveBeenCalled();
    expect(issueMock).not.toHaveBeenCalled();
  });

  it('refuses to reject without a reason, in one sentence, before asking the server', async () => {
    const element = await mount();
    await select(element, ['a05000000000001AAA']);
    const input = field(element, 'rejectReason');
    input.setCustomValidity = jest.fn();
    input.reportValidity = jest.fn(() => false);

    button(element, 'reject').click();
    await flush();

    const sentence = 'Give a reason for rejecting the rewards: it is kept on each reward.';
    expect($(element, '.reject-error')!.textContent!.trim()).toBe(sentence);
    expect(input.setCustomValidity).toHaveBeenCalledWith(sentence);
    expect(confirmMock).not.toHaveBeenCalled();
    expect(rejectMock).not.toHaveBeenCalled();
    // Approving never needs the reason (nor the payout reference).
    approveMock.mockResolvedValue(clone(approveJson).slice(0, 1));
    button(element, 'approve').click();
    await flush();
    expect(approveMock).toHaveBeenCalledWith({ rewardIds: ['a05000000000001AAA'] });
  });

  it('confirms with the count and total, then rejects with the trimmed reason', async () => {
    rejectMock.mockResolvedValue([
      { rewardId: 'a05000000000001AAA', success: true, status: 'Cancelled', message: null },
      {
        rewardId: 'a05000000000003AAA',
        success: false,
        status: 'Issued',
        message: 'Only Pending or Approved rewards can be rejected; this reward is Issued.'
      }
    ]);
    const element = await mount();
    await select(element, ['a05000000000001AAA', 'a05000000000003AAA']);
    const input = field(element, 'rejectReason');
    input.setCustomValidity = jest.fn();
    input.reportValidity = jest.fn(() => true);
    await type(element, 'rejectReason', '  Duplicate of a paid reward. ');

    button(element, 'reject').click();
    await flush();

    expect(confirmMock).toHaveBeenCalledWith({
      label: 'Reject rewards',
      message: `Reject 2 rewards worth ${money(800, 'USD')}? They become Cancelled for good, with this reason: Duplicate of a paid reward.`,
      theme: 'default'
    });
    expect(rejectMock).toHaveBeenCalledWith({
      rewardIds: ['a05000000000001AAA', 'a05000000000003AAA'],
      reason: 'Duplicate of a paid reward.'
    });
    expect(outcomes(element)).toEqual([
      'RWD-000001: Rejected.',
      'RWD-000003: Refused: Only Pending or Approved rewards can be rejected; this reward is Issued.'
    ]);
    expect($(element, '.outcomes h2')!.textContent).toContain('1 rejected, 1 refused');
    expect(field(element, 'rejectReason').value).toBe('');
  });

  it('shows who approved and explains the rows the user may not act on', async () => {
    const element = await mount();
    const rows = table(element).data;
    // the approval date in the user's locale (en-US in the tests)
    expect(rows[2].approvedLabel).toBe('Avery Admin on Mar 4, 2026');
    expect(rows[3].approvedLabel).toBe('Frankie Finance');
    expect(rows[0].approvedLabel).toBe('');
    expect(rows[2].blockedReason).toBe(
      'You approved this reward, and this program needs a second person to issue cash; ask another finance user to issue it.'
    );
    const columns = table(element).columns.map((c) => c.fieldName);
    expect(columns).toContain('approvedLabel');
    expect(columns).toContain('blockedReason');
    expect($(element, '.two-person')!.textContent).toContain('Two-person rule');
  });

  it('shows the empty state', async () => {
    getRewardsMock.mockResolvedValue(clone(emptyJson));
    const element = await mount();
    expect(table(element)).toBeNull();
    expect($(element, '.empty')!.textContent).toBe(EMPTY_MESSAGE);
  });

  it('shows the error state when the rewards cannot be loaded', async () => {
    getRewardsMock.mockRejectedValue({
      body: { message: 'You cannot read rewards.' },
      status: 500
    });
    const element = await mount();
    expect(table(element)).toBeNull();
    const panel = $(element, 'c-error-panel[data-id="loadError"]') as HTMLElement;
    expect(panel).not.toBeNull();
    expect(panel.shadowRoot!.textContent).toContain('You cannot read rewards.');
    expect(panel.shadowRoot!.querySelector('[role="alert"]')).not.toBeNull();
  });

  it('is accessible: labelled filters and reason, reference required only to issue, named buttons, announced results', async () => {
    approveMock.mockResolvedValue(clone(approveJson));
    const element = await mount();

    for (const id of ['statusFilter', 'programFilter', 'typeFilter', 'payoutReference']) {
      expect(field(element, id).label).toBeTruthy();
    }
    // The payout reference is required only to issue (checked then), never to approve or reject.
    expect(field(element, 'payoutReference').required).toBeFalsy();
    expect(field(element, 'rejectReason').label).toBe('Reason for rejecting');
    for (const b of $$(element, 'lightning-button') as Button[]) {
      expect(b.label).toBeTruthy();
    }
    expect(
      ($(element, 'lightning-button-icon') as HTMLElement & { alternativeText: string })
        .alternativeText
    ).toBe('Refresh the rewards');
    expect($(element, '[role="region"]')!.getAttribute('aria-label')).toBe(
      'Rewards waiting for approval or payout'
    );
    expect($(element, '[role="group"]')!.getAttribute('aria-label')).toBe('Filters');
    expect($$(element, '[role="group"]').map((g) => g.getAttribute('aria-label'))).toEqual([
      'Filters',
      'Approve step',
      'Reject step',
      'Issue cash step'
    ]);

    await select(element, ['a05000000000001AAA']);
    button(element, 'approve').click();
    await flush();
    const live = $(element, '.outcomes [aria-live]')!;
    expect(live.getAttribute('aria-live')).toBe('polite');
    expect(live.getAttribute('role')).toBe('status');
  });
});
