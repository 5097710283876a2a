import { createElement } from 'lwc';
import PROGRAM from '@salesforce/schema/Referral_Program__c';
import ProgramMetrics from 'c/programMetrics';
import getPrograms from '@salesforce/apex/ProgramMetricsController.getPrograms';
import getMetricsData from '@salesforce/apex/ProgramMetricsController.getMetricsData';
import type { MetricsData } from 'c/programDtos';
import { periodRange } from 'c/reportingPeriods';
import { percent } from '../benchmarks';
import metricsJson from './data/metrics.json';
import programsJson from './data/programs.json';

interface TestWireAdapter {
  emit(value: unknown): void;
  error(body?: unknown, status?: number, statusText?: string): void;
  getLastConfig(): Record<string, unknown>;
}

jest.mock(
  '@salesforce/apex/ProgramMetricsController.getPrograms',
  () => {
    const { createApexTestWireAdapter } = jest.requireActual('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);
jest.mock(
  '@salesforce/apex/ProgramMetricsController.getMetricsData',
  () => {
    const { createApexTestWireAdapter } = jest.requireActual('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);

const programsAdapter = getPrograms as unknown as TestWireAdapter;
const metricsAdapter = getMetricsData as unknown as TestWireAdapter;

type MetricsElement = HTMLElement & { recordId?: string; objectApiName?: string };

function fixture(): MetricsData {
  return JSON.parse(JSON.stringify(metricsJson)) as MetricsData;
}

/** Lets wires, promises and re-renders settle (microtasks only: no timers). */
function flush(): Promise<void> {
  return Array.from({ length: 10 }).reduce<Promise<void>>(
    (settled) => settled.then(() => undefined),
    Promise.resolve()
  );
}

function mount(props: Partial<MetricsElement> = {}): MetricsElement {
  const element = createElement('c-program-metrics', { is: ProgramMetrics }) as MetricsElement;
  Object.assign(element, props);
  document.body.appendChild(element);
  return element;
}

function $(element: HTMLElement, selector: string): HTMLElement | null {
  return element.shadowRoot!.querySelector(selector);
}

function tile(element: HTMLElement, key: string): { value: string; benchmark: string } {
  return {
    value: $(element, `.tile.${key} .value`)!.textContent!.trim(),
    benchmark: $(element, `.tile.${key} .benchmark`)!.textContent!.trim()
  };
}

async function mountOnProgramPage(): Promise<MetricsElement> {
  const element = mount({ recordId: 'a0P000000000001AAA', objectApiName: PROGRAM.objectApiName });
  await flush();
  return element;
}

describe('c-program-metrics', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
  });

  it('shows a spinner while the metrics load', async () => {
    const element = await mountOnProgramPage();
    const spinner = $(element, 'lightning-spinner') as HTMLElement & { alternativeText: string };
    expect(spinner.alternativeText).toBe('Loading program metrics');
    expect(metricsAdapter.getLastConfig()).toMatchObject({
      programId: 'a0P000000000001AAA',
      ...periodRange('LAST_12_MONTHS')
    });
  });

  it('shows docs/rules.md metrics as tiles beside the published benchmarks', async () => {
    const element = await mountOnProgramPage();
    metricsAdapter.emit(fixture());
    await flush();
    expect(tile(element, 'activeRate')).toEqual({ value: '40%', benchmark: 'Benchmark 36%' });
    expect(tile(element, 'referralsPerAdvocate')).toEqual({
      value: '1.70',
      benchmark: 'Benchmark 0.87'
    });
    expect(tile(element, 'conversionRate')).toEqual({ value: '23.5%', benchmark: 'Benchmark 13%' });
    expect(tile(element, 'top1Referrals')).toEqual({ value: '70.6%', benchmark: 'Benchmark 22%' });
    expect(tile(element, 'top1Deals')).toEqual({ value: '50%', benchmark: 'Benchmark 1%' });
    expect(tile(element, 'top10Referrals').benchmark).toBe('Benchmark 54%');
    expect(tile(element, 'top10Deals').benchmark).toBe('Benchmark 6%');
    expect($(element, '.summary')!.textContent).toContain(
      '10 enrolled advocates, 4 active, 17 referrals and 4 won'
    );
  });

  it('draws the referrer distribution as bars beside the 61/34/5 benchmark', async () => {
    const element = await mountOnProgramPage();
    metricsAdapter.emit(fixture());
    await flush();
    const rows = [...element.shadowRoot!.querySelectorAll('.bar-row')];
    expect(rows).toHaveLength(3);
    expect(rows.map((row) => row.querySelector('.bar-value')!.textContent)).toEqual([
      '50%',
      '25%',
      '25%'
    ]);
    expect(rows[0].textContent).toContain('Benchmark 61%');
    expect(rows[1].textContent).toContain('Benchmark 34%');
    expect(rows[2].textContent).toContain('Benchmark 5%');
    const bar = rows[0].querySelector('.bar:not(.bar_benchmark)') as HTMLElement;
    expect(bar.getAttribute('style')).toContain('width: 50%');
    const benchmarkBar = rows[0].querySelector('.bar_benchmark') as HTMLElement;
    expect(benchmarkBar.getAttribute('style')).toContain('width: 61%');
  });

  it('asks for the new period when the period changes', async () => {
    const element = await mountOnProgramPage();
    metricsAdapter.emit(fixture());
    await flush();
    $(element, 'lightning-combobox.period-picker')!.dispatchEvent(
      new CustomEvent('change', { detail: { value: 'LAST_YEAR' } })
    );
    await flush();
    expect(metricsAdapter.getLastConfig()).toMatchObject(periodRange('LAST_YEAR'));
  });

  it('offers a program picker on the app home and follows the choice', async () => {
    const element = mount();
    programsAdapter.emit(JSON.parse(JSON.stringify(programsJson)));
    await flush();
    expect(metricsAdapter.getLastConfig()).toMatchObject({ programId: 'a0P000000000001AAA' });
    $(element, 'lightning-combobox.program-picker')!.dispatchEvent(
      new CustomEvent('change', { detail: { value: 'a0P000000000002AAA' } })
    );
    await flush();
    expect(metricsAdapter.getLastConfig()).toMatchObject({ programId: 'a0P000000000002AAA' });
  });

  it('shows empty states without programs and without enrolled advocates', async () => {
    const element = mount();
    programsAdapter.emit([]);
    await flush();
    expect($(element, '.empty-state')!.textContent).toContain(
      'No referral program is shared with you'
    );

    const other = await mountOnProgramPage();
    metricsAdapter.emit({ ...fixture(), advocates: [], referrals: [] });
    await flush();
    expect($(other, '.empty-state')!.textContent).toContain('No advocate was enrolled');
  });

  it('says when the rows were capped', async () => {
    const element = await mountOnProgramPage();
    metricsAdapter.emit({ ...fixture(), truncated: true });
    await flush();
    expect($(element, '.truncated')!.textContent).toContain('more than 20,000');
  });

  it('shows the server refusal and the engine refusal in an error panel', async () => {
    const element = await mountOnProgramPage();
    metricsAdapter.error({
      message: 'You need the Referral Program Admin or Sales User permission set.'
    });
    await flush();
    expect(
      ($(element, 'c-error-panel') as HTMLElement & { friendlyMessage: string }).friendlyMessage
    ).toBe('Program metrics could not load.');

    const broken = await mountOnProgramPage();
    const data = fixture();
    data.advocates.push({ ...data.advocates[0] });
    metricsAdapter.emit(data);
    await flush();
    const panel = $(broken, 'c-error-panel')!;
    // the engine's English diagnostic (advocates[10].id duplicates ...) is said in the user's language
    const said = panel.shadowRoot!.querySelector('li')!.textContent;
    expect(said).toBe(
      `A value the calculation needs is not valid (advocates[${data.advocates.length - 1}].id); ask your admin to check the records behind this page.`
    );
  });

  it('explains itself on the wrong record page', async () => {
    const element = mount({ recordId: '001000000000001AAA', objectApiName: 'Account' });
    await flush();
    expect($(element, '.wrong-page')!.getAttribute('role')).toBe('alert');
  });

  it('is accessible: the chart has a text alternative and the pickers have labels', async () => {
    const element = await mountOnProgramPage();
    metricsAdapter.emit(fixture());
    await flush();
    const chart = $(element, 'section.distribution')!;
    expect(chart.getAttribute('aria-label')).toContain('1 referral: 50% (benchmark 61%)');
    const period = $(element, 'lightning-combobox.period-picker') as HTMLElement & {
      label: string;
    };
    expect(period.label).toBe('Period');
    expect($(element, '.tile.activeRate')!.getAttribute('title')).toBe(
      'Active advocates: 40% (benchmark 36%)'
    );
  });
});

describe('benchmark helpers', () => {
  it('formats percents and computes periods', () => {
    expect(percent(0.3614)).toBe('36.1%');
    const today = new Date(2026, 5, 30);
    expect(periodRange('THIS_YEAR', today)).toEqual({
      periodStart: '2026-01-01',
      periodEnd: '2026-06-30'
    });
    expect(periodRange('LAST_YEAR', today)).toEqual({
      periodStart: '2025-01-01',
      periodEnd: '2025-12-31'
    });
    expect(periodRange('LAST_90_DAYS', today)).toEqual({
      periodStart: '2026-04-02',
      periodEnd: '2026-06-30'
    });
    expect(periodRange('LAST_12_MONTHS', today)).toEqual({
      periodStart: '2025-07-01',
      periodEnd: '2026-06-30'
    });
  });
});
