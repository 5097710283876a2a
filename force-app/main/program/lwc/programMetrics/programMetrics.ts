import { LightningElement, api, wire } from 'lwc';
import PROGRAM from '@salesforce/schema/Referral_Program__c';
import getPrograms from '@salesforce/apex/ProgramMetricsController.getPrograms';
import getMetricsData from '@salesforce/apex/ProgramMetricsController.getMetricsData';
import { metrics } from 'c/referralEngine';
import type { MetricsResult } from 'c/referralEngine';
import type { ProgramOption } from 'c/advocateDtos';
import type { MetricsData } from 'c/programDtos';
import { periodOptions as optionsFor, periodRange, type PeriodKey } from 'c/reportingPeriods';
import { BENCHMARKS, percent } from './benchmarks';
import {
  funnelConfig,
  loadChartJs,
  monthLabels,
  monthRange,
  renderChart,
  trendConfig,
  type ChartConfig,
  type ChartConstructor,
  type ChartInstance
} from 'c/programCharts';
import { reduceErrors } from 'c/errorMessages';
import CHART_UNAVAILABLE from '@salesforce/label/c.Program_Chart_Unavailable';
import CHART_MONTH from '@salesforce/label/c.Program_Chart_Month';
import TREND_TITLE from '@salesforce/label/c.Program_Metrics_Trend_Title';
import TREND_ALT from '@salesforce/label/c.Program_Metrics_Trend_Alt';
import TREND_REFERRALS from '@salesforce/label/c.Program_Metrics_Trend_Referrals';
import TREND_WON from '@salesforce/label/c.Program_Metrics_Trend_Won';
import FUNNEL_TITLE from '@salesforce/label/c.Program_Metrics_Funnel_Title';
import FUNNEL_ALT from '@salesforce/label/c.Program_Metrics_Funnel_Alt';
import FUNNEL_STEP from '@salesforce/label/c.Program_Metrics_Funnel_Step';
import FUNNEL_ENROLLED from '@salesforce/label/c.Program_Metrics_Funnel_Enrolled';
import FUNNEL_ACTIVE from '@salesforce/label/c.Program_Metrics_Funnel_Active';
import FUNNEL_REFERRALS from '@salesforce/label/c.Program_Metrics_Funnel_Referrals';
import FUNNEL_QUALIFIED from '@salesforce/label/c.Program_Metrics_Funnel_Qualified';
import FUNNEL_WON from '@salesforce/label/c.Program_Metrics_Funnel_Won';
import FUNNEL_PROGRAM from '@salesforce/label/c.Program_Metrics_Funnel_Program';
import FUNNEL_BENCHMARK from '@salesforce/label/c.Program_Metrics_Funnel_Benchmark';

/** Replaces {0}, {1}... in a label. */
function formatLabel(label: string, ...values: (string | number)[]): string {
  return label.replace(/\{(\d+)\}/g, (match, index: string) => {
    return Number(index) < values.length ? String(values[Number(index)]) : match;
  });
}

/** One funnel step with the benchmark's count for the same enrolment (null: no benchmark). */
export interface FunnelStep {
  key: string;
  label: string;
  value: number;
  benchmark: number | null;
}

// the object's API name from the schema: it carries the namespace prefix once installed
const PROGRAM_OBJECT = PROGRAM.objectApiName;

interface WireResult<T> {
  data?: T;
  error?: unknown;
}

interface Tile {
  key: string;
  label: string;
  value: string;
  benchmark: string;
  detail: string;
  className: string;
}

interface Bar {
  key: string;
  label: string;
  value: string;
  benchmark: string;
  style: string;
  benchmarkStyle: string;
}

/**
 * Program health (docs/rules.md `metrics`) for a chosen period: KPI tiles and the referrer
 * distribution as SLDS-styled bars, each beside the published benchmark (PRODUCT.md), a trend of
 * referrals and wins per month and the funnel from enrolled advocates to won referrals beside the
 * benchmark (Chart.js, with the figures as tables). The metrics are computed in the browser with
 * the TypeScript engine over rows the server reads in user mode, so they cover the records the
 * user may see.
 */
export default class ProgramMetrics extends LightningElement {
  @api recordId: string | undefined;
  @api objectApiName: string | undefined;

  period: PeriodKey = 'LAST_12_MONTHS';
  selectedProgramId: string | undefined;
  programs: ProgramOption[] | undefined;
  programsError: unknown;
  metricsData: MetricsData | undefined;
  metricsError: unknown;
  /** The metrics of the loaded rows, computed once per load, or the engine's refusal. */
  computed: { result?: MetricsResult; error?: unknown } = {};
  periodOptions = optionsFor(['LAST_12_MONTHS', 'THIS_YEAR', 'LAST_YEAR', 'LAST_90_DAYS']);
  label = {
    CHART_MONTH,
    TREND_TITLE,
    TREND_ALT,
    TREND_REFERRALS,
    TREND_WON,
    FUNNEL_TITLE,
    FUNNEL_ALT,
    FUNNEL_STEP,
    FUNNEL_PROGRAM,
    FUNNEL_BENCHMARK
  };
  chartError = '';
  private Chart: ChartConstructor | undefined;
  private charts: { trend?: ChartInstance; funnel?: ChartInstance } = {};
  private chartVersion = 0;
  private drawnVersion = -1;

  override connectedCallback(): void {
    if (this.wrongPage) return;
    loadChartJs(this)
      .then((Chart) => {
        this.Chart = Chart;
        this.drawCharts();
      })
      .catch((error: unknown) => {
        this.chartError = formatLabel(CHART_UNAVAILABLE, reduceErrors(error).join(' '));
      });
  }

  override disconnectedCallback(): void {
    this.charts.trend?.destroy();
    this.charts.funnel?.destroy();
    this.charts = {};
  }

  override renderedCallback(): void {
    this.drawCharts();
  }

  /** Draws both charts once per load, when Chart.js and their containers are there. */
  private drawCharts(): void {
    if (!this.Chart || this.drawnVersion === this.chartVersion || !this.hasMetrics) return;
    const trend = this.template?.querySelector<HTMLElement>('.trend-chart');
    const funnel = this.template?.querySelector<HTMLElement>('.funnel-chart');
    if (!trend || !funnel) return;
    this.drawnVersion = this.chartVersion;
    try {
      this.charts = {
        trend: renderChart(this.Chart, trend, this.trendChart, this.charts.trend, TREND_ALT),
        funnel: renderChart(this.Chart, funnel, this.funnelChart, this.charts.funnel, FUNNEL_ALT)
      };
    } catch (error) {
      this.chartError = formatLabel(CHART_UNAVAILABLE, reduceErrors(error).join(' '));
    }
  }

  @wire(getPrograms)
  wiredPrograms(result: WireResult<ProgramOption[]>): void {
    if (result.data) {
      this.programs = result.data;
      this.programsError = undefined;
    } else if (result.error) {
      this.programs = undefined;
      this.programsError = result.error;
    }
  }

  @wire(getMetricsData, {
    programId: '$programId',
    periodStart: '$periodStart',
    periodEnd: '$periodEnd'
  })
  wiredMetrics(result: WireResult<MetricsData>): void {
    if (result.data) {
      this.metricsData = result.data;
      this.metricsError = undefined;
    } else if (result.error) {
      this.metricsData = undefined;
      this.metricsError = result.error;
    }
    this.computed = this.compute();
    this.chartVersion += 1;
  }

  get wrongPage(): boolean {
    return Boolean(this.objectApiName) && this.objectApiName !== PROGRAM_OBJECT;
  }

  get onProgramPage(): boolean {
    return this.objectApiName === PROGRAM_OBJECT && Boolean(this.recordId);
  }

  get programId(): string | undefined {
    if (this.wrongPage) return undefined;
    if (this.onProgramPage) return this.recordId;
    return this.selectedProgramId ?? this.programs?.[0]?.id;
  }

  get periodStart(): string {
    return periodRange(this.period).periodStart;
  }

  get periodEnd(): string {
    return periodRange(this.period).periodEnd;
  }

  get showProgramPicker(): boolean {
    return !this.onProgramPage && (this.programs?.length ?? 0) > 0;
  }

  get programOptions(): { label: string; value: string }[] {
    return (this.programs ?? []).map((program) => ({ label: program.name, value: program.id }));
  }

  get noProgram(): boolean {
    return !this.onProgramPage && this.programs !== undefined && this.programs.length === 0;
  }

  private compute(): { result?: MetricsResult; error?: unknown } {
    const data = this.metricsData;
    if (!data) return {};
    try {
      return {
        result: metrics({
          periodStart: data.periodStart,
          periodEnd: data.periodEnd,
          advocates: data.advocates,
          referrals: data.referrals
        })
      };
    } catch (e) {
      return { error: e };
    }
  }

  get error(): unknown {
    return (
      this.metricsError ??
      (this.onProgramPage ? undefined : this.programsError) ??
      this.computed.error
    );
  }

  get isLoading(): boolean {
    return !this.noProgram && this.metricsData === undefined;
  }

  get result(): MetricsResult | undefined {
    return this.computed.result;
  }

  get isEmpty(): boolean {
    return this.result !== undefined && this.result.enrolled === 0;
  }

  get hasMetrics(): boolean {
    return this.result !== undefined && this.result.enrolled > 0;
  }

  get truncated(): boolean {
    return this.metricsData?.truncated === true;
  }

  get truncatedMessage(): string {
    const limit = this.metricsData?.rowLimit ?? 0;
    return `This program has more than ${limit.toLocaleString()} advocates or referrals in the period; the figures cover the first ${limit.toLocaleString()}. Choose a shorter period for exact figures.`;
  }

  get summary(): string {
    const r = this.result;
    if (!r) return '';
    return `${r.enrolled.toLocaleString()} enrolled advocates, ${r.active.toLocaleString()} active, ${r.referrals.toLocaleString()} referrals and ${r.won.toLocaleString()} won, ${this.metricsData?.periodStart} to ${this.metricsData?.periodEnd}.`;
  }

  private tile(
    key: string,
    label: string,
    value: number,
    benchmark: number,
    asPercent: boolean
  ): Tile {
    const format = (v: number): string => (asPercent ? percent(v) : v.toFixed(2));
    return {
      key,
      label,
      value: format(value),
      benchmark: `Benchmark ${asPercent ? percent(benchmark) : String(benchmark)}`,
      detail: `${label}: ${format(value)} (benchmark ${asPercent ? percent(benchmark) : String(benchmark)})`,
      className: `slds-box slds-box_small tile ${key}`
    };
  }

  get tiles(): Tile[] {
    const r = this.result;
    if (!r) return [];
    return [
      this.tile('activeRate', 'Active advocates', r.activeRate, BENCHMARKS.activeRate, true),
      this.tile(
        'referralsPerAdvocate',
        'Referrals per enrolled advocate',
        r.referralsPerAdvocate,
        BENCHMARKS.referralsPerAdvocate,
        false
      ),
      this.tile(
        'conversionRate',
        'Referral conversion',
        r.conversionRate,
        BENCHMARKS.conversionRate,
        true
      ),
      this.tile(
        'top1Referrals',
        'Top 1% share of referrals',
        r.top1Pct.referralShare,
        BENCHMARKS.top1Pct.referralShare,
        true
      ),
      this.tile(
        'top1Deals',
        'Top 1% share of deals',
        r.top1Pct.dealShare,
        BENCHMARKS.top1Pct.dealShare,
        true
      ),
      this.tile(
        'top10Referrals',
        'Top 10% share of referrals',
        r.top10Pct.referralShare,
        BENCHMARKS.top10Pct.referralShare,
        true
      ),
      this.tile(
        'top10Deals',
        'Top 10% share of deals',
        r.top10Pct.dealShare,
        BENCHMARKS.top10Pct.dealShare,
        true
      )
    ];
  }

  get bars(): Bar[] {
    const r = this.result;
    if (!r) return [];
    const rows: [string, string, number, number][] = [
      ['one', '1 referral', r.referrerDistribution.one, BENCHMARKS.referrerDistribution.one],
      [
        'twoToTen',
        '2 to 10 referrals',
        r.referrerDistribution.twoToTen,
        BENCHMARKS.referrerDistribution.twoToTen
      ],
      [
        'elevenPlus',
        '11 or more',
        r.referrerDistribution.elevenPlus,
        BENCHMARKS.referrerDistribution.elevenPlus
      ]
    ];
    return rows.map(([key, label, value, benchmark]) => ({
      key,
      label,
      value: percent(value),
      benchmark: `Benchmark ${percent(benchmark)}`,
      style: `width: ${Math.round(value * 1000) / 10}%`,
      benchmarkStyle: `width: ${Math.round(benchmark * 1000) / 10}%`
    }));
  }

  get chartLabel(): string {
    return `Active referrers by number of referrals: ${this.bars
      .map((bar) => `${bar.label} ${bar.value} (${bar.benchmark.toLowerCase()})`)
      .join('; ')}.`;
  }

  // ------------------------------------------------------------------ trend and funnel

  /**
   * The referrals the metrics count (docs/rules.md metrics): submitted in the period by an
   * advocate enrolled by its end.
   */
  private get countedReferrals(): MetricsData['referrals'] {
    const data = this.metricsData;
    if (!data) return [];
    const enrolled = new Set(
      data.advocates.filter((a) => a.enrolledDate <= data.periodEnd).map((a) => a.id)
    );
    return data.referrals.filter(
      (r) =>
        r.submittedDate >= data.periodStart &&
        r.submittedDate <= data.periodEnd &&
        enrolled.has(r.advocateId)
    );
  }

  /** Referrals submitted and won per month of the period (by submission month). */
  get trend(): { months: string[]; referrals: number[]; won: number[] } {
    const data = this.metricsData;
    if (!data) return { months: [], referrals: [], won: [] };
    const months = monthRange(data.periodStart, data.periodEnd);
    const index = new Map(months.map((month, i) => [month, i]));
    const referrals = months.map(() => 0);
    const won = months.map(() => 0);
    for (const referral of this.countedReferrals) {
      const i = index.get(referral.submittedDate.slice(0, 7));
      if (i === undefined) continue;
      referrals[i] += 1;
      if (referral.won) won[i] += 1;
    }
    return { months, referrals, won };
  }

  get trendChart(): ChartConfig {
    const trend = this.trend;
    return trendConfig({
      months: trend.months,
      referrals: trend.referrals,
      won: trend.won,
      labels: { referrals: TREND_REFERRALS, won: TREND_WON }
    });
  }

  get trendRows(): { key: string; month: string; referrals: number; won: number }[] {
    const trend = this.trend;
    const labels = monthLabels(trend.months);
    return trend.months.map((month, i) => ({
      key: month,
      month: labels[i],
      referrals: trend.referrals[i],
      won: trend.won[i]
    }));
  }

  /**
   * Enrolled advocates, active referrers, referrals, qualified and won; the benchmark scales the
   * published figures to the same enrolment (36% active, 0.87 referrals each, 13% of them won).
   */
  get funnel(): FunnelStep[] {
    const r = this.result;
    if (!r) return [];
    const qualified = this.countedReferrals.filter(
      (referral) => referral.qualified === true || referral.won
    ).length;
    const round = (value: number): number => Math.round(value * 10) / 10;
    const referralsBenchmark = r.enrolled * BENCHMARKS.referralsPerAdvocate;
    return [
      { key: 'enrolled', label: FUNNEL_ENROLLED, value: r.enrolled, benchmark: r.enrolled },
      {
        key: 'active',
        label: FUNNEL_ACTIVE,
        value: r.active,
        benchmark: round(r.enrolled * BENCHMARKS.activeRate)
      },
      {
        key: 'referrals',
        label: FUNNEL_REFERRALS,
        value: r.referrals,
        benchmark: round(referralsBenchmark)
      },
      { key: 'qualified', label: FUNNEL_QUALIFIED, value: qualified, benchmark: null },
      {
        key: 'won',
        label: FUNNEL_WON,
        value: r.won,
        benchmark: round(referralsBenchmark * BENCHMARKS.conversionRate)
      }
    ];
  }

  get funnelChart(): ChartConfig {
    return funnelConfig({
      steps: this.funnel,
      labels: { program: FUNNEL_PROGRAM, benchmark: FUNNEL_BENCHMARK }
    });
  }

  get funnelRows(): { key: string; label: string; value: number; benchmark: string }[] {
    return this.funnel.map((step) => ({
      key: step.key,
      label: step.label,
      value: step.value,
      benchmark: step.benchmark === null ? '\u2014' : String(step.benchmark)
    }));
  }

  get chartsVisible(): boolean {
    return !this.chartError;
  }

  get chartTableClass(): string {
    return this.chartError
      ? 'slds-table slds-table_bordered slds-table_cell-buffer chart-table'
      : 'slds-assistive-text chart-table';
  }

  handleProgramChange(event: CustomEvent<{ value: string }>): void {
    this.selectedProgramId = event.detail.value;
  }

  handlePeriodChange(event: CustomEvent<{ value: string }>): void {
    this.period = event.detail.value as PeriodKey;
  }
}
