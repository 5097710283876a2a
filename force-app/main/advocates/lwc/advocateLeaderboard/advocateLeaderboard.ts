import { LightningElement, api, wire } from 'lwc';
import PROGRAM_SCHEMA from '@salesforce/schema/Referral_Program__c';
import getPrograms from '@salesforce/apex/AdvocateLeaderboardController.getPrograms';
import getLeaderboard from '@salesforce/apex/AdvocateLeaderboardController.getLeaderboard';
import type { ScoreRow, ScoreWeights } from 'c/referralEngine';
import type { LeaderboardAdvocate, LeaderboardData, ProgramOption } from 'c/advocateDtos';
import { periodOptions as optionsFor, periodRange, type PeriodKey } from 'c/reportingPeriods';
import {
  advocateDirectory,
  rankReps,
  scoreAdvocates,
  withNames,
  type AdvocateRow,
  type RepRow
} from './ranking';
import { formatDate, formatLabel, formatNumber } from 'c/localization';
import TITLE from '@salesforce/label/c.Advocates_Board_Title';
import WRONG_PAGE from '@salesforce/label/c.Advocates_Board_Wrong_Page';
import PROGRAM from '@salesforce/label/c.Advocates_Board_Program';
import PERIOD from '@salesforce/label/c.Advocates_Board_Period';
import LOAD_FAILED from '@salesforce/label/c.Advocates_Board_Load_Failed';
import NO_PROGRAM from '@salesforce/label/c.Advocates_Board_No_Program';
import LOADING from '@salesforce/label/c.Advocates_Board_Loading';
import WEIGHTS from '@salesforce/label/c.Advocates_Board_Weights';
import WEIGHTS_LEGEND from '@salesforce/label/c.Advocates_Board_Weights_Legend';
import RESET from '@salesforce/label/c.Advocates_Board_Reset';
import WEIGHTS_INVALID from '@salesforce/label/c.Advocates_Board_Weights_Invalid';
import ADVOCATES from '@salesforce/label/c.Advocates_Board_Advocates';
import NO_REFERRALS from '@salesforce/label/c.Advocates_Board_No_Referrals';
import REPS from '@salesforce/label/c.Advocates_Board_Reps';
import NO_REPS from '@salesforce/label/c.Advocates_Board_No_Reps';
import SLIDER_SUBMITTED from '@salesforce/label/c.Advocates_Board_Slider_Submitted';
import SLIDER_QUALIFIED from '@salesforce/label/c.Advocates_Board_Slider_Qualified';
import SLIDER_WON from '@salesforce/label/c.Advocates_Board_Slider_Won';
import SLIDER_REVENUE from '@salesforce/label/c.Advocates_Board_Slider_Revenue';
import SLIDER_HALF_LIFE from '@salesforce/label/c.Advocates_Board_Slider_Half_Life';
import COL_RANK from '@salesforce/label/c.Advocates_Board_Col_Rank';
import COL_ADVOCATE from '@salesforce/label/c.Advocates_Board_Col_Advocate';
import COL_CONTACT from '@salesforce/label/c.Advocates_Board_Col_Contact';
import COL_ACCOUNT from '@salesforce/label/c.Advocates_Board_Col_Account';
import COL_OWNER from '@salesforce/label/c.Advocates_Board_Col_Owner';
import COL_SCORE from '@salesforce/label/c.Advocates_Board_Col_Score';
import COL_SUBMITTED from '@salesforce/label/c.Advocates_Board_Col_Submitted';
import COL_QUALIFIED from '@salesforce/label/c.Advocates_Board_Col_Qualified';
import COL_WON from '@salesforce/label/c.Advocates_Board_Col_Won';
import COL_REP from '@salesforce/label/c.Advocates_Board_Col_Rep';
import COL_ACTIVE_ADVOCATES from '@salesforce/label/c.Advocates_Board_Col_Active_Advocates';
import COL_REFERRALS from '@salesforce/label/c.Advocates_Board_Col_Referrals';
import COL_DEALS_WON from '@salesforce/label/c.Advocates_Board_Col_Deals_Won';
import COL_TOTAL_SCORE from '@salesforce/label/c.Advocates_Board_Col_Total_Score';
import TRUNCATED from '@salesforce/label/c.Advocates_Board_Truncated';
import CAPTION from '@salesforce/label/c.Advocates_Board_Caption';
import REP_CAPTION from '@salesforce/label/c.Advocates_Board_Rep_Caption';
import PAGE from '@salesforce/label/c.Advocates_Board_Page';
import PREVIOUS from '@salesforce/label/c.Advocates_Board_Previous';
import NEXT from '@salesforce/label/c.Advocates_Board_Next';
import ADVOCATE_PAGES from '@salesforce/label/c.Advocates_Board_Advocate_Pages';
import REP_PAGES from '@salesforce/label/c.Advocates_Board_Rep_Pages';

/**
 * Rows per page of each tab. The ranking covers every advocate loaded (the engine ranks 10,000
 * advocates in tens of milliseconds); what costs is the datatable, whose rendering grows with its
 * rows (about 100 ms a row on a busy machine), so the table shows one page at a time.
 */
export const PAGE_SIZE = 10;

// the object's API name from the schema: it carries the namespace prefix once installed
const PROGRAM_OBJECT = PROGRAM_SCHEMA.objectApiName;

type WeightName = 'submitted' | 'qualified' | 'won' | 'revenuePer1000' | 'halfLifeDays';

interface SliderSpec {
  name: WeightName;
  label: string;
  min: number;
  max: number;
  step: number;
}

const SLIDERS: SliderSpec[] = [
  { name: 'submitted', label: SLIDER_SUBMITTED, min: 0, max: 20, step: 0.5 },
  { name: 'qualified', label: SLIDER_QUALIFIED, min: 0, max: 50, step: 0.5 },
  { name: 'won', label: SLIDER_WON, min: 0, max: 100, step: 1 },
  {
    name: 'revenuePer1000',
    label: formatLabel(SLIDER_REVENUE, formatNumber(1000)),
    min: 0,
    max: 10,
    step: 0.1
  },
  { name: 'halfLifeDays', label: SLIDER_HALF_LIFE, min: 30, max: 720, step: 30 }
];

interface WireResult<T> {
  data?: T;
  error?: unknown;
}

/**
 * Advocates ranked by docs/rules.md `score` with their program's weights, for a period; a second tab
 * ranks reps by the activity of the advocates they own. Admins (who may edit the program's
 * weights) can drag the weights and see the ranking change at once: the ranking is recomputed in
 * the browser with the TypeScript engine; Reset restores the program's weights.
 */
export default class AdvocateLeaderboard extends LightningElement {
  /** Set on a record page; on a Referral Program page the program is the record. */
  @api recordId: string | undefined;
  /** Set on a record page. */
  @api objectApiName: string | undefined;

  period: PeriodKey = 'LAST_12_MONTHS';
  selectedProgramId: string | undefined;
  programs: ProgramOption[] | undefined;
  programsError: unknown;
  leaderboard: LeaderboardData | undefined;
  leaderboardError: unknown;
  /** The weights in use: the program's, or the admin's draft. */
  weights: ScoreWeights | undefined;
  /** The ranking for the data and weights in use, recomputed only when either changes. */
  ranking: { advocates: ScoreRow[]; reps: RepRow[]; error?: unknown } = {
    advocates: [],
    reps: []
  };
  /** Zero-based page of each tab. */
  advocatePage = 0;
  repPage = 0;
  /** The rows of the current pages: set when the ranking or the page changes, so a re-render
   * of the card hands the datatables the same arrays and they do not rebuild their rows. */
  advocateRows: AdvocateRow[] = [];
  repRows: RepRow[] = [];
  /** The loaded advocates by id (names for the page's rows). */
  private directory = new Map<string, LeaderboardAdvocate>();

  labels = {
    title: TITLE,
    wrongPage: WRONG_PAGE,
    program: PROGRAM,
    period: PERIOD,
    loadFailed: LOAD_FAILED,
    noProgram: NO_PROGRAM,
    loading: LOADING,
    weights: WEIGHTS,
    weightsLegend: WEIGHTS_LEGEND,
    reset: RESET,
    weightsInvalid: WEIGHTS_INVALID,
    advocates: ADVOCATES,
    noReferrals: NO_REFERRALS,
    reps: REPS,
    noReps: NO_REPS,
    previous: PREVIOUS,
    next: NEXT,
    advocatePages: ADVOCATE_PAGES,
    repPages: REP_PAGES
  };

  periodOptions = optionsFor(['LAST_90_DAYS', 'LAST_12_MONTHS', 'THIS_YEAR', 'LAST_3_YEARS']);

  advocateColumns = [
    { label: COL_RANK, fieldName: 'rank', type: 'number', initialWidth: 80 },
    { label: COL_ADVOCATE, fieldName: 'name' },
    { label: COL_CONTACT, fieldName: 'contactName' },
    { label: COL_ACCOUNT, fieldName: 'accountName' },
    { label: COL_OWNER, fieldName: 'ownerName' },
    {
      label: COL_SCORE,
      fieldName: 'score',
      type: 'number',
      typeAttributes: { minimumFractionDigits: 2, maximumFractionDigits: 2 }
    },
    { label: COL_SUBMITTED, fieldName: 'submitted', type: 'number' },
    { label: COL_QUALIFIED, fieldName: 'qualified', type: 'number' },
    { label: COL_WON, fieldName: 'won', type: 'number' }
  ];

  repColumns = [
    { label: COL_RANK, fieldName: 'rank', type: 'number', initialWidth: 80 },
    { label: COL_REP, fieldName: 'ownerName' },
    { label: COL_ACTIVE_ADVOCATES, fieldName: 'advocates', type: 'number' },
    { label: COL_REFERRALS, fieldName: 'submitted', type: 'number' },
    { label: COL_DEALS_WON, fieldName: 'won', type: 'number' },
    {
      label: COL_TOTAL_SCORE,
      fieldName: 'totalScore',
      type: 'number',
      typeAttributes: { minimumFractionDigits: 2, maximumFractionDigits: 2 }
    }
  ];

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

  @wire(getLeaderboard, {
    programId: '$programId',
    periodStart: '$periodStart',
    periodEnd: '$periodEnd'
  })
  wiredLeaderboard(result: WireResult<LeaderboardData>): void {
    if (result.data) {
      this.leaderboard = result.data;
      this.leaderboardError = undefined;
      this.directory = advocateDirectory(result.data);
      this.weights = { ...result.data.weights };
      this.advocatePage = 0;
      this.repPage = 0;
    } else if (result.error) {
      this.leaderboard = undefined;
      this.leaderboardError = result.error;
    }
    this.rerank();
  }

  get onProgramPage(): boolean {
    return this.objectApiName === PROGRAM_OBJECT && Boolean(this.recordId);
  }

  /** On another object's record page the leaderboard has no program to rank. */
  get wrongPage(): boolean {
    return Boolean(this.objectApiName) && this.objectApiName !== PROGRAM_OBJECT;
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
    return (this.programs ?? []).map((program) => ({
      label: program.status ? `${program.name} (${program.status})` : program.name,
      value: program.id
    }));
  }

  get error(): unknown {
    return this.leaderboardError ?? (this.onProgramPage ? undefined : this.programsError);
  }

  get noProgram(): boolean {
    return !this.onProgramPage && this.programs !== undefined && this.programs.length === 0;
  }

  get isLoading(): boolean {
    return !this.noProgram && this.leaderboard === undefined;
  }

  get truncated(): boolean {
    return this.leaderboard?.truncated === true;
  }

  get truncatedMessage(): string {
    const limit = this.leaderboard?.rowLimit ?? 0;
    return formatLabel(TRUNCATED, formatNumber(limit));
  }

  get canEditWeights(): boolean {
    return this.leaderboard?.canEditWeights === true;
  }

  get sliders(): (SliderSpec & { value: number })[] {
    const weights = this.weights;
    return SLIDERS.map((spec) => ({ ...spec, value: weights ? weights[spec.name] : 0 }));
  }

  get weightsChanged(): boolean {
    const saved = this.leaderboard?.weights;
    const weights = this.weights;
    if (!saved || !weights) return false;
    return SLIDERS.some((spec) => saved[spec.name] !== weights[spec.name]);
  }

  get resetDisabled(): boolean {
    return !this.weightsChanged;
  }

  /** Ranks with the engine, or keeps the engine's refusal (a weight the engine rejects). */
  rerank(): void {
    const data = this.leaderboard;
    if (!data || !this.weights) {
      this.ranking = { advocates: [], reps: [] };
    } else {
      try {
        const advocates = scoreAdvocates(data, this.weights);
        this.ranking = { advocates, reps: rankReps(data, advocates, this.directory) };
      } catch (e) {
        this.ranking = { advocates: [], reps: [], error: e };
      }
    }
    this.paginate();
  }

  /** Keeps each tab's page within its ranking and takes that page's rows. */
  paginate(): void {
    this.advocatePage = clampPage(this.advocatePage, this.ranking.advocates.length);
    this.repPage = clampPage(this.repPage, this.ranking.reps.length);
    this.advocateRows = withNames(
      pageOf(this.ranking.advocates, this.advocatePage),
      this.directory
    );
    this.repRows = pageOf(this.ranking.reps, this.repPage);
  }

  get engineError(): unknown {
    return this.ranking.error;
  }

  /**
   * The tables stand while the leaderboard loads (the datatable's own loading state), so that
   * when the data arrives only the rows of the first page render.
   */
  get showAdvocateTable(): boolean {
    return this.isLoading || this.advocateRows.length > 0;
  }

  get showRepTable(): boolean {
    return this.isLoading || this.repRows.length > 0;
  }

  get rankedCaption(): string {
    if (this.isLoading) return LOADING;
    return rangeText(
      CAPTION,
      this.advocatePage,
      this.ranking.advocates.length,
      formatDate(this.leaderboard?.asOf)
    );
  }

  get repCaption(): string {
    if (this.isLoading) return LOADING;
    return rangeText(REP_CAPTION, this.repPage, this.ranking.reps.length);
  }

  get advocatePageLabel(): string {
    return pageText(this.advocatePage, this.ranking.advocates.length);
  }

  get repPageLabel(): string {
    return pageText(this.repPage, this.ranking.reps.length);
  }

  get showAdvocatePager(): boolean {
    return this.ranking.advocates.length > PAGE_SIZE;
  }

  get showRepPager(): boolean {
    return this.ranking.reps.length > PAGE_SIZE;
  }

  get advocatePreviousDisabled(): boolean {
    return this.advocatePage === 0;
  }

  get advocateNextDisabled(): boolean {
    return this.advocatePage >= lastPage(this.ranking.advocates.length);
  }

  get repPreviousDisabled(): boolean {
    return this.repPage === 0;
  }

  get repNextDisabled(): boolean {
    return this.repPage >= lastPage(this.ranking.reps.length);
  }

  handlePage(event: Event): void {
    const { tab, step } = (event.currentTarget as HTMLElement).dataset;
    const delta = step === 'next' ? 1 : step === 'previous' ? -1 : 0;
    if (tab === 'advocates') this.advocatePage = Math.max(0, this.advocatePage + delta);
    else if (tab === 'reps') this.repPage = Math.max(0, this.repPage + delta);
    this.paginate();
  }

  handleProgramChange(event: CustomEvent<{ value: string }>): void {
    this.selectedProgramId = event.detail.value;
  }

  handlePeriodChange(event: CustomEvent<{ value: string }>): void {
    this.period = event.detail.value as PeriodKey;
  }

  handleWeightChange(event: CustomEvent<{ value: number | string }>): void {
    const name = (event.target as HTMLElement).dataset.weight as WeightName | undefined;
    const value = Number(event.detail.value);
    if (!name || !this.weights || !Number.isFinite(value)) return;
    this.weights = { ...this.weights, [name]: value };
    this.rerank();
  }

  handleResetWeights(): void {
    if (this.leaderboard) this.weights = { ...this.leaderboard.weights };
    this.rerank();
  }
}

function lastPage(count: number): number {
  return Math.max(0, Math.ceil(count / PAGE_SIZE) - 1);
}

function clampPage(page: number, count: number): number {
  return Math.min(Math.max(0, page), lastPage(count));
}

function pageOf<T>(rows: T[], page: number): T[] {
  return rows.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
}

/** The shown range of a ranking in a caption label ({0} to {1} of {2}, then the extras). */
function rangeText(label: string, page: number, count: number, ...extras: string[]): string {
  const first = Math.min(count, page * PAGE_SIZE + 1);
  const last = Math.min(count, (page + 1) * PAGE_SIZE);
  return formatLabel(
    label,
    formatNumber(first),
    formatNumber(last),
    formatNumber(count),
    ...extras
  );
}

function pageText(page: number, count: number): string {
  return formatLabel(PAGE, formatNumber(page + 1), formatNumber(lastPage(count) + 1));
}
