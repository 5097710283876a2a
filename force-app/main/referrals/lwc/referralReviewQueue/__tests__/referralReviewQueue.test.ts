import { createElement } from 'lwc';
import ReferralReviewQueue from 'c/referralReviewQueue';
import getQueue from '@salesforce/apex/ReferralReviewController.getQueue';
import accept from '@salesforce/apex/ReferralReviewController.accept';
import reject from '@salesforce/apex/ReferralReviewController.reject';
import LightningConfirm from 'lightning/confirm';
import { NavigationMixin } from 'lightning/navigation';
import queueJson from './data/reviewQueue.json';

jest.mock('@salesforce/apex/ReferralReviewController.getQueue', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/ReferralReviewController.accept', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/ReferralReviewController.reject', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('lightning/confirm', () => ({ __esModule: true, default: { open: jest.fn() } }));
jest.mock('lightning/navigation', () => {
  const Navigate = Symbol('Navigate');
  const GenerateUrl = Symbol('GenerateUrl');
  const navigate = jest.fn();
  const Mixin = (Base: new () => object) =>
    class extends Base {
      [Navigate](ref: unknown): void {
        navigate(ref);
      }
      [GenerateUrl](): Promise<string> {
        return Promise.resolve('');
      }
    };
  Mixin.Navigate = Navigate;
  Mixin.GenerateUrl = GenerateUrl;
  Mixin.navigate = navigate;
  return { NavigationMixin: Mixin };
});

const getQueueMock = getQueue as unknown as jest.Mock;
const acceptMock = accept as unknown as jest.Mock;
const rejectMock = reject as unknown as jest.Mock;
const confirmMock = (LightningConfirm as unknown as { open: jest.Mock }).open;
const navigateMock = (NavigationMixin as unknown as { navigate: jest.Mock }).navigate;

interface Row {
  id: string;
  name: string;
  referred: string;
  reason: string;
  matchesLabel: string;
  acceptEffect: string;
  outcome: string;
}
type Table = HTMLElement & {
  data: Row[];
  columns: { label: string; fieldName: string; type?: string }[];
  selectedRows: string[];
};
type Field = HTMLElement & {
  label: string;
  value: unknown;
  required?: boolean;
  fieldLevelHelp?: string;
  setCustomValidity: (m: string) => void;
  reportValidity: () => boolean;
};
type Button = HTMLElement & { label: string; disabled: boolean };

const IDS = queueJson.rows.map((row) => row.id);

function clone<T>(json: T): T {
  return JSON.parse(JSON.stringify(json)) as T;
}

function flush(): Promise<void> {
  let settled = Promise.resolve();
  for (let i = 0; i < 10; i++) settled = settled.then(() => undefined);
  return settled;
}

function $(element: HTMLElement, selector: string): Element | null {
  return element.shadowRoot!.querySelector(selector);
}

function text(element: HTMLElement, selector: string): string {
  return ($(element, selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function table(element: HTMLElement): Table {
  return $(element, 'lightning-datatable') as Table;
}

function button(element: HTMLElement, id: string): Button {
  return $(element, `lightning-button[data-id="${id}"]`) as Button;
}

function reasonField(element: HTMLElement): Field {
  return $(element, 'lightning-textarea[data-id="reason"]') as Field;
}

async function mount(): Promise<HTMLElement> {
  const element = createElement('c-referral-review-queue', { is: ReferralReviewQueue });
  document.body.appendChild(element);
  await flush();
  return element;
}

async function select(element: HTMLElement, ids: string[]): Promise<void> {
  const rows = table(element).data.filter((row) => ids.includes(row.id));
  table(element).dispatchEvent(new CustomEvent('rowselection', { detail: { selectedRows: rows } }));
  await flush();
}

async function typeReason(element: HTMLElement, value: string): Promise<void> {
  const input = reasonField(element);
  input.setCustomValidity = jest.fn();
  input.reportValidity = jest.fn(() => true);
  input.value = value;
  input.dispatchEvent(new CustomEvent('change', { detail: { value } }));
  await flush();
}

async function click(element: HTMLElement, id: string): Promise<void> {
  button(element, id).click();
  await flush();
}

function outcomes(element: HTMLElement): string[] {
  return Array.from(element.shadowRoot!.querySelectorAll('.outcomes li')).map((li) =>
    (li.textContent ?? '').replace(/\s+/g, ' ').trim()
  );
}

describe('c-referral-review-queue', () => {
  beforeEach(() => {
    getQueueMock.mockResolvedValue(clone(queueJson));
    confirmMock.mockResolvedValue(true);
  });

  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
  });

  it('shows a spinner while loading, then each referral with its reason in plain words', async () => {
    let resolve!: (value: unknown) => void;
    getQueueMock.mockReturnValueOnce(new Promise((r) => (resolve = r)));
    const element = createElement('c-referral-review-queue', { is: ReferralReviewQueue });
    document.body.appendChild(element);
    await flush();
    expect(
      ($(element, 'lightning-spinner') as HTMLElement & { alternativeText: string }).alternativeText
    ).toBe('Loading referrals in review');
    expect(table(element)).toBeNull();

    resolve(clone(queueJson));
    await flush();

    expect($(element, 'lightning-spinner')).toBeNull();
    expect(
      (element.shadowRoot!.querySelector('lightning-card') as HTMLElement & { title: string }).title
    ).toBe('Referral Review Queue');
    expect(text(element, '.intro')).toContain('Accept to pass them to sales');
    const rows = table(element).data;
    expect(rows.map((r) => r.name)).toEqual(['REF-000001', 'REF-000002', 'REF-000003']);
    expect(rows[0].referred).toBe('Lee Chen · Globex · lee@globex.com');
    expect(rows[1].referred).toBe('Sam Ortiz · sam@initech.com');
    expect(rows[0].reason).toContain('an account with an open opportunity');
    expect(rows[0].matchesLabel).toBe('Contact: Lee Chen; Open opportunity: Globex renewal');
    expect(rows[1].matchesLabel).toBe('Lead: Sam Ortiz');
    expect(rows[2].matchesLabel).toBe('None you can open');
    expect(rows[1].acceptEffect).toBe(
      'Accepting attaches this referral to the existing lead; no new lead is created.'
    );
    expect(table(element).columns.map((c) => c.label)).toEqual([
      'Referral',
      'Referred person',
      'Advocate',
      'Program',
      'Submitted',
      'Why it is in review',
      'Matched records you can see',
      'On accept',
      'Result'
    ]);
    expect(button(element, 'accept').disabled).toBe(true);
    expect(button(element, 'reject').disabled).toBe(true);
  });

  it('says so when nothing waits for review', async () => {
    getQueueMock.mockResolvedValue({ rows: [], truncated: false, maxRows: 500 });
    const element = await mount();
    expect(text(element, '.empty')).toBe('No referrals are waiting for review.');
    expect(table(element)).toBeNull();
  });

  it('shows the server sentence when the queue cannot load', async () => {
    getQueueMock.mockRejectedValue({ body: { message: 'You do not have access to referrals.' } });
    const element = await mount();
    const panel = $(element, 'c-error-panel[data-id="loadError"]') as HTMLElement;
    expect(panel.shadowRoot!.textContent).toContain('You do not have access to referrals.');
    expect(panel.shadowRoot!.textContent).toContain('The review queue could not be loaded.');
  });

  it('says when the list is cut', async () => {
    getQueueMock.mockResolvedValue({ ...clone(queueJson), truncated: true, maxRows: 500 });
    const element = await mount();
    expect(text(element, '.truncated')).toBe(
      'Only the oldest 500 referrals are shown; decide these to see the rest.'
    );
  });

  it('confirms, accepts the selection and lists every row’s outcome', async () => {
    const element = await mount();
    await select(element, [IDS[0], IDS[1], IDS[2]]);
    expect(text(element, '.selection')).toBe('3 referrals selected');
    acceptMock.mockResolvedValue([
      {
        referralId: IDS[0],
        name: 'REF-000001',
        success: true,
        message: 'The referral was accepted.'
      },
      {
        referralId: IDS[1],
        name: 'REF-000002',
        success: true,
        message: 'The referral was accepted.'
      },
      {
        referralId: IDS[2],
        name: 'REF-000003',
        success: false,
        message: 'Only referrals In Review can be accepted, and REF-000003 is Rejected.'
      }
    ]);
    getQueueMock.mockResolvedValue({ ...clone(queueJson), rows: [clone(queueJson.rows[2])] });

    await click(element, 'accept');

    expect(confirmMock).toHaveBeenCalledWith({
      label: 'Accept referrals',
      message:
        'Accept 3 referrals? 1 will be attached to their existing lead and 2 will get a new lead. The advocates are notified.',
      theme: 'default'
    });
    expect(acceptMock).toHaveBeenCalledWith({ referralIds: IDS });
    expect(text(element, '.outcomes h2')).toBe('Results: 2 accepted, 1 not changed');
    expect(outcomes(element)).toEqual([
      'REF-000001: The referral was accepted.',
      'REF-000002: The referral was accepted.',
      'REF-000003: Not changed: Only referrals In Review can be accepted, and REF-000003 is Rejected.'
    ]);
    expect(getQueueMock).toHaveBeenCalledTimes(2);
    expect(table(element).data.map((r) => r.name)).toEqual(['REF-000003']);
    expect(table(element).data[0].outcome).toContain('Not changed');
  });

  it('does nothing when the confirmation is cancelled', async () => {
    confirmMock.mockResolvedValue(false);
    const element = await mount();
    await select(element, [IDS[0]]);
    expect(text(element, '.selection')).toBe('1 referral selected');
    await click(element, 'accept');
    expect(confirmMock).toHaveBeenCalled();
    expect(acceptMock).not.toHaveBeenCalled();
  });

  it('refuses to reject without a reason, in one sentence, before asking the server', async () => {
    const element = await mount();
    await select(element, [IDS[0]]);
    await typeReason(element, '   ');
    await click(element, 'reject');
    expect(text(element, '.reason-error')).toBe(
      'Give a reason for rejecting: the advocate reads it on the referral.'
    );
    expect(reasonField(element).setCustomValidity).toHaveBeenCalledWith(
      'Give a reason for rejecting: the advocate reads it on the referral.'
    );
    expect(confirmMock).not.toHaveBeenCalled();
    expect(rejectMock).not.toHaveBeenCalled();
  });

  it('confirms and rejects with the trimmed reason the advocate reads', async () => {
    const element = await mount();
    await select(element, [IDS[0], IDS[2]]);
    await typeReason(element, '  Already a customer.  ');
    rejectMock.mockResolvedValue([
      {
        referralId: IDS[0],
        name: 'REF-000001',
        success: true,
        message: 'The referral was rejected.'
      },
      {
        referralId: IDS[2],
        name: 'REF-000003',
        success: true,
        message: 'The referral was rejected.'
      }
    ]);
    getQueueMock.mockResolvedValue({ ...clone(queueJson), rows: [clone(queueJson.rows[1])] });

    await click(element, 'reject');

    expect(confirmMock).toHaveBeenCalledWith({
      label: 'Reject referrals',
      message: 'Reject 2 referrals? The advocates will read this reason: Already a customer.',
      theme: 'default'
    });
    expect(rejectMock).toHaveBeenCalledWith({
      referralIds: [IDS[0], IDS[2]],
      reason: 'Already a customer.'
    });
    expect(text(element, '.outcomes h2')).toBe('Results: 2 rejected');
    expect(reasonField(element).value).toBe('');
  });

  it('shows the refusal on every selected row when the whole request is refused', async () => {
    const element = await mount();
    await select(element, [IDS[0], IDS[1]]);
    acceptMock.mockRejectedValue({
      body: {
        message:
          'Accepting a referral records its lead and routing, which your permissions do not allow: ask a referral program admin to accept it.'
      }
    });
    await click(element, 'accept');
    expect(outcomes(element)).toEqual([
      'REF-000001: Not changed: Accepting a referral records its lead and routing, which your permissions do not allow: ask a referral program admin to accept it.',
      'REF-000002: Not changed: Accepting a referral records its lead and routing, which your permissions do not allow: ask a referral program admin to accept it.'
    ]);
    const panel = $(element, 'c-error-panel[data-id="actionError"]') as HTMLElement;
    expect(panel.shadowRoot!.textContent).toContain('No referral was changed.');
    expect(table(element).data[0].outcome).toContain('your permissions do not allow');
  });

  it('opens the referral from its row', async () => {
    const element = await mount();
    table(element).dispatchEvent(
      new CustomEvent('rowaction', {
        detail: { action: { name: 'open' }, row: table(element).data[1] }
      })
    );
    await flush();
    expect(navigateMock).toHaveBeenCalledWith({
      type: 'standard__recordPage',
      attributes: { recordId: IDS[1], actionName: 'view' }
    });
  });

  it('is accessible: labelled table region, reason field with help, labelled refresh', async () => {
    const element = await mount();
    expect(($(element, 'div[role="region"]') as HTMLElement).getAttribute('aria-label')).toBe(
      'Referrals in review'
    );
    expect(reasonField(element).label).toBe('Reason for rejecting (the advocate reads it)');
    expect(reasonField(element).fieldLevelHelp).toContain('Required to reject');
    expect(
      ($(element, 'lightning-button-icon') as HTMLElement & { alternativeText: string })
        .alternativeText
    ).toBe('Refresh the queue');
  });
});
