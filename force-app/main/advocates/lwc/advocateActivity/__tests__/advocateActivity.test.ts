import { createElement } from 'lwc';
import ADVOCATE from '@salesforce/schema/Advocate__c';
import AdvocateActivity from 'c/advocateActivity';
import getActivity from '@salesforce/apex/AdvocateActivityController.getActivity';
import { score } from 'c/referralEngine';
import type { ActivityData, ActivityReferral } from 'c/advocateDtos';
import { pipelineStep } from '../advocateActivity';
import { breakdown, toScoreReferrals } from '../scoreBreakdown';
import advocateJson from './data/advocate.json';
import accountJson from './data/account.json';

interface TestWireAdapter {
  emit(value: unknown): void;
  error(body?: unknown, status?: number, statusText?: string): void;
  getLastConfig(): Record<string, unknown>;
}

jest.mock(
  '@salesforce/apex/AdvocateActivityController.getActivity',
  () => {
    const { createApexTestWireAdapter } = jest.requireActual('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);

const activityAdapter = getActivity as unknown as TestWireAdapter;

type ActivityElement = HTMLElement & { recordId?: string; objectApiName?: string };
type PathElement = HTMLElement & { currentStep: string; hasError: boolean; type: string };

function clone<T>(value: unknown): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Lets wires, promises and re-renders settle (microtasks only: no timers). */
function flush(): Promise<void> {
  return Array.from({ length: 10 }).reduce<Promise<void>>(
    (settled) => settled.then(() => undefined),
    Promise.resolve()
  );
}

async function mount(
  props: Partial<ActivityElement> = { recordId: 'a0A1', objectApiName: ADVOCATE.objectApiName }
): Promise<ActivityElement> {
  const element = createElement('c-advocate-activity', { is: AdvocateActivity }) as ActivityElement;
  Object.assign(element, props);
  document.body.appendChild(element);
  await flush();
  return element;
}

function $(element: HTMLElement, selector: string): HTMLElement | null {
  return element.shadowRoot!.querySelector(selector);
}

describe('c-advocate-activity', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
  });

  it('shows a spinner while loading, for the record of the page', async () => {
    const element = await mount();
    expect(activityAdapter.getLastConfig()).toEqual({ recordId: 'a0A1' });
    const spinner = $(element, 'lightning-spinner') as HTMLElement & { alternativeText: string };
    expect(spinner.alternativeText).toBe('Loading advocate activity');
  });

  it('draws each referral through the pipeline, with lost and rejected ones marked', async () => {
    const element = await mount();
    activityAdapter.emit(clone(advocateJson));
    await flush();
    const paths = [
      ...element.shadowRoot!.querySelectorAll('lightning-progress-indicator')
    ] as PathElement[];
    expect(paths.map((p) => p.currentStep)).toEqual(['WON', 'QUALIFIED', 'SUBMITTED']);
    expect(paths.map((p) => p.hasError)).toEqual([false, true, false]);
    expect(paths[0].type).toBe('path');
    const titles = [...element.shadowRoot!.querySelectorAll('.referral .slds-text-title_bold')].map(
      (p) => p.textContent
    );
    expect(titles).toEqual(['REF-000003: Lee Chen', 'REF-000002: Kim Park', 'REF-000001: Unnamed']);
  });

  it('shows points, the nightly score and rank, and the rewards ledger', async () => {
    const element = await mount();
    activityAdapter.emit(clone(advocateJson));
    await flush();
    expect($(element, 'dd.points')!.textContent).toBe('100');
    expect($(element, 'dd.score')!.textContent).toBe('25.1');
    expect($(element, 'dd.rank')!.textContent).toBe('3');
    const table = $(element, 'lightning-datatable.rewards') as HTMLElement & {
      data: { amount: number | null; currencyCode: string | null; points: number | null }[];
      columns: { fieldName: string; type?: string }[];
    };
    // money in a currency column and points in a number column: both sort, both in the locale
    expect(table.data.map((row) => [row.amount, row.points])).toEqual([
      [500, null],
      [null, 100]
    ]);
    expect(table.columns.find((c) => c.fieldName === 'amount')!.type).toBe('currency');
    expect(table.columns.find((c) => c.fieldName === 'points')!.type).toBe('number');
  });

  it('breaks the score into its engine-computed parts and multiplier', async () => {
    const element = await mount();
    const data = clone<ActivityData>(advocateJson);
    activityAdapter.emit(data);
    await flush();
    const advocate = data.advocates[0];
    const expected = score({
      asOf: data.asOf,
      weights: advocate.weights!,
      referrals: toScoreReferrals(advocate.advocateId, advocate.referrals)
    })[0];
    const cell = (key: string): string => $(element, `tr.${key} td`)!.textContent!;
    expect(cell('score')).toBe(expected.score.toFixed(2));
    expect(cell('multiplier')).toBe('\u00d7 1.36');
    const parts = ['submitted', 'qualified', 'won'].map((key) => Number(cell(key)));
    expect(Number(cell('base'))).toBeCloseTo(parts[0] + parts[1] + parts[2], 2);
    expect(Number(cell('base')) * (2.3 / 13 / 0.13)).toBeCloseTo(expected.score, 1);
  });

  it('lets the user pick among the advocates of an account', async () => {
    const element = await mount({ recordId: '001000000000001AAA', objectApiName: 'Account' });
    activityAdapter.emit(clone(accountJson));
    await flush();
    const picker = $(element, 'lightning-combobox.advocate-picker') as HTMLElement & {
      options: { value: string }[];
    };
    expect(picker.options.map((o) => o.value)).toEqual(['a0A1', 'a0A2']);
    picker.dispatchEvent(new CustomEvent('change', { detail: { value: 'a0A2' } }));
    await flush();
    expect($(element, 'dd.program')!.textContent).toBe('Partner Referrals');
    expect($(element, '.no-referrals')!.textContent).toBe('No referrals yet.');
    expect($(element, '.no-rewards')!.textContent).toBe('No rewards yet.');
    expect($(element, '.no-score')!.textContent).toContain('no score');
  });

  it('shows an empty state for an account without advocates', async () => {
    const element = await mount({ recordId: '001000000000001AAA', objectApiName: 'Account' });
    activityAdapter.emit({ asOf: '2026-06-30', advocates: [], truncated: false });
    await flush();
    expect($(element, '.empty-state')!.textContent).toContain('This account has no advocate yet');
  });

  it('says when only the most recent referrals are drawn', async () => {
    const data = clone<ActivityData>(advocateJson);
    const template = data.advocates[0].referrals[2];
    for (let i = 0; i < 25; i++) data.advocates[0].referrals.push({ ...template, id: `x${i}` });
    data.truncated = true;
    const element = await mount();
    activityAdapter.emit(data);
    await flush();
    expect(element.shadowRoot!.querySelectorAll('lightning-progress-indicator')).toHaveLength(20);
    expect($(element, '.more')!.textContent).toBe('Showing the 20 most recent of 28+ referrals.');
  });

  it('shows the server refusal and the engine refusal', async () => {
    const element = await mount();
    activityAdapter.error({
      message: 'You need the Referral Program Sales User or Admin permission set.'
    });
    await flush();
    expect(
      ($(element, 'c-error-panel') as HTMLElement & { friendlyMessage: string }).friendlyMessage
    ).toBe('Advocate activity could not load.');

    const other = await mount();
    const data = clone<ActivityData>(advocateJson);
    data.advocates[0].weights!.halfLifeDays = 0;
    activityAdapter.emit(data);
    await flush();
    expect(
      ($(other, 'c-error-panel') as HTMLElement & { friendlyMessage: string }).friendlyMessage
    ).toBe("The program's score weights cannot score this advocate.");
  });

  it('explains itself on the wrong page and asks the server nothing', async () => {
    const element = await mount({ recordId: '006000000000001AAA', objectApiName: 'Opportunity' });
    expect($(element, '.wrong-page')!.textContent).toContain(
      'only on Advocate and Account record pages'
    );
    expect(activityAdapter.getLastConfig()).toEqual({ recordId: undefined });
    const noRecord = await mount({});
    expect($(noRecord, '.wrong-page')).not.toBeNull();
  });

  it('is accessible: the breakdown is a captioned table with row headers and sections are labelled', async () => {
    const element = await mount();
    activityAdapter.emit(clone(advocateJson));
    await flush();
    expect($(element, 'table caption')!.textContent).toBe("How today's score is made");
    expect(element.shadowRoot!.querySelectorAll('th[scope="row"]')).toHaveLength(6);
    expect($(element, 'section.breakdown')!.getAttribute('aria-label')).toBe('Score breakdown');
    const steps = [
      ...element.shadowRoot!.querySelectorAll('lightning-progress-step')
    ] as (HTMLElement & {
      label: string;
    })[];
    expect(steps.every((step) => Boolean(step.label))).toBe(true);
  });
});

describe('pipeline and breakdown helpers', () => {
  const base = clone<ActivityData>(advocateJson).advocates[0].referrals[2];
  const step = (patch: Partial<ActivityReferral>) => pipelineStep({ ...base, ...patch });

  it('maps statuses and dates to the path', () => {
    expect(step({ status: 'Rejected' })).toEqual({ step: 'SUBMITTED', hasError: true });
    expect(step({ status: 'Lost', qualifiedDate: null })).toEqual({
      step: 'SUBMITTED',
      hasError: true
    });
    expect(step({ status: 'Qualified' })).toEqual({ step: 'QUALIFIED', hasError: false });
    expect(step({ status: 'Accepted', qualifiedDate: '2026-01-01' })).toEqual({
      step: 'QUALIFIED',
      hasError: false
    });
    expect(step({ status: 'In Review', wonDate: '2026-01-01' })).toEqual({
      step: 'WON',
      hasError: false
    });
  });

  it('returns no breakdown without referrals and clamps the multiplier', () => {
    const weights = clone<ActivityData>(advocateJson).advocates[0].weights!;
    expect(breakdown('2026-06-30', weights, [])).toBeNull();
    const blast = Array.from({ length: 30 }, (_, i) => ({
      advocateId: 'a',
      submittedDate: '2026-06-01',
      qualifiedDate: null,
      wonDate: null,
      wonAmount: null,
      id: i
    }));
    expect(breakdown('2026-06-30', weights, blast)!.multiplier).toBe(0.5);
  });
});
