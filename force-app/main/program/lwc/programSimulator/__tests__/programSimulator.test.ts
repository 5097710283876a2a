import { createElement } from 'lwc';
import PROGRAM from '@salesforce/schema/Referral_Program__c';
import ProgramSimulator, { REPLAY_DEBOUNCE_MS, monthRange } from 'c/programSimulator';
import getSimulationData from '@salesforce/apex/ProgramSimulatorController.getSimulationData';
import saveDraftRules from '@salesforce/apex/ProgramSimulatorController.saveDraftRules';
import { loadScript } from 'lightning/platformResourceLoader';
import { resetChartJs } from 'c/programCharts';
import SAVE_FIX_FIRST from '@salesforce/label/c.Program_Sim_Save_Fix_First';
import TIER_NO_LIMIT from '@salesforce/label/c.Program_Sim_Tier_No_Limit';
import CHART_CURRENT from '@salesforce/label/c.Program_Sim_Chart_Current';
import CHART_DRAFT from '@salesforce/label/c.Program_Sim_Chart_Draft';
import CHART_REVENUE from '@salesforce/label/c.Program_Sim_Chart_Revenue';
import CHART_ALT from '@salesforce/label/c.Program_Sim_Chart_Alt';
import type { SimulationData } from 'c/programDtos';
import { fromDrafts, newDraft, parseAmount, parseTiers, toDraft, toDraftTier } from '../draftRules';
import { simulate, toEngineRule } from '../simulate';
import simulationJson from './data/simulation.json';

jest.mock(
  '@salesforce/apex/ProgramSimulatorController.getSimulationData',
  () => ({ default: jest.fn() }),
  { virtual: true }
);
jest.mock(
  '@salesforce/apex/ProgramSimulatorController.saveDraftRules',
  () => ({ default: jest.fn() }),
  { virtual: true }
);
// Labels with placeholders carry their English text, so the tests read the sentences.
jest.mock(
  '@salesforce/label/c.Program_Sim_Saved',
  () => ({
    default:
      '{0} inactive rules saved to the program; review and activate them in its Reward Rules list.'
  }),
  { virtual: true }
);
jest.mock(
  '@salesforce/label/c.Program_Sim_Tier_Up_To_Invalid',
  () => ({ default: 'tier {0}: enter the deal amount it goes up to, a number above 0.' }),
  { virtual: true }
);
jest.mock(
  '@salesforce/label/c.Program_Sim_Tier_Up_To_Order',
  () => ({ default: "tier {0}: its up-to amount must be above the previous tier's ({1})." }),
  { virtual: true }
);
jest.mock(
  '@salesforce/label/c.Program_Sim_Tier_Value_Invalid',
  () => ({ default: 'tier {0}: the value must be a number of 0 or more.' }),
  { virtual: true }
);
jest.mock('@salesforce/label/c.Program_Sim_Remove_Tier', () => ({ default: 'Remove tier {0}' }), {
  virtual: true
});
jest.mock(
  '@salesforce/label/c.Program_Chart_Unavailable',
  () => ({ default: 'The chart could not be drawn ({0}); the figures are in the table below it.' }),
  { virtual: true }
);

const mockGetSimulationData = getSimulationData as unknown as jest.Mock;
const mockSaveDraftRules = saveDraftRules as unknown as jest.Mock;
const mockLoadScript = loadScript as unknown as jest.Mock;

interface DrawnChart {
  canvas: HTMLCanvasElement;
  config: { data: { labels: string[]; datasets: { label: string; data: number[] }[] } };
  destroy: jest.Mock;
}
let drawn: DrawnChart[] = [];
/** A stand-in for Chart.js: records what the component draws. */
function installChart(): void {
  drawn = [];
  mockLoadScript.mockImplementation(() => {
    (globalThis as { Chart?: unknown }).Chart = jest
      .fn()
      .mockImplementation((canvas: HTMLCanvasElement, config: DrawnChart['config']) => {
        const chart = { canvas, config, destroy: jest.fn() };
        drawn.push(chart);
        return chart;
      });
    return Promise.resolve();
  });
}

type SimulatorElement = HTMLElement & { recordId?: string; objectApiName?: string };

function fixture(): SimulationData {
  return JSON.parse(JSON.stringify(simulationJson)) as SimulationData;
}

/** Lets wires, promises and re-renders settle (microtasks only: no timers). */
function flush(): Promise<void> {
  return Array.from({ length: 10 }).reduce<Promise<void>>(
    (settled) => settled.then(() => undefined),
    Promise.resolve()
  );
}

async function mount(props: Partial<SimulatorElement> = {}): Promise<SimulatorElement> {
  const element = createElement('c-program-simulator', {
    is: ProgramSimulator
  }) as SimulatorElement;
  Object.assign(
    element,
    { recordId: 'a0P000000000001AAA', objectApiName: PROGRAM.objectApiName },
    props
  );
  document.body.appendChild(element);
  await flush();
  return element;
}

function $(element: HTMLElement, selector: string): HTMLElement | null {
  return element.shadowRoot!.querySelector(selector);
}

function tileText(element: HTMLElement, key: string, part: string): string {
  return $(element, `article.${key} .${part}`)!.textContent!.trim();
}

function change(target: HTMLElement, detail: Record<string, unknown>): void {
  target.dispatchEvent(new CustomEvent('change', { detail }));
}

describe('c-program-simulator', () => {
  beforeEach(() => {
    installChart();
  });
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
    jest.useRealTimers();
    resetChartJs();
    delete (globalThis as { Chart?: unknown }).Chart;
  });

  it('shows a spinner while the referrals load', async () => {
    mockGetSimulationData.mockReturnValue(new Promise(() => undefined));
    const element = await mount();
    const spinner = $(element, 'lightning-spinner') as HTMLElement & { alternativeText: string };
    expect(spinner.alternativeText).toBe('Loading the last 12 months of referrals');
    expect(mockGetSimulationData).toHaveBeenCalledWith({ programId: 'a0P000000000001AAA' });
  });

  it('replays the referrals under the current rules: total, per won deal, per advocate', async () => {
    mockGetSimulationData.mockResolvedValue(fixture());
    const element = await mount();
    expect(tileText(element, 'total', 'current-value')).toBe('$200.00');
    expect(tileText(element, 'total', 'draft-value')).toBe('$200.00');
    expect(tileText(element, 'perWon', 'current-value')).toBe('$100.00');
    expect(tileText(element, 'perAdvocate', 'current-value')).toBe('$66.67');
    expect(tileText(element, 'total', 'delta')).toBe('Same as the current rules');
    expect($(element, '.caption')!.textContent).toContain(
      '4 referrals from Jul 1, 2025 to Jun 30, 2026'
    );
  });

  it('recomputes the cost when a draft rule changes, is added or removed, and resets', async () => {
    mockGetSimulationData.mockResolvedValue(fixture());
    const element = await mount();
    jest.useFakeTimers();

    change($(element, 'lightning-input.value-input')!, { value: '150' });
    jest.advanceTimersByTime(REPLAY_DEBOUNCE_MS);
    await flush();
    expect(tileText(element, 'total', 'draft-value')).toBe('$300.00');
    expect(tileText(element, 'total', 'delta')).toBe('+$100.00 vs the current rules');

    $(element, 'lightning-button.add-rule')!.dispatchEvent(new CustomEvent('click'));
    await flush();
    expect(element.shadowRoot!.querySelectorAll('fieldset.rule-row')).toHaveLength(2);
    expect(tileText(element, 'total', 'draft-value')).toBe('$500.00');

    const removeButtons = element.shadowRoot!.querySelectorAll('lightning-button-icon.remove-rule');
    removeButtons[0].dispatchEvent(new CustomEvent('click'));
    await flush();
    expect(tileText(element, 'total', 'draft-value')).toBe('$200.00');

    const milestone = element.shadowRoot!.querySelectorAll('lightning-combobox')[0] as HTMLElement;
    change(milestone, { value: 'QUALIFIED' });
    await flush();
    expect(tileText(element, 'total', 'draft-value')).toBe('$300.00');

    $(element, 'lightning-button.reset-draft')!.dispatchEvent(new CustomEvent('click'));
    await flush();
    expect(tileText(element, 'total', 'draft-value')).toBe('$200.00');

    const active = element.shadowRoot!.querySelector(
      'lightning-input[data-field="active"]'
    ) as HTMLElement;
    change(active, { checked: false });
    await flush();
    expect(tileText(element, 'total', 'draft-value')).toBe('$0.00');
    expect(tileText(element, 'total', 'delta')).toBe('\u2212$200.00 vs the current rules');
  });

  it('refuses a negative or non-numeric value inline and keeps the current figures', async () => {
    mockGetSimulationData.mockResolvedValue(fixture());
    const element = await mount();
    jest.useFakeTimers();
    change($(element, 'lightning-input.value-input')!, { value: '-5' });
    jest.advanceTimersByTime(REPLAY_DEBOUNCE_MS);
    await flush();
    const alert = $(element, '.draft-errors')!;
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toContain(
      'Rule 1 (Won bonus): “Value” must be a number of 0 or more.'
    );
    expect(tileText(element, 'total', 'draft-value')).toBe('\u2014');
    expect(tileText(element, 'total', 'current-value')).toBe('$200.00');
  });

  it('waits for a pause in typing before it replays, then replays once', async () => {
    mockGetSimulationData.mockResolvedValue(fixture());
    const element = await mount();
    jest.useFakeTimers();
    const value = $(element, 'lightning-input.value-input')!;
    change(value, { value: '1' });
    change(value, { value: '15' });
    change(value, { value: '150' });
    await flush();
    expect(tileText(element, 'total', 'draft-value')).toBe('$200.00');
    jest.advanceTimersByTime(REPLAY_DEBOUNCE_MS - 1);
    await flush();
    expect(tileText(element, 'total', 'draft-value')).toBe('$200.00');
    jest.advanceTimersByTime(1);
    await flush();
    expect(tileText(element, 'total', 'draft-value')).toBe('$300.00');
  });

  it('edits a tiered rule as tier rows: default tiers, edit, add, remove, refuse bad rows', async () => {
    mockGetSimulationData.mockResolvedValue(fixture());
    const element = await mount();
    jest.useFakeTimers();
    const calculation = element.shadowRoot!.querySelector(
      'lightning-combobox[data-field="calculation"]'
    ) as HTMLElement;
    change(calculation, { value: 'TIERED' });
    await flush();
    // Default tiers: 50 up to 1,000, then 5% of deals of 10,000 and 20,000: 500 + 1,000.
    let rows = element.shadowRoot!.querySelectorAll('.tier-row');
    expect(rows).toHaveLength(2);
    expect(rows[1].querySelector('.no-limit')!.textContent).toBe(TIER_NO_LIMIT);
    expect($(element, '.draft-errors')).toBeNull();
    expect(tileText(element, 'total', 'draft-value')).toBe('$1,500.00');

    // 50 up to 15,000, then 1%: 50 + 200.
    change($(element, 'lightning-input[data-tier="0"][data-field="upTo"]')!, { value: '15000' });
    change($(element, 'lightning-combobox[data-tier="1"][data-field="calculation"]')!, {
      value: 'PERCENT'
    });
    change($(element, 'lightning-input[data-tier="1"][data-field="value"]')!, { value: '1' });
    jest.advanceTimersByTime(REPLAY_DEBOUNCE_MS);
    await flush();
    expect(tileText(element, 'total', 'draft-value')).toBe('$250.00');

    // A third tier: the former last tier now needs a limit, said inline.
    $(element, 'lightning-button.add-tier')!.dispatchEvent(new CustomEvent('click'));
    await flush();
    rows = element.shadowRoot!.querySelectorAll('.tier-row');
    expect(rows).toHaveLength(3);
    expect($(element, '.draft-errors')!.textContent).toContain(
      'Rule 1 (Won bonus): tier 2: enter the deal amount it goes up to, a number above 0.'
    );
    change($(element, 'lightning-input[data-tier="1"][data-field="upTo"]')!, { value: '100' });
    jest.advanceTimersByTime(REPLAY_DEBOUNCE_MS);
    await flush();
    expect($(element, '.draft-errors')!.textContent).toContain(
      "tier 2: its up-to amount must be above the previous tier's (15,000)."
    );

    const remove = element.shadowRoot!.querySelectorAll('lightning-button-icon.remove-tier');
    expect((remove[2] as HTMLElement & { alternativeText: string }).alternativeText).toBe(
      'Remove tier 3'
    );
    remove[2].dispatchEvent(new CustomEvent('click'));
    await flush();
    expect(element.shadowRoot!.querySelectorAll('.tier-row')).toHaveLength(2);
    expect($(element, '.draft-errors')).toBeNull();
    expect(tileText(element, 'total', 'draft-value')).toBe('$250.00');
  });

  it('shows the engine refusal of a draft the engine rejects', async () => {
    mockGetSimulationData.mockResolvedValue(fixture());
    const element = await mount();
    jest.useFakeTimers();
    change($(element, 'lightning-input.value-input')!, { value: '1.123456' });
    jest.advanceTimersByTime(REPLAY_DEBOUNCE_MS);
    await flush();
    // the engine's English diagnostic (value must have at most 4 fraction digits) never shows:
    // the rule and the field to correct, in the user's language
    const errors = $(element, '.draft-errors')!.textContent!;
    expect(errors).toContain(
      'The draft rules cannot be replayed: Rule 1 (Won bonus): the field “Value” is not valid; correct it and try again.'
    );
    expect(errors).not.toContain('fraction digits');
  });

  it('charts cost by month for the current rules beside the draft, with revenue won', async () => {
    mockGetSimulationData.mockResolvedValue(fixture());
    const element = await mount();
    await flush();
    expect(mockLoadScript).toHaveBeenCalledWith(
      expect.anything(),
      expect.stringMatching(/ChartJs\/chart\.umd\.min\.js$/)
    );
    expect(drawn.length).toBeGreaterThan(0);
    let chart = drawn[drawn.length - 1];
    expect(chart.canvas.getAttribute('aria-label')).toBe(CHART_ALT);
    expect(chart.config.data.labels).toHaveLength(12);
    const series = (): Record<string, number[]> =>
      Object.fromEntries(chart.config.data.datasets.map((d) => [d.label, d.data]));
    // The fixture's two won deals: March (10,000) and April (20,000) 2026, 100 each.
    const months = monthRange('2025-07-01', '2026-06-30');
    const march = months.indexOf('2026-03');
    const april = months.indexOf('2026-04');
    expect(series()[CHART_CURRENT][march]).toBe(100);
    expect(series()[CHART_CURRENT][april]).toBe(100);
    expect(series()[CHART_DRAFT][april]).toBe(100);
    expect(series()[CHART_REVENUE][march]).toBe(10000);
    expect(series()[CHART_REVENUE][april]).toBe(20000);

    jest.useFakeTimers();
    change($(element, 'lightning-input.value-input')!, { value: '150' });
    jest.advanceTimersByTime(REPLAY_DEBOUNCE_MS);
    await flush();
    const previous = chart;
    chart = drawn[drawn.length - 1];
    expect(chart).not.toBe(previous);
    expect(previous.destroy).toHaveBeenCalled();
    expect(series()[CHART_CURRENT][april]).toBe(100);
    expect(series()[CHART_DRAFT][april]).toBe(150);
    // The figures are also a table for screen readers.
    const cells = [...element.shadowRoot!.querySelectorAll('table.chart-table tbody tr')].map(
      (row) => row.textContent
    );
    expect(cells).toHaveLength(12);
    expect(cells[april]).toContain('150.00');
  });

  it('shows the figures as a table when the chart library does not load', async () => {
    mockLoadScript.mockRejectedValue(new Error('blocked'));
    mockGetSimulationData.mockResolvedValue(fixture());
    const element = await mount();
    await flush();
    expect($(element, '.chart-error')!.textContent).toBe(
      'The chart could not be drawn (blocked); the figures are in the table below it.'
    );
    expect($(element, 'table.chart-table')!.className).toContain('slds-table');
    expect($(element, '.cost-chart')).toBeNull();
  });

  it('saves the draft as new rules and says how many', async () => {
    mockGetSimulationData.mockResolvedValue(fixture());
    mockSaveDraftRules.mockResolvedValue({ count: 2, ruleIds: ['a0R1', 'a0R2'] });
    const element = await mount();
    $(element, 'lightning-button.add-rule')!.dispatchEvent(new CustomEvent('click'));
    await flush();
    $(element, 'lightning-button.save-draft')!.dispatchEvent(new CustomEvent('click'));
    await flush();
    expect(mockSaveDraftRules).toHaveBeenCalledTimes(1);
    const params = mockSaveDraftRules.mock.calls[0][0] as { programId: string; rulesJson: string };
    expect(params.programId).toBe('a0P000000000001AAA');
    const rules = JSON.parse(params.rulesJson) as {
      name: string;
      value: number;
      calculation: string;
    }[];
    expect(rules.map((r) => [r.name, r.calculation, r.value])).toEqual([
      ['Won bonus', 'FLAT', 100],
      ['New rule', 'FLAT', 100]
    ]);
    expect($(element, '.save-message')!.textContent).toBe(
      '2 inactive rules saved to the program; review and activate them in its Reward Rules list.'
    );
  });

  it('refuses to save a draft with errors and shows the server refusal', async () => {
    mockGetSimulationData.mockResolvedValue(fixture());
    const element = await mount();
    jest.useFakeTimers();
    change($(element, 'lightning-input.value-input')!, { value: '-1' });
    jest.advanceTimersByTime(REPLAY_DEBOUNCE_MS);
    await flush();
    $(element, 'lightning-button.save-draft')!.dispatchEvent(new CustomEvent('click'));
    await flush();
    expect(mockSaveDraftRules).not.toHaveBeenCalled();
    expect($(element, '.save-error')!.textContent).toBe(SAVE_FIX_FIRST);

    $(element, 'lightning-button.reset-draft')!.dispatchEvent(new CustomEvent('click'));
    await flush();
    mockSaveDraftRules.mockRejectedValue({
      body: { message: 'Saving draft rules needs the Referral Program Admin permission set.' }
    });
    $(element, 'lightning-button.save-draft')!.dispatchEvent(new CustomEvent('click'));
    await flush();
    const error = $(element, '.save-error')!;
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toBe(
      'Saving draft rules needs the Referral Program Admin permission set.'
    );
  });

  it('says when the rows were capped and when a referral was left out', async () => {
    const data = fixture();
    data.truncated = true;
    data.referrals[2].dealCurrency = 'EUR';
    data.rules[0].calculation = 'PERCENT';
    data.rules[0].value = 1;
    data.rules[0].milestone = 'QUALIFIED';
    mockGetSimulationData.mockResolvedValue(data);
    const element = await mount();
    expect($(element, '.truncated')!.textContent).toContain('first 20,000 referrals');
    // the skip reason in the user's language, not the engine's diagnostic (rates.EUR is missing...)
    expect($(element, '.skipped')!.textContent).toBe(
      "1 referrals were left out: No conversion rate is set for the currency EUR, so amounts in it cannot be converted; ask your admin to add EUR to the org's currencies."
    );
  });

  it('shows an empty state without referrals and lets the admin draft anyway', async () => {
    mockGetSimulationData.mockResolvedValue({ ...fixture(), referrals: [], rules: [] });
    const element = await mount();
    expect($(element, '.empty-state')!.textContent).toContain('nothing to replay yet');
    expect($(element, '.no-rules')!.textContent).toContain('The draft has no rules');
  });

  it('shows the server refusal in an error panel', async () => {
    mockGetSimulationData.mockRejectedValue({
      body: { message: 'You need the Referral Program Admin or Sales User permission set.' }
    });
    const element = await mount();
    const panel = $(element, 'c-error-panel') as HTMLElement & { friendlyMessage: string };
    expect(panel.friendlyMessage).toBe("The simulator could not load the program's referrals.");
  });

  it('explains itself off a Referral Program page and never calls the server', async () => {
    const element = await mount({ recordId: undefined, objectApiName: undefined });
    expect($(element, '.wrong-page')!.textContent).toContain(
      'only on a Referral Program record page'
    );
    expect(mockGetSimulationData).not.toHaveBeenCalled();
    const onAccount = await mount({ recordId: '001000000000001AAA', objectApiName: 'Account' });
    expect($(onAccount, '.wrong-page')).not.toBeNull();
  });

  it('is accessible: every input is labelled and icon buttons have alternative text', async () => {
    mockGetSimulationData.mockResolvedValue(fixture());
    const element = await mount();
    const inputs = [
      ...element.shadowRoot!.querySelectorAll(
        'lightning-input, lightning-combobox, lightning-textarea'
      )
    ] as (HTMLElement & { label?: string })[];
    expect(inputs.length).toBeGreaterThan(5);
    for (const input of inputs) expect(input.label).toBeTruthy();
    const remove = $(element, 'lightning-button-icon') as HTMLElement & { alternativeText: string };
    expect(remove.alternativeText).toBe('Remove this rule');
    expect($(element, 'fieldset legend')!.textContent).toBe('Rule 1');
    const calculation = element.shadowRoot!.querySelector(
      'lightning-combobox[data-field="calculation"]'
    ) as HTMLElement;
    change(calculation, { value: 'TIERED' });
    await flush();
    const tierInputs = [
      ...element.shadowRoot!.querySelectorAll(
        '.tier-row lightning-input, .tier-row lightning-combobox'
      )
    ] as (HTMLElement & { label?: string })[];
    expect(tierInputs.length).toBe(5);
    for (const input of tierInputs) expect(input.label).toBeTruthy();
    for (const row of element.shadowRoot!.querySelectorAll('.tier-row'))
      expect(row.getAttribute('aria-label')).toBeTruthy();
  });
});

describe('draft rule helpers', () => {
  it('parses amounts: blank is null, negative and text are refused', () => {
    expect(parseAmount('')).toBeNull();
    expect(parseAmount(' 12.5 ')).toBe(12.5);
    expect(parseAmount('-1')).toBeNaN();
    expect(parseAmount('abc')).toBeNaN();
  });

  it('round-trips a saved rule and asks for a value when it is blank', () => {
    const rule = fixture().rules[0];
    expect(fromDrafts([toDraft(rule)]).rules[0]).toMatchObject({ id: rule.id, value: 100 });
    const blank = { ...newDraft(), value: '' };
    expect(fromDrafts([blank]).errors[0]).toContain('enter a value');
  });

  it('reads tier rows: blank limit only on the last tier, limits increasing, values numbers', () => {
    const tier = (upTo: string, value: string) => ({
      ...toDraftTier(null),
      upTo,
      value,
      calculation: 'FLAT' as const
    });
    expect(parseTiers([tier('1000', '50'), tier('', '5')])).toEqual({
      tiers: [
        { upTo: 1000, calculation: 'FLAT', value: 50 },
        { upTo: null, calculation: 'FLAT', value: 5 }
      ],
      errors: []
    });
    expect(parseTiers([tier('0', '50'), tier('', 'x')]).errors).toEqual([
      'tier 1: enter the deal amount it goes up to, a number above 0.',
      'tier 2: the value must be a number of 0 or more.'
    ]);
    expect(parseTiers([]).errors).toHaveLength(1);
    const saved = toDraft({
      ...fixture().rules[0],
      calculation: 'TIERED',
      tiers: [
        { upTo: 10, calculation: 'FLAT', value: 1 },
        { upTo: null, calculation: 'PERCENT', value: 2 }
      ]
    });
    expect(saved.tiers.map((t) => [t.upTo, t.calculation, t.value])).toEqual([
      ['10', 'FLAT', '1'],
      ['', 'PERCENT', '2']
    ]);
    expect(fromDrafts([saved]).rules[0].tiers).toEqual([
      { upTo: 10, calculation: 'FLAT', value: 1 },
      { upTo: null, calculation: 'PERCENT', value: 2 }
    ]);
  });

  it('totals cost and revenue by month of the furthest milestone', () => {
    const data = fixture();
    const result = simulate(
      { currency: 'USD', annualCashCapPerAdvocate: null, rates: { USD: 1, EUR: 0.5 } },
      data.rules.map(toEngineRule),
      data.referrals
    );
    expect(result.months).toEqual([
      { month: '2026-03', cash: 100, revenue: 10000 },
      { month: '2026-04', cash: 100, revenue: 20000 }
    ]);
    expect(monthRange('2025-11-15', '2026-02-01')).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02'
    ]);
  });

  it('applies the annual cap through the engine when it binds', () => {
    const data = fixture();
    const rules = data.rules.map(toEngineRule);
    const uncapped = simulate(
      { currency: 'USD', annualCashCapPerAdvocate: null, rates: null },
      rules,
      data.referrals
    );
    const capped = simulate(
      { currency: 'USD', annualCashCapPerAdvocate: 50, rates: null },
      rules,
      data.referrals
    );
    expect(uncapped.totalCash).toBe(200);
    expect(capped.totalCash).toBe(100);
    expect(capped.cappedDecisions).toBe(2);
  });
});
