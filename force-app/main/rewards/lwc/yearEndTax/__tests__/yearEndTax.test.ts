import { createElement } from 'lwc';
import YearEndTax, { formatLabel } from 'c/yearEndTax';
import getTaxYear from '@salesforce/apex/YearEndTaxController.getTaxYear';
import exportCsv from '@salesforce/apex/YearEndTaxController.exportCsv';
import FORM_MISSING from '@salesforce/label/c.Rewards_Tax_Form_Missing';
import REACHES from '@salesforce/label/c.Rewards_Tax_Reaches';
import HELD_ONLY from '@salesforce/label/c.Rewards_Tax_Held_Only';
import TITLE from '@salesforce/label/c.Rewards_Tax_Title';
import YEAR from '@salesforce/label/c.Rewards_Tax_Year';
import PROGRAM from '@salesforce/label/c.Rewards_Tax_Program';
import ALL_PROGRAMS from '@salesforce/label/c.Rewards_Tax_All_Programs';
import LOADING from '@salesforce/label/c.Rewards_Tax_Loading';
import taxYearJson from './data/taxYear.json';

jest.mock('@salesforce/apex/YearEndTaxController.getTaxYear', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/YearEndTaxController.exportCsv', () => ({ default: jest.fn() }), {
  virtual: true
});
// The labels with placeholders carry their English text, so the tests see the sentence.
jest.mock(
  '@salesforce/label/c.Rewards_Tax_Summary',
  () => ({ default: '{0} advocates to report, {1} without a tax form on file.' }),
  { virtual: true }
);
jest.mock(
  '@salesforce/label/c.Rewards_Tax_Empty',
  () => ({
    default:
      'No advocate reaches the tax reporting threshold in {0} and no payout is held for a missing form.'
  }),
  { virtual: true }
);
jest.mock(
  '@salesforce/label/c.Rewards_Tax_Exported',
  () => ({ default: '{0} advocates exported to {1}.' }),
  { virtual: true }
);

const getTaxYearMock = getTaxYear as unknown as jest.Mock;
const exportCsvMock = exportCsv as unknown as jest.Mock;

type Row = {
  payeeName: string;
  formLabel: string;
  statusLabel: string;
  heldLabel: string;
  totalPaid: number;
};
type Table = HTMLElement & {
  data: Row[];
  columns: { fieldName: string; type?: string; typeAttributes?: unknown }[];
};
type Combo = HTMLElement & {
  label: string;
  value: string;
  options: { label: string; value: string }[];
};
type Button = HTMLElement & { label: string; disabled: boolean };

function clone<T>(json: T): T {
  return JSON.parse(JSON.stringify(json)) as T;
}

function flush(): Promise<void> {
  let settled = Promise.resolve();
  for (let i = 0; i < 10; i++) settled = settled.then(() => undefined);
  return settled;
}

async function mount(): Promise<HTMLElement> {
  const element = createElement('c-year-end-tax', { is: YearEndTax });
  document.body.appendChild(element);
  await flush();
  return element;
}

function q<T extends Element>(element: HTMLElement, selector: string): T {
  return element.shadowRoot!.querySelector(selector) as T;
}

describe('c-year-end-tax', () => {
  beforeEach(() => {
    getTaxYearMock.mockResolvedValue(clone(taxYearJson));
  });
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
  });

  it('loads the current year for all programs and lists the payees with form and status', async () => {
    const element = await mount();
    expect(getTaxYearMock).toHaveBeenCalledWith({ programId: null, taxYear: null });
    const table = q<Table>(element, 'lightning-datatable');
    expect(table.data.map((r) => r.payeeName)).toEqual(['Ada Lovelace', 'Grace Hopper']);
    expect(table.data.map((r) => r.formLabel)).toEqual(['W-9', FORM_MISSING]);
    expect(table.data.map((r) => r.statusLabel)).toEqual([REACHES, HELD_ONLY]);
    expect(table.data[0].heldLabel).toBe('');
    expect(table.data[1].heldLabel).toMatch(/^1 \(.*550\.00\)$/);
    const paid = table.columns.find((c) => c.fieldName === 'totalPaid');
    expect(paid?.type).toBe('currency');
    expect(paid?.typeAttributes).toEqual({ currencyCode: { fieldName: 'currencyCode' } });
    expect(q<HTMLElement>(element, '.summary').textContent).toBe(
      '2 advocates to report, 1 without a tax form on file.'
    );
    const year = q<Combo>(element, '[data-id="yearFilter"]');
    expect(year.value).toBe('2026');
    expect(year.options.map((o) => o.value)).toEqual([
      '2026',
      '2025',
      '2024',
      '2023',
      '2022',
      '2021'
    ]);
    const program = q<Combo>(element, '[data-id="programFilter"]');
    expect(program.options[0]).toEqual({ label: ALL_PROGRAMS, value: '' });
    expect(program.options[1].label).toBe('Customer Referrals');
  });

  it('reloads for the chosen year and program', async () => {
    const element = await mount();
    const year = q<Combo>(element, '[data-id="yearFilter"]');
    year.dispatchEvent(new CustomEvent('change', { detail: { value: '2025' } }));
    await flush();
    expect(getTaxYearMock).toHaveBeenLastCalledWith({ programId: null, taxYear: 2025 });
    const program = q<Combo>(element, '[data-id="programFilter"]');
    program.dispatchEvent(new CustomEvent('change', { detail: { value: 'a01000000000001AAA' } }));
    await flush();
    expect(getTaxYearMock).toHaveBeenLastCalledWith({
      programId: 'a01000000000001AAA',
      taxYear: 2026
    });
  });

  it('says so when nobody reaches the threshold in the year', async () => {
    getTaxYearMock.mockResolvedValue({ ...clone(taxYearJson), taxYear: 2023, rows: [] });
    const element = await mount();
    expect(q(element, 'lightning-datatable')).toBeNull();
    expect(q<HTMLElement>(element, '.empty').textContent!.trim()).toBe(
      'No advocate reaches the tax reporting threshold in 2023 and no payout is held for a missing form.'
    );
  });

  it('downloads the CSV the server built and confirms it', async () => {
    exportCsvMock.mockResolvedValue({
      fileName: 'referral-tax-2026.csv',
      content: '"Payee Name"\r\n"\'=HYPERLINK(""x"")"\r\n',
      rowCount: 1
    });
    const clicks: HTMLAnchorElement[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement
    ) {
      clicks.push(this);
    });
    const element = await mount();
    q<Button>(element, '[data-id="export"]').click();
    await flush();
    expect(exportCsvMock).toHaveBeenCalledWith({ programId: null, taxYear: 2026 });
    expect(clicks).toHaveLength(1);
    expect(clicks[0].download).toBe('referral-tax-2026.csv');
    expect(decodeURIComponent(clicks[0].href.replace('data:text/csv;charset=utf-8,', ''))).toBe(
      '\uFEFF"Payee Name"\r\n"\'=HYPERLINK(""x"")"\r\n'
    );
    expect(q<HTMLElement>(element, '.export-message').textContent!.trim()).toBe(
      '1 advocates exported to referral-tax-2026.csv.'
    );
    click.mockRestore();
  });

  it('shows the server sentence when there is nothing to export', async () => {
    const sentence =
      'No advocate reaches the tax reporting threshold in 2023, so there is nothing to export; choose another tax year or program.';
    exportCsvMock.mockRejectedValue({ body: { message: sentence } });
    const element = await mount();
    q<Button>(element, '[data-id="export"]').click();
    await flush();
    const alert = q<HTMLElement>(element, '.export-error');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent!.trim()).toBe(sentence);
    expect(q(element, '.export-message')).toBeNull();
  });

  it('shows the load error', async () => {
    getTaxYearMock.mockRejectedValue({
      body: { message: 'The year-end tax list needs a permission.' }
    });
    const element = await mount();
    const panel = q<HTMLElement & { errors: unknown }>(element, '[data-id="loadError"]');
    expect(panel).not.toBeNull();
    await flush();
    expect(panel.shadowRoot!.textContent).toContain('The year-end tax list needs a permission.');
    expect(q(element, 'lightning-datatable')).toBeNull();
  });

  it('is accessible: labelled pickers, spinner text and table region', async () => {
    let resolve: (value: unknown) => void = () => undefined;
    getTaxYearMock.mockReturnValue(new Promise((r) => (resolve = r)));
    const element = createElement('c-year-end-tax', { is: YearEndTax });
    document.body.appendChild(element);
    await flush();
    const spinner = q<HTMLElement & { alternativeText: string }>(element, 'lightning-spinner');
    expect(spinner.alternativeText).toBe(LOADING);
    resolve(clone(taxYearJson));
    await flush();
    expect(q<Combo>(element, '[data-id="yearFilter"]').label).toBe(YEAR);
    expect(q<Combo>(element, '[data-id="programFilter"]').label).toBe(PROGRAM);
    expect(q<HTMLElement>(element, '[role="region"]').getAttribute('aria-label')).toBe(TITLE);
  });

  it('formats label placeholders', () => {
    expect(formatLabel('{0} of {1}', 2, 'x')).toBe('2 of x');
    expect(formatLabel('{0} and {2}', 'a')).toBe('a and {2}');
  });
});
