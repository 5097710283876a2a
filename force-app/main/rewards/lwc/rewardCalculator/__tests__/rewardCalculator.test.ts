import { createElement } from 'lwc';
import RewardCalculator, {
  NEGATIVE_AMOUNT_MESSAGE,
  NOT_A_NUMBER_MESSAGE,
  WRONG_PAGE_MESSAGE,
  formatMoney,
  parseAmount,
  toEngineRules,
  totalOf
} from 'c/rewardCalculator';
import getCalculatorData from '@salesforce/apex/RewardCalculatorController.getCalculatorData';
import type { CalculatorData } from 'c/rewardDtos';
import calculatorJson from './data/calculatorData.json';
import noReferralJson from './data/noReferral.json';

interface TestWireAdapter {
  emit(value: unknown): void;
  error(body?: unknown, status?: number, statusText?: string): void;
  getLastConfig(): Record<string, unknown>;
}

jest.mock(
  '@salesforce/apex/RewardCalculatorController.getCalculatorData',
  () => {
    const { createApexTestWireAdapter } = jest.requireActual('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);

const adapter = getCalculatorData as unknown as TestWireAdapter;

type CalculatorElement = HTMLElement & { recordId?: string; objectApiName?: string };
type Datatable = HTMLElement & {
  data: { milestone: string; ruleName: string; value: string; capped: string }[];
};
type InputElement = HTMLElement & {
  value: string;
  label: string;
  fieldLevelHelp?: string;
  setCustomValidity: jest.Mock;
  reportValidity: jest.Mock;
};

function fixture(json: unknown = calculatorJson): CalculatorData {
  return JSON.parse(JSON.stringify(json)) as CalculatorData;
}

/** Lets pending promises (wire emits, Apex calls, re-renders) settle. */
function flush(): Promise<void> {
  let settled = Promise.resolve();
  for (let i = 0; i < 10; i++) settled = settled.then(() => undefined);
  return settled;
}

function mount(props: Partial<CalculatorElement> = {}): CalculatorElement {
  const element = createElement('c-reward-calculator', {
    is: RewardCalculator
  }) as CalculatorElement;
  Object.assign(element, {
    recordId: '006000000000001AAA',
    objectApiName: 'Opportunity',
    ...props
  });
  document.body.appendChild(element);
  return element;
}

function $(element: HTMLElement, selector: string): HTMLElement | null {
  return element.shadowRoot!.querySelector(selector);
}

async function typeAmount(element: HTMLElement, value: string): Promise<InputElement> {
  const input = $(element, 'lightning-input.what-if') as InputElement;
  input.setCustomValidity = jest.fn();
  input.reportValidity = jest.fn();
  input.value = value;
  input.dispatchEvent(new CustomEvent('change', { detail: { value } }));
  await flush();
  return input;
}

describe('c-reward-calculator', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
  });

  it('shows a spinner while the rewards load, and asks for the opportunity id', async () => {
    const element = mount();
    await flush();
    const spinner = $(element, 'lightning-spinner') as HTMLElement & { alternativeText: string };
    expect(spinner).not.toBeNull();
    expect(spinner.alternativeText).toBe('Loading referral rewards');
    expect(adapter.getLastConfig()).toEqual({ opportunityId: '006000000000001AAA' });
  });

  it('renders the referral, the server projection and the ledger from the fixture', async () => {
    const element = mount();
    adapter.emit(fixture());
    await flush();

    expect($(element, 'lightning-spinner')).toBeNull();
    expect($(element, '.referral-name')!.textContent).toBe('REF-000001 (Qualified)');
    expect($(element, '.advocate-label')!.textContent).toBe('Pat Acme, Acme');
    expect($(element, '.current-amount')!.textContent).toBe('$12,000.00');

    const server = $(element, 'lightning-datatable.server-table') as Datatable;
    expect(server.data.map((r) => [r.milestone, r.value])).toEqual([
      ['Qualified', '100 points'],
      ['Won', '$600.00']
    ]);
    const ledger = $(element, 'lightning-datatable.ledger-table') as Datatable;
    expect(ledger.data).toHaveLength(1);
    expect(ledger.data[0]).toMatchObject({
      name: 'RWD-000001',
      value: '$50.00',
      status: 'Issued'
    });
  });

  it('recalculates live with the TypeScript engine as the rep types a what-if amount', async () => {
    const element = mount();
    adapter.emit(fixture());
    await flush();

    // The what-if starts at the deal amount: same answer as the server.
    let whatIf = $(element, 'lightning-datatable.what-if-table') as Datatable;
    expect(whatIf.data.map((r) => r.value)).toEqual(['100 points', '$600.00']);

    await typeAmount(element, '20000');
    whatIf = $(element, 'lightning-datatable.what-if-table') as Datatable;
    // 5% of 20000 is 1000, capped by the rule's maxReward 800.
    expect(whatIf.data.map((r) => [r.value, r.capped])).toEqual([
      ['100 points', ''],
      ['$800.00', 'Capped']
    ]);
    expect($(element, '.what-if-total')!.textContent).toBe(
      'Total for this amount: $800.00 cash and 100 points'
    );

    // Below the rule's minimum deal amount only the points remain.
    await typeAmount(element, '500');
    whatIf = $(element, 'lightning-datatable.what-if-table') as Datatable;
    expect(whatIf.data.map((r) => r.value)).toEqual(['100 points']);
  });

  it('refuses a negative what-if amount inline, without recalculating', async () => {
    const element = mount();
    adapter.emit(fixture());
    await flush();

    const input = await typeAmount(element, '-5');
    expect($(element, '.what-if-error')!.textContent!.trim()).toBe(NEGATIVE_AMOUNT_MESSAGE);
    expect(input.setCustomValidity).toHaveBeenCalledWith(NEGATIVE_AMOUNT_MESSAGE);
    expect(input.reportValidity).toHaveBeenCalled();
    expect($(element, 'lightning-datatable.what-if-table')).toBeNull();
  });

  it('refuses a what-if amount that is not a number, then recovers and resets', async () => {
    const element = mount();
    adapter.emit(fixture());
    await flush();

    await typeAmount(element, '12k');
    expect($(element, '.what-if-error')!.textContent!.trim()).toBe(NOT_A_NUMBER_MESSAGE);

    const input = await typeAmount(element, '1500.5');
    expect($(element, '.what-if-error')).toBeNull();
    expect(input.setCustomValidity).toHaveBeenLastCalledWith('');
    const whatIf = $(element, 'lightning-datatable.what-if-table') as Datatable;
    expect(whatIf.data.map((r) => r.value)).toEqual(['100 points', '$75.03']);

    ($(element, 'lightning-button') as HTMLElement).click();
    await flush();
    expect(($(element, 'lightning-input.what-if') as InputElement).value).toBe('12000');
  });

  it('says so when no rewards remain for an amount of 0', async () => {
    const data = fixture();
    data.existingKeys.push('a0R000000000001AAA:a0W000000000002AAA:ADVOCATE');
    const element = mount();
    adapter.emit(data);
    await flush();
    await typeAmount(element, '0');
    expect($(element, '.what-if-empty')).not.toBeNull();
  });

  it('explains an engine error (missing currency rate) instead of showing nothing', async () => {
    const data = fixture();
    data.deal!.currencyCode = 'EUR';
    data.projected = [];
    // as RewardCalculatorProjection reports the Apex engine's refusal: code, then its diagnostic
    data.projectionError =
      'MISSING_RATE: rates.EUR is missing: converting EUR to USD needs a rate for EUR.';
    const element = mount();
    adapter.emit(data);
    await flush();
    // both the server's and the browser's refusal are said in the user's language, never raw
    const missingRate =
      "No conversion rate is set for the currency EUR, so amounts in it cannot be converted; ask your admin to add EUR to the org's currencies.";
    expect($(element, '.projection-error')!.textContent).toBe(missingRate);
    expect($(element, '.what-if-problem')!.textContent).toBe(missingRate);
    expect($(element, '.server-empty')).not.toBeNull();
  });

  it('shows the empty state for an opportunity without referral', async () => {
    const element = mount();
    adapter.emit(fixture(noReferralJson));
    await flush();
    expect($(element, '.empty-state')!.textContent).toContain('did not come from a referral');
    expect($(element, 'lightning-datatable')).toBeNull();
  });

  it('shows the server sentence when the data cannot load (no permission)', async () => {
    const element = mount();
    adapter.error({
      message:
        'You need the Referral Program Sales User permission set to see referral rewards; ask your Salesforce admin to assign it.'
    });
    await flush();
    const panel = $(element, 'c-error-panel') as HTMLElement & {
      errors: unknown;
      friendlyMessage: string;
    };
    expect(panel).not.toBeNull();
    expect(panel.friendlyMessage).toBe('The referral rewards could not load.');
  });

  it('tells the admin when it is placed on the wrong page', async () => {
    const element = mount({ objectApiName: 'Account', recordId: '001000000000001AAA' });
    await flush();
    expect($(element, '.wrong-page')!.textContent).toBe(WRONG_PAGE_MESSAGE);
    expect($(element, 'lightning-spinner')).toBeNull();
  });

  it('is accessible: labelled input with help, labelled tables, alerts for errors', async () => {
    const element = mount();
    adapter.emit(fixture());
    await flush();
    const input = $(element, 'lightning-input.what-if') as InputElement;
    expect(input.label).toBe('What-if deal amount (USD)');
    expect(input.fieldLevelHelp).toContain('Nothing is saved');
    for (const table of element.shadowRoot!.querySelectorAll('lightning-datatable')) {
      expect(table.getAttribute('aria-label')).toBeTruthy();
    }
    await typeAmount(element, '-1');
    expect($(element, '.what-if-error')!.getAttribute('role')).toBe('alert');
  });
});

describe('rewardCalculator helpers', () => {
  it('parses amounts', () => {
    expect(parseAmount('')).toEqual({ amount: null, error: null });
    expect(parseAmount(' 10.456 ')).toEqual({ amount: 10.46, error: null });
    expect(parseAmount('-1').error).toBe(NEGATIVE_AMOUNT_MESSAGE);
    expect(parseAmount('abc').error).toBe(NOT_A_NUMBER_MESSAGE);
    expect(parseAmount(undefined)).toEqual({ amount: null, error: null });
    expect(NOT_A_NUMBER_MESSAGE).toBe('Enter the deal amount as a number, such as 12,000.50.');
  });

  it('parses amounts typed in the user locale', () => {
    expect(parseAmount('12,000.50')).toEqual({ amount: 12000.5, error: null });
    expect(parseAmount('12.000,50', 'de-DE')).toEqual({ amount: 12000.5, error: null });
    expect(parseAmount('12000,5', 'de-DE')).toEqual({ amount: 12000.5, error: null });
    expect(parseAmount('12 000,50', 'fr-FR')).toEqual({ amount: 12000.5, error: null });
    expect(parseAmount('12,000.50', 'de-DE').error).toBe(NOT_A_NUMBER_MESSAGE);
    expect(parseAmount('-3,5', 'de-DE').error).toBe(NEGATIVE_AMOUNT_MESSAGE);
  });

  it('formats money and totals', () => {
    expect(formatMoney(null, 'USD')).toBe('');
    expect(formatMoney(1234.5, null)).toBe('1,234.5');
    expect(formatMoney(1234.5, 'EUR')).toBe('€1,234.50');
    expect(formatMoney(1500, 'JPY')).toBe('¥1,500');
    expect(totalOf([], 'USD')).toBe('Nothing');
  });

  it('leaves out a tiered rule whose tiers are not JSON, and reads good tiers', () => {
    const base = fixture().rules[2];
    const { rules, problems } = toEngineRules([
      { ...base, id: 'bad', name: 'Broken tiers', calculation: 'TIERED', tiersJson: '{oops' },
      {
        ...base,
        id: 'good',
        calculation: 'TIERED',
        tierMode: null,
        tiersJson: '[{"upTo":null,"calculation":"FLAT","value":10}]'
      }
    ]);
    expect(problems).toEqual(['Rule "Broken tiers" was left out: its tiers are not valid JSON.']);
    expect(rules).toHaveLength(1);
    expect(rules[0].tiers).toEqual([{ upTo: null, calculation: 'FLAT', value: 10 }]);
    expect(rules[0].tierMode).toBe('STEP');
  });
});
