/**
 * Charts of the program components through Chart.js (a maintained library, shipped as the ChartJs
 * static resource and loaded with lightning/platformResourceLoader): the loader, a renderer that
 * puts a canvas in a manual-DOM container, and pure builders of the chart configurations, so the
 * components' tests can assert exactly what is drawn.
 */
import { loadScript } from 'lightning/platformResourceLoader';
import CHART_JS from '@salesforce/resourceUrl/ChartJs';
import NOT_LOADED from '@salesforce/label/c.Program_Chart_Not_Loaded';

/** The part of a Chart.js chart the components use. */
export interface ChartInstance {
  destroy(): void;
}

/** The Chart.js constructor (window.Chart once the UMD build has run). */
export type ChartConstructor = new (
  canvas: HTMLCanvasElement,
  config: ChartConfig
) => ChartInstance;

export interface ChartDataset {
  type?: 'bar' | 'line';
  label: string;
  data: number[];
  backgroundColor?: string | string[];
  borderColor?: string;
  borderDash?: number[];
  yAxisID?: string;
  order?: number;
}

/** A Chart.js configuration (the subset built here). */
export interface ChartConfig {
  type: 'bar' | 'line';
  data: { labels: string[]; datasets: ChartDataset[] };
  options: Record<string, unknown>;
}

/** The file of the static resource (a folder: chart.umd.min.js and its LICENSE.md). */
export const CHART_JS_FILE = `${CHART_JS}/chart.umd.min.js`;

/** SLDS chart colours (SLDS data visualisation palette). */
export const COLORS = {
  current: '#7f8de1',
  draft: '#1b96ff',
  revenue: '#06a59a',
  referrals: '#1b96ff',
  won: '#06a59a',
  benchmark: '#c9c9c9'
};

let loading: Promise<ChartConstructor> | undefined;

/**
 * Loads Chart.js once per page.
 * @throws Error with a sentence when the resource loads but defines no Chart
 */
export function loadChartJs(component: unknown): Promise<ChartConstructor> {
  loading ??= loadScript(component, CHART_JS_FILE).then(() => {
    const chart = (globalThis as unknown as { Chart?: ChartConstructor }).Chart;
    if (!chart) throw new Error(NOT_LOADED);
    return chart;
  });
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

/** For tests: forget the loaded library. */
export function resetChartJs(): void {
  loading = undefined;
}

/**
 * Draws a chart in a container marked lwc:dom="manual", replacing the chart drawn there before.
 * @returns the new chart
 */
export function renderChart(
  Chart: ChartConstructor,
  container: HTMLElement,
  config: ChartConfig,
  previous: ChartInstance | undefined,
  label: string
): ChartInstance {
  previous?.destroy();
  while (container.firstChild) container.removeChild(container.firstChild);
  const canvas = document.createElement('canvas');
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', label);
  container.appendChild(canvas);
  return new Chart(canvas, config);
}

function money(currency: string): (value: number | string) => string {
  const format = new Intl.NumberFormat(undefined, {
    style: 'currency',
    currency,
    maximumFractionDigits: 0
  });
  return (value) => format.format(Number(value));
}

/** The months 'YYYY-MM' from the start's month to the end's, inclusive. */
export function monthRange(start: string, end: string): string[] {
  const months: string[] = [];
  let year = Number(start.slice(0, 4));
  let month = Number(start.slice(5, 7));
  const last = end.slice(0, 7);
  for (let guard = 0; guard < 48; guard++) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    months.push(key);
    if (key >= last) break;
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

/** Month keys 'YYYY-MM' as short labels in the user's locale ('Jan 2026'). */
export function monthLabels(months: string[]): string[] {
  const format = new Intl.DateTimeFormat(undefined, {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC'
  });
  return months.map((month) => format.format(new Date(`${month}-01T00:00:00Z`)));
}

/** Cost per month under the current rules and the draft (bars) and referred revenue (line). */
export function costRevenueConfig(input: {
  months: string[];
  currentCost: number[];
  draftCost: number[] | null;
  revenue: number[];
  currency: string;
  labels: { current: string; draft: string; revenue: string; cost: string; revenueAxis: string };
}): ChartConfig {
  const datasets: ChartDataset[] = [
    {
      type: 'bar',
      label: input.labels.current,
      data: input.currentCost,
      backgroundColor: COLORS.current,
      yAxisID: 'cost',
      order: 2
    }
  ];
  if (input.draftCost) {
    datasets.push({
      type: 'bar',
      label: input.labels.draft,
      data: input.draftCost,
      backgroundColor: COLORS.draft,
      yAxisID: 'cost',
      order: 2
    });
  }
  datasets.push({
    type: 'line',
    label: input.labels.revenue,
    data: input.revenue,
    borderColor: COLORS.revenue,
    backgroundColor: COLORS.revenue,
    yAxisID: 'revenue',
    order: 1
  });
  const tick = money(input.currency);
  return {
    type: 'bar',
    data: { labels: monthLabels(input.months), datasets },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      interaction: { mode: 'index', intersect: false },
      plugins: { legend: { position: 'bottom' } },
      scales: {
        cost: {
          type: 'linear',
          position: 'left',
          beginAtZero: true,
          title: { display: true, text: input.labels.cost },
          ticks: { callback: tick }
        },
        revenue: {
          type: 'linear',
          position: 'right',
          beginAtZero: true,
          grid: { drawOnChartArea: false },
          title: { display: true, text: input.labels.revenueAxis },
          ticks: { callback: tick }
        }
      }
    }
  };
}

/** Referrals submitted and won per month. */
export function trendConfig(input: {
  months: string[];
  referrals: number[];
  won: number[];
  labels: { referrals: string; won: string };
}): ChartConfig {
  return {
    type: 'line',
    data: {
      labels: monthLabels(input.months),
      datasets: [
        {
          label: input.labels.referrals,
          data: input.referrals,
          borderColor: COLORS.referrals,
          backgroundColor: COLORS.referrals
        },
        {
          label: input.labels.won,
          data: input.won,
          borderColor: COLORS.won,
          backgroundColor: COLORS.won
        }
      ]
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      interaction: { mode: 'index', intersect: false },
      plugins: { legend: { position: 'bottom' } },
      scales: { y: { beginAtZero: true, ticks: { precision: 0 } } }
    }
  };
}

/**
 * The funnel as horizontal bars, widest first, with the benchmark's count for the same start
 * beside each step when a benchmark applies.
 */
export function funnelConfig(input: {
  steps: { label: string; value: number; benchmark: number | null }[];
  labels: { program: string; benchmark: string };
}): ChartConfig {
  const hasBenchmark = input.steps.some((step) => step.benchmark !== null);
  const datasets: ChartDataset[] = [
    {
      label: input.labels.program,
      data: input.steps.map((step) => step.value),
      backgroundColor: COLORS.draft
    }
  ];
  if (hasBenchmark) {
    datasets.push({
      label: input.labels.benchmark,
      data: input.steps.map((step) => step.benchmark ?? 0),
      backgroundColor: COLORS.benchmark
    });
  }
  return {
    type: 'bar',
    data: { labels: input.steps.map((step) => step.label), datasets },
    options: {
      indexAxis: 'y',
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      plugins: { legend: { position: 'bottom' } },
      scales: { x: { beginAtZero: true, ticks: { precision: 0 } } }
    }
  };
}
