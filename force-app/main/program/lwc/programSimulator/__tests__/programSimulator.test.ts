import { createElement } from 'lwc';
import PROGRAM from '@salesforce/schema/Referral_Program__c';
import ProgramSimulator from 'c/programSimulator';
import getSimulationData from '@salesforce/apex/ProgramSimulatorController.getSimulationData';
import type { SimulationData } from 'c/programDtos';
import { fromDrafts, newDraft, parseAmount, toDraft } from '../draftRules';
import { simulate, toEngineRule } from '../simulate';
import simulationJson from './data/simulation.json';

jest.mock(
  '@salesforce/apex/ProgramSimulatorController.getSimulationData',
  () => ({ default: jest.fn() }),
  { virtual: true }
);

const mockGetSimulationData = getSimulationData as unknown as jest.Mock;

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
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
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
    expect(tileText(element, 'total', 'current-value')).toBe('200.00 USD');
    expect(tileText(element, 'total', 'draft-value')).toBe('200.00 USD');
    expect(tileText(element, 'perWon', 'current-value')).toBe('100.00 USD');
    expect(tileText(element, 'perAdvocate', 'current-value')).toBe('66.67 USD');
    expect(tileText(element, 'total', 'delta')).toBe('Same as the current rules');
    expect($(element, '.caption')!.textContent).toContain(
      '4 referrals from 2025-07-01 to 2026-06-30'
    );
  });

  it('recomputes the cost when a draft rule changes, is added or removed, and resets', async () => {
    mockGetSimulationData.mockResolvedValue(fixture());
    const element = await mount();

    change($(element, 'lightning-input.value-input')!, { value: '150' });
    await flush();
    expect(tileText(element, 'total', 'draft-value')).toBe('300.00 USD');
    expect(tileText(element, 'total', 'delta')).toBe('+100.00 USD vs the current rules');

    $(element, 'lightning-button.add-rule')!.dispatchEvent(new CustomEvent('click'));
    await flush();
    expect(element.shadowRoot!.querySelectorAll('fieldset.rule-row')).toHaveLength(2);
    expect(tileText(element, 'total', 'draft-value')).toBe('500.00 USD');

    const removeButtons = element.shadowRoot!.querySelectorAll('lightning-button-icon.remove-rule');
    removeButtons[0].dispatchEvent(new CustomEvent('click'));
    await flush();
    expect(tileText(element, 'total', 'draft-value')).toBe('200.00 USD');

    const milestone = element.shadowRoot!.querySelectorAll('lightning-combobox')[0] as HTMLElement;
    change(milestone, { value: 'QUALIFIED' });
    await flush();
    expect(tileText(element, 'total', 'draft-value')).toBe('300.00 USD');

    $(element, 'lightning-button.reset-draft')!.dispatchEvent(new CustomEvent('click'));
    await flush();
    expect(tileText(element, 'total', 'draft-value')).toBe('200.00 USD');

    const active = element.shadowRoot!.querySelector(
      'lightning-input[data-field="active"]'
    ) as HTMLElement;
    change(active, { checked: false });
    await flush();
    expect(tileText(element, 'total', 'draft-value')).toBe('0.00 USD');
    expect(tileText(element, 'total', 'delta')).toBe('\u2212200.00 USD vs the current rules');
  });

  it('refuses a negative or non-numeric value inline and keeps the current figures', async () => {
    mockGetSimulationData.mockResolvedValue(fixture());
    const element = await mount();
    change($(element, 'lightning-input.value-input')!, { value: '-5' });
    await flush();
    const alert = $(element, '.draft-errors')!;
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toContain(
      'Rule 1 (Won bonus): the value must be a number of 0 or more.'
    );
    expect(tileText(element, 'total', 'draft-value')).toBe('\u2014');
    expect(tileText(element, 'total', 'current-value')).toBe('200.00 USD');
  });

  it('edits a tiered rule and refuses tiers that are not a JSON list', async () => {
    mockGetSimulationData.mockResolvedValue(fixture());
    const element = await mount();
    const calculation = element.shadowRoot!.querySelector(
      'lightning-combobox[data-field="calculation"]'
    ) as HTMLElement;
    change(calculation, { value: 'TIERED' });
    await flush();
    expect($(element, '.draft-errors')!.textContent).toContain('tiers must be a JSON list');

    const tiers = $(element, 'lightning-textarea[data-field="tiersText"]')!;
    change(tiers, {
      value:
        '[{"upTo":15000,"calculation":"FLAT","value":50},{"upTo":null,"calculation":"PERCENT","value":1}]'
    });
    await flush();
    expect($(element, '.draft-errors')).toBeNull();
    expect(tileText(element, 'total', 'draft-value')).toBe('250.00 USD');
  });

  it('shows the engine refusal of a draft the engine rejects', async () => {
    mockGetSimulationData.mockResolvedValue(fixture());
    const element = await mount();
    const calculation = element.shadowRoot!.querySelector(
      'lightning-combobox[data-field="calculation"]'
    ) as HTMLElement;
    change(calculation, { value: 'TIERED' });
    await flush();
    change($(element, 'lightning-textarea[data-field="tiersText"]')!, {
      value: '[{"upTo":100,"calculation":"FLAT","value":5}]'
    });
    await flush();
    expect($(element, '.draft-errors')!.textContent).toContain(
      'The draft rules cannot be replayed'
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
    expect($(element, '.skipped')!.textContent).toContain('1 referrals were left out');
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
