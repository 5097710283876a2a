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
 * distribution as SLDS-styled bars, each beside the published benchmark (PRODUCT.md). The
 * metrics are computed in the browser with the TypeScript engine over rows the server reads in
 * user mode, so they cover the records the user may see.
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

  handleProgramChange(event: CustomEvent<{ value: string }>): void {
    this.selectedProgramId = event.detail.value;
  }

  handlePeriodChange(event: CustomEvent<{ value: string }>): void {
    this.period = event.detail.value as PeriodKey;
  }
}
