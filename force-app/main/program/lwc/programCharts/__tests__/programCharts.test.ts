import { loadScript } from 'lightning/platformResourceLoader';
import NOT_LOADED from '@salesforce/label/c.Program_Chart_Not_Loaded';
import {
  CHART_JS_FILE,
  costRevenueConfig,
  funnelConfig,
  loadChartJs,
  monthLabels,
  renderChart,
  resetChartJs,
  trendConfig,
  type ChartConfig
} from 'c/programCharts';

const loadScriptMock = loadScript as unknown as jest.Mock;

describe('c/programCharts', () => {
  afterEach(() => {
    resetChartJs();
    delete (globalThis as { Chart?: unknown }).Chart;
    loadScriptMock.mockReset();
    loadScriptMock.mockResolvedValue(undefined);
  });

  it('loads chart.umd.min.js of the ChartJs static resource once', async () => {
    const Chart = jest.fn();
    loadScriptMock.mockImplementation(() => {
      (globalThis as { Chart?: unknown }).Chart = Chart;
      return Promise.resolve();
    });
    const component = {};
    await expect(loadChartJs(component)).resolves.toBe(Chart);
    await expect(loadChartJs(component)).resolves.toBe(Chart);
    expect(loadScriptMock).toHaveBeenCalledTimes(1);
    expect(loadScriptMock).toHaveBeenCalledWith(component, CHART_JS_FILE);
    expect(CHART_JS_FILE).toMatch(/ChartJs\/chart\.umd\.min\.js$/);
  });

  it('refuses with a sentence when the resource defines no Chart, and retries later', async () => {
    await expect(loadChartJs({})).rejects.toThrow(NOT_LOADED);
    await Promise.resolve();
    (globalThis as { Chart?: unknown }).Chart = jest.fn();
    await expect(loadChartJs({})).resolves.toBeDefined();
    expect(loadScriptMock).toHaveBeenCalledTimes(2);
  });

  it('draws on a new labelled canvas and destroys the previous chart', () => {
    const destroy = jest.fn();
    const Chart = jest.fn().mockImplementation(() => ({ destroy }));
    const container = document.createElement('div');
    const config: ChartConfig = { type: 'bar', data: { labels: [], datasets: [] }, options: {} };
    const first = renderChart(Chart, container, config, undefined, 'Cost by month');
    const second = renderChart(Chart, container, config, first, 'Cost by month');
    expect(destroy).toHaveBeenCalledTimes(1);
    expect(second).not.toBe(first);
    const canvases = container.querySelectorAll('canvas');
    expect(canvases).toHaveLength(1);
    expect(canvases[0].getAttribute('role')).toBe('img');
    expect(canvases[0].getAttribute('aria-label')).toBe('Cost by month');
    expect(Chart).toHaveBeenLastCalledWith(canvases[0], config);
  });

  it('labels months in the locale from YYYY-MM keys', () => {
    const labels = monthLabels(['2026-01', '2026-12']);
    expect(labels).toHaveLength(2);
    expect(labels[0]).toContain('2026');
    expect(labels[0]).not.toBe(labels[1]);
  });

  it('builds cost bars for current and draft with revenue as a line on its own axis', () => {
    const config = costRevenueConfig({
      months: ['2026-01', '2026-02'],
      currentCost: [100, 200],
      draftCost: [150, 250],
      revenue: [1000, 0],
      currency: 'USD',
      labels: {
        current: 'Current rules',
        draft: 'Draft',
        revenue: 'Revenue',
        cost: 'Cost',
        revenueAxis: 'Revenue won'
      }
    });
    expect(config.data.datasets.map((d) => [d.type, d.label, d.data, d.yAxisID])).toEqual([
      ['bar', 'Current rules', [100, 200], 'cost'],
      ['bar', 'Draft', [150, 250], 'cost'],
      ['line', 'Revenue', [1000, 0], 'revenue']
    ]);
    const scales = config.options.scales as Record<
      string,
      { ticks: { callback: (v: number) => string } }
    >;
    expect(scales.cost.ticks.callback(1200)).toMatch(/1,?200/);
    const withoutDraft = costRevenueConfig({
      months: ['2026-01'],
      currentCost: [1],
      draftCost: null,
      revenue: [2],
      currency: 'EUR',
      labels: { current: 'C', draft: 'D', revenue: 'R', cost: 'c', revenueAxis: 'r' }
    });
    expect(withoutDraft.data.datasets.map((d) => d.label)).toEqual(['C', 'R']);
  });

  it('builds the trend and the funnel', () => {
    const trend = trendConfig({
      months: ['2026-01'],
      referrals: [5],
      won: [1],
      labels: { referrals: 'Referrals', won: 'Won' }
    });
    expect(trend.type).toBe('line');
    expect(trend.data.datasets.map((d) => [d.label, d.data])).toEqual([
      ['Referrals', [5]],
      ['Won', [1]]
    ]);
    const funnel = funnelConfig({
      steps: [
        { label: 'Referrals', value: 100, benchmark: 100 },
        { label: 'Won', value: 10, benchmark: 13 }
      ],
      labels: { program: 'This program', benchmark: 'Benchmark' }
    });
    expect(funnel.options.indexAxis).toBe('y');
    expect(funnel.data.labels).toEqual(['Referrals', 'Won']);
    expect(funnel.data.datasets.map((d) => [d.label, d.data])).toEqual([
      ['This program', [100, 10]],
      ['Benchmark', [100, 13]]
    ]);
    const noBenchmark = funnelConfig({
      steps: [{ label: 'A', value: 1, benchmark: null }],
      labels: { program: 'P', benchmark: 'B' }
    });
    expect(noBenchmark.data.datasets).toHaveLength(1);
  });
});
