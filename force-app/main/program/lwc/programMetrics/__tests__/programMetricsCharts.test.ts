import { createElement } from 'lwc';
import ProgramMetrics from 'c/programMetrics';
import getMetricsData from '@salesforce/apex/ProgramMetricsController.getMetricsData';
import { loadScript } from 'lightning/platformResourceLoader';
import { resetChartJs } from 'c/programCharts';
import { metrics } from 'c/referralEngine';
import TREND_REFERRALS from '@salesforce/label/c.Program_Metrics_Trend_Referrals';
import TREND_WON from '@salesforce/label/c.Program_Metrics_Trend_Won';
import TREND_ALT from '@salesforce/label/c.Program_Metrics_Trend_Alt';
import FUNNEL_ALT from '@salesforce/label/c.Program_Metrics_Funnel_Alt';
import FUNNEL_PROGRAM from '@salesforce/label/c.Program_Metrics_Funnel_Program';
import FUNNEL_BENCHMARK from '@salesforce/label/c.Program_Metrics_Funnel_Benchmark';
import FUNNEL_ENROLLED from '@salesforce/label/c.Program_Metrics_Funnel_Enrolled';
import FUNNEL_QUALIFIED from '@salesforce/label/c.Program_Metrics_Funnel_Qualified';
import FUNNEL_WON from '@salesforce/label/c.Program_Metrics_Funnel_Won';
import type { MetricsData } from 'c/programDtos';
import metricsJson from './data/metrics.json';

interface TestWireAdapter {
  emit(value: unknown): void;
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
jest.mock(
  '@salesforce/label/c.Program_Chart_Unavailable',
  () => ({ default: 'The chart could not be drawn ({0}); the figures are in the table below it.' }),
  { virtual: true }
);

const metricsAdapter = getMetricsData as unknown as TestWireAdapter;
const mockLoadScript = loadScript as unknown as jest.Mock;

interface DrawnChart {
  canvas: HTMLCanvasElement;
  config: {
    type: string;
    options: Record<string, unknown>;
    data: { labels: string[]; datasets: { label: string; data: number[] }[] };
  };
  destroy: jest.Mock;
}
let drawn: DrawnChart[] = [];

function fixture(): MetricsData {
  const data = JSON.parse(JSON.stringify(metricsJson)) as MetricsData;
  // One referral qualified without being won (yet).
  data.referrals[2].qualified = true;
  return data;
}

function flush(): Promise<void> {
  return Array.from({ length: 10 }).reduce<Promise<void>>(
    (settled) => settled.then(() => undefined),
    Promise.resolve()
  );
}

async function mountWithData(data: MetricsData): Promise<HTMLElement> {
  const element = createElement('c-program-metrics', { is: ProgramMetrics });
  Object.assign(element, { recordId: 'a0P000000000001AAA', objectApiName: 'Referral_Program__c' });
  document.body.appendChild(element);
  await flush();
  metricsAdapter.emit(data);
  await flush();
  await flush();
  return element;
}

function byLabel(chart: DrawnChart): Record<string, number[]> {
  return Object.fromEntries(chart.config.data.datasets.map((d) => [d.label, d.data]));
}

describe('c-program-metrics charts', () => {
  beforeEach(() => {
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
  });
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
    resetChartJs();
    delete (globalThis as { Chart?: unknown }).Chart;
  });

  it('draws referrals and wins per month of the period', async () => {
    const element = await mountWithData(fixture());
    const trend = drawn.find((c) => c.canvas.getAttribute('aria-label') === TREND_ALT)!;
    expect(trend).toBeDefined();
    expect(trend.config.type).toBe('line');
    expect(trend.config.data.labels).toHaveLength(12);
    const series = byLabel(trend);
    // 2026: 12 referrals in March (2 won), 3 in April (1), 1 in May (1), 1 in June (0): the
    // other June referral's advocate enrolled after the period, and a December 2025 one is before it.
    expect(series[TREND_REFERRALS].slice(0, 7)).toEqual([0, 0, 12, 3, 1, 1, 0]);
    expect(series[TREND_WON].slice(0, 7)).toEqual([0, 0, 2, 1, 1, 0, 0]);
    const rows = element.shadowRoot!.querySelectorAll('section.trend tbody tr');
    expect(rows).toHaveLength(12);
    expect(rows[2].querySelectorAll('td')[0].textContent).toBe('12');
  });

  it('draws the funnel beside the benchmark for the same enrolment', async () => {
    const data = fixture();
    const element = await mountWithData(data);
    const result = metrics({
      periodStart: data.periodStart,
      periodEnd: data.periodEnd,
      advocates: data.advocates,
      referrals: data.referrals
    });
    const funnel = drawn.find((c) => c.canvas.getAttribute('aria-label') === FUNNEL_ALT)!;
    expect(funnel.config.options.indexAxis).toBe('y');
    expect(funnel.config.data.labels[0]).toBe(FUNNEL_ENROLLED);
    expect(funnel.config.data.labels[3]).toBe(FUNNEL_QUALIFIED);
    expect(funnel.config.data.labels[4]).toBe(FUNNEL_WON);
    const wonInPeriod = result.won;
    const series = byLabel(funnel);
    expect(series[FUNNEL_PROGRAM]).toEqual([
      result.enrolled,
      result.active,
      result.referrals,
      wonInPeriod + 1,
      wonInPeriod
    ]);
    const round = (v: number): number => Math.round(v * 10) / 10;
    expect(series[FUNNEL_BENCHMARK]).toEqual([
      result.enrolled,
      round(result.enrolled * 0.36),
      round(result.enrolled * 0.87),
      0,
      round(result.enrolled * 0.87 * 0.13)
    ]);
    const cells = [...element.shadowRoot!.querySelectorAll('.funnel-row')].map((row) =>
      [...row.children].map((cell) => cell.textContent)
    );
    expect(cells[3]).toEqual([FUNNEL_QUALIFIED, String(wonInPeriod + 1), '\u2014']);
  });

  it('redraws on new data and keeps the tables when Chart.js cannot load', async () => {
    const element = await mountWithData(fixture());
    const first = drawn.length;
    metricsAdapter.emit(fixture());
    await flush();
    expect(drawn.length).toBe(first + 2);
    expect(drawn[0].destroy).toHaveBeenCalled();
    document.body.removeChild(element);

    resetChartJs();
    mockLoadScript.mockReset();
    mockLoadScript.mockRejectedValue(new Error('blocked'));
    const failing = await mountWithData(fixture());
    expect(failing.shadowRoot!.querySelector('.chart-error')!.textContent!.trim()).toBe(
      'The chart could not be drawn (blocked); the figures are in the table below it.'
    );
    expect(failing.shadowRoot!.querySelector('.trend-chart')).toBeNull();
    const table = failing.shadowRoot!.querySelector('section.funnel table')!;
    expect(table.className).toContain('slds-table');
  });
});
