import { LightningElement, api, wire } from 'lwc';
import PROGRAM from '@salesforce/schema/Referral_Program__c';
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

/**
 * Rows per page of each tab. The ranking covers every advocate loaded (the engine ranks 10,000
 * advocates in tens of milliseconds); what costs is the datatable, whose rendering grows with its
 * rows (about 100 ms a row on a busy machine), so the table shows one page at a time.
 */
export const PAGE_SIZE = 10;

// the object's API name from the schema: it carries the namespace prefix once installed
const PROGRAM_OBJECT = PROGRAM.objectApiName;
const LOADING = 'Loading the leaderboard\u2026';

type WeightName = 'submitted' | 'qualified' | 'won' | 'revenuePer1000' | 'halfLifeDays';

interface SliderSpec {
  name: WeightName;
  label: string;
  min: number;
  max: number;
  step: number;
}

const SLIDERS: SliderSpec[] = [
  { name: 'submitted', label: 'Points per referral submitted', min: 0, max: 20, step: 0.5 },
  { name: 'qualified', label: 'Points per referral qualified', min: 0, max: 50, step: 0.5 },
  { name: 'won', label: 'Points per deal won', min: 0, max: 100, step: 1 },
  { name: 'revenuePer1000', label: 'Points per 1,000 of revenue won', min: 0, max: 10, step: 0.1 },
  { name: 'halfLifeDays', label: 'Half-life of a referral (days)', min: 30, max: 720, step: 30 }
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

  periodOptions = optionsFor(['LAST_90_DAYS', 'LAST_12_MONTHS', 'THIS_YEAR', 'LAST_3_YEARS']);

  advocateColumns = [
    { label: 'Rank', fieldName: 'rank', type: 'number', initialWidth: 80 },
    { label: 'Advocate', fieldName: 'name' },
    { label: 'Contact', fieldName: 'contactName' },
    { label: 'Account', fieldName: 'accountName' },
    { label: 'Relationship owner', fieldName: 'ownerName' },
    {
      label: 'Score',
      fieldName: 'score',
      type: 'number',
      typeAttributes: { minimumFractionDigits: 2, maximumFractionDigits: 2 }
    },
    { label: 'Submitted', fieldName: 'submitted', type: 'number' },
    { label: 'Qualified', fieldName: 'qualified', type: 'number' },
    { label: 'Won', fieldName: 'won', type: 'number' }
  ];

  repColumns = [
    { label: 'Rank', fieldName: 'rank', type: 'number', initialWidth: 80 },
    { label: 'Rep', fieldName: 'ownerName' },
    { label: 'Active advocates', fieldName: 'advocates', type: 'number' },
    { label: 'Referrals', fieldName: 'submitted', type: 'number' },
    { label: 'Deals won', fieldName: 'won', type: 'number' },
    {
      label: 'Advocates\u2019 total score',
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
    return `Only the ${limit.toLocaleString()} most recent referrals of this period are ranked; choose a shorter period for a complete ranking.`;
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
    return `${rangeText(this.advocatePage, this.ranking.advocates.length, 'ranked advocates')}, as of ${this.leaderboard?.asOf ?? ''}.`;
  }

  get repCaption(): string {
    if (this.isLoading) return LOADING;
    return `${rangeText(this.repPage, this.ranking.reps.length, 'ranked reps')}.`;
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

function rangeText(page: number, count: number, what: string): string {
  const first = Math.min(count, page * PAGE_SIZE + 1);
  const last = Math.min(count, (page + 1) * PAGE_SIZE);
  return `${first.toLocaleString()} to ${last.toLocaleString()} of ${count.toLocaleString()} ${what}`;
}

function pageText(page: number, count: number): string {
  return `Page ${(page + 1).toLocaleString()} of ${(lastPage(count) + 1).toLocaleString()}`;
}
