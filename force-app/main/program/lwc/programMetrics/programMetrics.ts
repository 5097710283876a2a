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
import TITLE from '@salesforce/label/c.Program_Metrics_Title';
import WRONG_PAGE from '@salesforce/label/c.Program_Metrics_Wrong_Page';
import PROGRAM_LABEL from '@salesforce/label/c.Program_Metrics_Program';
import PERIOD_LABEL from '@salesforce/label/c.Program_Metrics_Period';
import LOAD_FAILED from '@salesforce/label/c.Program_Metrics_Load_Failed';
import NO_PROGRAM from '@salesforce/label/c.Program_Metrics_No_Program';
import LOADING from '@salesforce/label/c.Program_Metrics_Loading';
import EMPTY from '@salesforce/label/c.Program_Metrics_Empty';
import DISTRIBUTION_TITLE from '@salesforce/label/c.Program_Metrics_Distribution_Title';
import TRUNCATED from '@salesforce/label/c.Program_Metrics_Truncated';
import SUMMARY from '@salesforce/label/c.Program_Metrics_Summary';
import BENCHMARK from '@salesforce/label/c.Program_Metrics_Benchmark';
import DETAIL from '@salesforce/label/c.Program_Metrics_Detail';
import ACTIVE_RATE from '@salesforce/label/c.Program_Metrics_Active_Rate';
import PER_ADVOCATE from '@salesforce/label/c.Program_Metrics_Per_Advocate';
import CONVERSION from '@salesforce/label/c.Program_Metrics_Conversion';
import TOP1_REFERRALS from '@salesforce/label/c.Program_Metrics_Top1_Referrals';
import TOP1_DEALS from '@salesforce/label/c.Program_Metrics_Top1_Deals';
import TOP10_REFERRALS from '@salesforce/label/c.Program_Metrics_Top10_Referrals';
import TOP10_DEALS from '@salesforce/label/c.Program_Metrics_Top10_Deals';
import ONE from '@salesforce/label/c.Program_Metrics_One';
import TWO_TO_TEN from '@salesforce/label/c.Program_Metrics_Two_To_Ten';
import ELEVEN_PLUS from '@salesforce/label/c.Program_Metrics_Eleven_Plus';
import { formatDate, formatFixed, formatLabel, formatNumber } from 'c/localization';

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
  detail: string;
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
    FUNNEL_BENCHMARK,
    TITLE,
    WRONG_PAGE,
    PROGRAM_LABEL,
    PERIOD_LABEL,
    LOAD_FAILED,
    NO_PROGRAM,
    LOADING,
    EMPTY,
    DISTRIBUTION_TITLE
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
    return formatLabel(TRUNCATED, formatNumber(limit));
  }

  get summary(): string {
    const r = this.result;
    if (!r) return '';
    return formatLabel(
      SUMMARY,
      formatNumber(r.enrolled),
      formatNumber(r.active),
      formatNumber(r.referrals),
      formatNumber(r.won),
      formatDate(this.metricsData?.periodStart),
      formatDate(this.metricsData?.periodEnd)
    );
  }

  private tile(
    key: string,
    label: string,
    value: number,
    benchmark: number,
    asPercent: boolean
  ): Tile {
    const format = (v: number): string => (asPercent ? percent(v) : formatFixed(v, 2));
    const benchmarkText = asPercent ? percent(benchmark) : formatNumber(benchmark, 2);
    return {
      key,
      label,
      value: format(value),
      benchmark: formatLabel(BENCHMARK, benchmarkText),
      detail: formatLabel(DETAIL, label, format(value), benchmarkText),
      className: `slds-box slds-box_small tile ${key}`
    };
  }

  get tiles(): Tile[] {
    const r = this.result;
    if (!r) return [];
    return [
      this.tile('activeRate', ACTIVE_RATE, r.activeRate, BENCHMARKS.activeRate, true),
      this.tile(
        'referralsPerAdvocate',
        PER_ADVOCATE,
        r.referralsPerAdvocate,
        BENCHMARKS.referralsPerAdvocate,
        false
      ),
      this.tile('conversionRate', CONVERSION, r.conversionRate, BENCHMARKS.conversionRate, true),
      this.tile(
        'top1Referrals',
        TOP1_REFERRALS,
        r.top1Pct.referralShare,
        BENCHMARKS.top1Pct.referralShare,
        true
      ),
      this.tile('top1Deals', TOP1_DEALS, r.top1Pct.dealShare, BENCHMARKS.top1Pct.dealShare, true),
      this.tile(
        'top10Referrals',
        TOP10_REFERRALS,
        r.top10Pct.referralShare,
        BENCHMARKS.top10Pct.referralShare,
        true
      ),
      this.tile(
        'top10Deals',
        TOP10_DEALS,
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
      ['one', ONE, r.referrerDistribution.one, BENCHMARKS.referrerDistribution.one],
      [
        'twoToTen',
        TWO_TO_TEN,
        r.referrerDistribution.twoToTen,
        BENCHMARKS.referrerDistribution.twoToTen
      ],
      [
        'elevenPlus',
        ELEVEN_PLUS,
        r.referrerDistribution.elevenPlus,
        BENCHMARKS.referrerDistribution.elevenPlus
      ]
    ];
    return rows.map(([key, label, value, benchmark]) => ({
      key,
      label,
      value: percent(value),
      benchmark: formatLabel(BENCHMARK, percent(benchmark)),
      detail: formatLabel(DETAIL, label, percent(value), percent(benchmark)),
      // labels-gate: not text (inline CSS)
      style: `width: ${Math.round(value * 1000) / 10}%`,
      // labels-gate: not text (inline CSS)
      benchmarkStyle: `width: ${Math.round(benchmark * 1000) / 10}%`
    }));
  }

  get chartLabel(): string {
    return `${DISTRIBUTION_TITLE}: ${this.bars.map((bar) => bar.detail).join('; ')}.`;
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
      benchmark: step.benchmark === null ? '\u2014' : formatNumber(step.benchmark, 1)
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
